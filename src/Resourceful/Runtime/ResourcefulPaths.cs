using System;
using System.Buffers;
using System.ComponentModel;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Resourceful.Runtime;

/// <summary>
/// Answers <c>OPTIONS</c> on a generated path (RFC 9110 §9.3.7), and the <c>405</c> for a method the path does not
/// declare. Everything <c>OPTIONS</c> sends was computed by the generator or at start-up, so it allocates nothing per
/// request. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulPaths
{
    /// <summary>
    /// <c>OPTIONS</c>: <c>204</c> with <c>Allow</c>, or <c>200</c> with <paramref name="description"/> when the client
    /// asks for <c>application/json</c>.
    /// </summary>
    /// <remarks>
    /// A CORS preflight never gets here when the app has a CORS policy: ASP.NET Core's CORS middleware answers it
    /// first. Without one it is an ordinary <c>OPTIONS</c> request.
    /// </remarks>
    public static Task AnswerAsync(HttpContext httpContext, string allow, ReadOnlySpan<byte> description)
        => AnswerAsync(httpContext, allow, description, acceptQuery: null);

    /// <inheritdoc cref="AnswerAsync(HttpContext, string, ReadOnlySpan{byte})"/>
    /// <param name="httpContext">The request.</param>
    /// <param name="allow">The path's methods.</param>
    /// <param name="description">The JSON description, or empty.</param>
    /// <param name="acceptQuery">The media types the path's <c>QUERY</c> handler accepts, sent as <c>Accept-Query</c> (RFC 10008 §3); <see langword="null"/> for none.</param>
    public static Task AnswerAsync(HttpContext httpContext, string allow, ReadOnlySpan<byte> description, string? acceptQuery)
    {
        var response = httpContext.Response;
        response.Headers.Allow = allow;
        if (acceptQuery is not null)
        {
            response.Headers["Accept-Query"] = acceptQuery;
        }

        if (!description.IsEmpty && ResourcefulContent.AsksFor(httpContext.Request.Headers.Accept, "application/json"))
        {
            response.StatusCode = StatusCodes.Status200OK;
            return WriteConstantAsync(response, "application/json", description);
        }

        response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>
    /// A method the path does not declare: <c>405</c> with <paramref name="allow"/> (in the order <c>OPTIONS</c> lists it)
    /// and a problem document, through the app's problem details when it has them (RFC 9110 §15.5.6).
    /// </summary>
    public static Task RejectAsync(HttpContext httpContext, string allow)
    {
        httpContext.Response.Headers.Allow = allow;
        return ProblemWriter.WriteMethodNotAllowedAsync(httpContext);
    }

    /// <summary>Writes a constant JSON document, such as the compile-time OpenAPI document, with its length.</summary>
    public static Task WriteJsonAsync(HttpContext httpContext, ReadOnlySpan<byte> json)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        return WriteConstantAsync(httpContext.Response, "application/json; charset=utf-8", json);
    }

    internal static Task WriteConstantAsync(HttpResponse response, string contentType, ReadOnlySpan<byte> body)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(response.HttpContext.Request.Method))
        {
            return Task.CompletedTask;
        }

        response.BodyWriter.Write(body);
        var flush = response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted);
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }
}
