using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Resourceful.Runtime;

/// <summary>
/// Requests the client broke on the wire: a body whose framing Kestrel rejects (a chunk size that overflows, a body
/// shorter than its <c>Content-Length</c>) fails the read that meets it, possibly inside a handler that reads a
/// <see cref="Stream"/> or <see cref="System.IO.Pipelines.PipeReader"/> itself. That is the client's error, so it
/// answers <c>400</c> (or the status Kestrel chose, such as <c>413</c>), never <c>500</c>.
/// </summary>
internal static class ResourcefulRequestErrors
{
    /// <summary>
    /// Wraps a handler's request delegate so that a broken request body answers its <c>4xx</c>, wherever in the handler
    /// (or the body binding before it) the read fails; every other exception goes on to the app's exception handling.
    /// </summary>
    public static RequestDelegate Guard(RequestDelegate inner) => httpContext =>
    {
        Task task;
        try
        {
            task = inner(httpContext);
        }
        catch (Exception exception) when (IsBrokenRequest(httpContext, exception))
        {
            return AnswerAsync(httpContext, exception);
        }

        return task.IsCompletedSuccessfully ? Task.CompletedTask : AwaitAsync(task, httpContext);

        static async Task AwaitAsync(Task task, HttpContext httpContext)
        {
            try
            {
                await task;
            }
            catch (Exception exception) when (IsBrokenRequest(httpContext, exception))
            {
                await AnswerAsync(httpContext, exception);
            }
        }
    };

    /// <summary>
    /// Whether <paramref name="exception"/> is the request body's failure rather than the server's, while a response
    /// can still be written: Kestrel's <see cref="BadHttpRequestException"/>, an <see cref="IOException"/> on a
    /// connection the client has left, or any exception after which the body itself cannot be read (Kestrel reports an
    /// overflowing chunk size as an <see cref="IOException"/>, a NUL in a trailer as an
    /// <see cref="InvalidOperationException"/>).
    /// </summary>
    public static bool IsBrokenRequest(HttpContext httpContext, Exception exception)
    {
        if (httpContext.Response.HasStarted || exception is OperationCanceledException)
        {
            return false;
        }

        return exception is BadHttpRequestException
            || (exception is IOException && httpContext.RequestAborted.IsCancellationRequested)
            || BodyFails(httpContext);
    }

    /// <summary>Answers a broken request: nothing when the client has gone, otherwise a problem with Kestrel's status.</summary>
    public static Task AnswerAsync(HttpContext httpContext, Exception exception)
    {
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a reset connection); there is nobody to answer.
            return Task.CompletedTask;
        }

        httpContext.Response.Clear();
        var status = exception is BadHttpRequestException { StatusCode: >= 400 and < 500 } bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        return status == StatusCodes.Status413PayloadTooLarge
            ? ProblemWriter.WriteAsync(httpContext, status, "Content Too Large", "The request body is larger than this endpoint accepts.")
            : ProblemWriter.WriteAsync(httpContext, status, ReasonPhrases.GetReasonPhrase(status), "The request body could not be read: its framing is malformed or it ended early.");
    }

    // A body that failed stays failed: reading it again throws again. Any other IOException (a file the handler
    // opened, a database connection) leaves the body readable, and remains the server's error.
    private static bool BodyFails(HttpContext httpContext)
    {
        try
        {
            var reader = httpContext.Request.BodyReader;
            if (reader.TryRead(out var result))
            {
                reader.AdvanceTo(result.Buffer.Start);
            }

            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }
}
