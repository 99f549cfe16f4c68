using System.ComponentModel;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Resourceful.Runtime;

/// <summary>Answers old URIs declared with <c>[MovedFrom]</c>. Called only by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulRedirects
{
    /// <summary>The route value that carries the rest of an old URI below a moved resource.</summary>
    public const string RestRouteValue = "resourcefulMovedRest";

    /// <summary>
    /// <c>301 Moved Permanently</c> for <c>GET</c>/<c>HEAD</c>, <c>308 Permanent Redirect</c> otherwise (so clients
    /// repeat the method and body, RFC 9110 §15.4.9), with <c>Location</c> set to <paramref name="location"/>, the
    /// rest of the old path below it, and the original query string. The rest comes from the request, so the
    /// <c>Location</c> is kept on the app's origin: it never starts with <c>//</c> or <c>/\</c>, which a browser reads
    /// as another host (<c>GET /old-root//evil.com</c> below a resource at <c>/</c>).
    /// </summary>
    public static Task MovedAsync(HttpContext httpContext, string location, bool carriesRest)
    {
        if (carriesRest && ResourcefulBinding.GetRouteValue(httpContext, RestRouteValue) is { Length: > 0 } rest)
        {
            location = location.TrimEnd('/') + "/" + ResourcefulLinks.EscapeRoutePath(rest);
        }

        var request = httpContext.Request;
        var response = httpContext.Response;
        response.StatusCode = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? StatusCodes.Status301MovedPermanently
            : StatusCodes.Status308PermanentRedirect;
        response.Headers.Location = ResourcefulLinks.SameOrigin(request.PathBase.ToUriComponent() + location) + request.QueryString.ToUriComponent();
        return Task.CompletedTask;
    }
}
