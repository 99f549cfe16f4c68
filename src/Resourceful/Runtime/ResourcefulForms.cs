using System;
using System.ComponentModel;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Resourceful.Runtime;

/// <summary>
/// Form reading for generated endpoints, by minimal APIs' rules: the form is read once with
/// <see cref="HttpRequest.ReadFormAsync(System.Threading.CancellationToken)"/>, so the app's <see cref="FormOptions"/>
/// limits apply, and the antiforgery middleware's verdict is honoured before the form is touched. Every failure is an
/// RFC 9457 problem through the app's problem-details service, never a 500. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulForms
{
    /// <summary>The media types a form endpoint accepts, as <c>Accept-Post</c>/<c>Accept-Patch</c> list them.</summary>
    public const string AcceptedMediaTypes = "multipart/form-data, application/x-www-form-urlencoded";

    /// <summary>
    /// Reads the request's form. On failure it has already answered the request and returns <see langword="false"/>:
    /// <c>400</c> when the request has no body, <c>415</c> with <c>Accept-Post</c>/<c>Accept-Patch</c> when it is not
    /// a form, <c>400</c> when its antiforgery token is missing or invalid (the antiforgery middleware's
    /// <see cref="IAntiforgeryValidationFeature"/>), <c>413</c> when the body is over the endpoint's limit, Kestrel's or one of
    /// <see cref="FormOptions"/>' limits, <c>400</c> when the form is malformed or truncated.
    /// </summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="maxBodySize">The endpoint's body limit in bytes, or 0 for the server's.</param>
    public static ValueTask<bool> ReadAsync(HttpContext httpContext, long maxBodySize = 0)
    {
        var request = httpContext.Request;
        if (httpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return Fail(ProblemWriter.WriteAsync(httpContext, StatusCodes.Status400BadRequest, "Bad Request", "A form body is required."));
        }

        if (!IsFormContentType(request.ContentType))
        {
            return Fail(WriteUnsupportedMediaTypeAsync(httpContext));
        }

        if (httpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } antiforgery)
        {
            // As minimal APIs answer it, after the content type (a body that is no form answers 415, as routing answers
            // it for minimal APIs). The form itself refuses to be read after a failed validation. When the validation failed because the middleware could not read the form
            // (over a limit, truncated), that is the answer: 413 or 400 as below, not a token problem.
            return antiforgery.Error?.InnerException is IOException or InvalidDataException
                ? Fail(WriteUnreadableAsync(httpContext, antiforgery.Error.InnerException))
                : Fail(ProblemWriter.WriteAsync(httpContext, StatusCodes.Status400BadRequest, "Bad Request", "The antiforgery token is missing or invalid."));
        }

        if (maxBodySize > 0 && request.ContentLength > maxBodySize)
        {
            return Fail(ProblemWriter.WriteAsync(
                httpContext,
                StatusCodes.Status413PayloadTooLarge,
                "Content Too Large",
                $"The request body is larger than this endpoint's limit of {maxBodySize} bytes."));
        }

        var read = request.ReadFormAsync(httpContext.RequestAborted);
        return read.IsCompletedSuccessfully ? new ValueTask<bool>(true) : AwaitRead(httpContext, read);
    }

    private static async ValueTask<bool> AwaitRead(HttpContext httpContext, Task<IFormCollection> read)
    {
        try
        {
            await read;
            return true;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            await WriteUnreadableAsync(httpContext, exception);
            return false;
        }
    }

    /// <summary>
    /// Answers a form that could not be read: Kestrel's own verdict for its <see cref="BadHttpRequestException"/>
    /// (<c>413</c> over its limit, <c>400</c> for a malformed or truncated stream), <c>413</c> for a
    /// <see cref="FormOptions"/> limit (too many values, a value or key too long, a multipart body or its headers too
    /// large), <c>400</c> for any other malformed form (no boundary, a truncated multipart body, a broken part).
    /// </summary>
    private static Task WriteUnreadableAsync(HttpContext httpContext, Exception exception)
    {
        if (exception is BadHttpRequestException badRequest)
        {
            var tooLarge = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge;
            return ProblemWriter.WriteAsync(httpContext, badRequest.StatusCode, tooLarge ? "Content Too Large" : "Bad Request", badRequest.Message);
        }

        return exception is InvalidDataException limit && IsLimit(limit)
            ? ProblemWriter.WriteAsync(httpContext, StatusCodes.Status413PayloadTooLarge, "Content Too Large", limit.Message)
            : ProblemWriter.WriteAsync(httpContext, StatusCodes.Status400BadRequest, "Bad Request", "The form could not be read: " + exception.Message);
    }

    // FormOptions' limits fail with "… limit N exceeded." (FormReader, MultipartReader): the framework's own
    // messages, which are not localized.
    private static bool IsLimit(InvalidDataException exception) =>
        exception.Message.Contains(" limit ", StringComparison.Ordinal) && exception.Message.Contains("exceeded", StringComparison.Ordinal)
        && !exception.Message.Contains("boundary", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the body is a form, as <see cref="HttpRequest.HasFormContentType"/> decides, which cannot be asked after a
    /// failed antiforgery validation (it throws then).
    /// </summary>
    private static bool IsFormContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase));

    /// <summary>The file part named <paramref name="name"/>, or <see langword="null"/>. After <see cref="ReadAsync"/> only.</summary>
    public static IFormFile? File(HttpContext httpContext, string name) => httpContext.Request.Form.Files.GetFile(name);

    /// <summary>The file part named <paramref name="name"/>; a missing one is recorded in <paramref name="errors"/>.</summary>
    public static IFormFile RequiredFile(HttpContext httpContext, string name, ref BindingErrors errors)
    {
        var file = httpContext.Request.Form.Files.GetFile(name);
        if (file is null)
        {
            errors.Add(name, $"The form file '{name}' is required.");
        }

        return file!;
    }

    /// <summary>
    /// Answers <c>415</c>, listing the form media types in <c>Accept-Post</c>, <c>Accept-Patch</c> or <c>Accept-Query</c>.
    /// Also the request delegate of a form endpoint's companion, which routing picks when the request's
    /// <c>Content-Type</c> is no form (the endpoint's <see cref="Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata"/>
    /// excludes it).
    /// </summary>
    internal static Task WriteUnsupportedMediaTypeAsync(HttpContext httpContext, string accepted = AcceptedMediaTypes)
    {
        var contentType = httpContext.Request.ContentType;
        var detail = string.IsNullOrEmpty(contentType)
            ? "The request body must be a form ('multipart/form-data' or 'application/x-www-form-urlencoded'), and it has no Content-Type."
            : $"The request body must be a form ('multipart/form-data' or 'application/x-www-form-urlencoded'), not '{contentType}'.";
        return ProblemWriter.WriteUnsupportedMediaTypeAsync(httpContext, accepted, detail);
    }

    private static async ValueTask<bool> Fail(Task answer)
    {
        await answer;
        return false;
    }
}
