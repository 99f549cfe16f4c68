using System;
using System.ComponentModel;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Runtime;

/// <summary>Writes handler results that are not <see cref="IResult"/>s. Called only by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulResults
{
    /// <summary>Executes an <see cref="IResult"/>; a handler that returns <see langword="null"/> is a bug, reported as such.</summary>
    public static Task ExecuteAsync(IResult? result, HttpContext httpContext, string handlerName)
    {
        if (result is null)
        {
            throw NullResult(handlerName);
        }

        // A redirect to a Links value gets the app's path base, as Created and Accepted do.
        return result is RedirectHttpResult redirect
            ? ResourcefulTypedResults.RedirectAsync(redirect, httpContext)
            : result.ExecuteAsync(httpContext);
    }

    /// <summary>The error of a handler that returned <see langword="null"/> instead of its typed result, for generated code to throw.</summary>
    public static InvalidOperationException NullResult(string handlerName) =>
        new($"The handler '{handlerName}' returned a null IResult.");

    /// <summary>Writes <paramref name="text"/> as <c>200 OK</c> <c>text/plain; charset=utf-8</c>.</summary>
    public static Task WriteTextAsync(HttpContext httpContext, string? text)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain; charset=utf-8";
        return text is null ? Task.CompletedTask : response.WriteAsync(text, httpContext.RequestAborted);
    }

    /// <summary>Answers <c>204 No Content</c> for a handler that returns nothing.</summary>
    public static Task WriteNoContent(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
