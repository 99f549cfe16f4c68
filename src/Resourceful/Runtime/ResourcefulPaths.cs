using System;
using System.Buffers;
using System.ComponentModel;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Resourceful.Runtime;

/// <summary>
/// Answers the methods a path does not declare: <c>OPTIONS</c> (RFC 9110 §9.3.7) and <c>405 Method Not Allowed</c>
/// (§15.5.6). Everything it sends is a constant the generator computed, so it allocates nothing per request.
/// Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulPaths
{
    private static ReadOnlySpan<byte> MethodNotAllowedProblem =>
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.6","title":"Method Not Allowed","status":405}"""u8;

    /// <summary>
    /// <c>OPTIONS</c>: <c>204</c> with <c>Allow</c>, or <c>200</c> with <paramref name="description"/> when the client
    /// asks for <c>application/json</c>. Any other method: <c>405</c> with <c>Allow</c>.
    /// </summary>
    /// <remarks>
    /// A CORS preflight never gets here when the app has a CORS policy: ASP.NET Core's CORS middleware answers it
    /// first. Without one it is an ordinary <c>OPTIONS</c> request.
    /// </remarks>
    public static Task AnswerAsync(HttpContext httpContext, string allow, ReadOnlySpan<byte> description)
    {
        var response = httpContext.Response;
        response.Headers.Allow = allow;
        if (!HttpMethods.IsOptions(httpContext.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return WriteConstantAsync(response, "application/problem+json", MethodNotAllowedProblem);
        }

        if (ResourcefulContent.AsksFor(httpContext.Request.Headers.Accept, "application/json"))
        {
            response.StatusCode = StatusCodes.Status200OK;
            return WriteConstantAsync(response, "application/json", description);
        }

        response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
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
