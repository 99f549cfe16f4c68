using System.ComponentModel;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Resourceful.Runtime;

/// <summary>
/// Writes the <c>Cache-Control</c>, <c>Pragma</c> and <c>Vary</c> values the generator read from <c>[ResponseCache]</c>
/// (and <c>Vary: Accept</c> where the media type is negotiated) at compile time: constants, so a request pays three
/// header assignments and no formatting. Called only by generated code, from one generated method per handler.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulCacheHeaders
{
    /// <summary>Sets each header that has a value, replacing what was there, as MVC's response cache filter does.</summary>
    public static void Write(HttpResponse response, string? cacheControl, string? pragma, string? vary)
    {
        var headers = response.Headers;
        if (cacheControl is not null)
        {
            headers.CacheControl = cacheControl;
        }

        if (pragma is not null)
        {
            headers.Pragma = pragma;
        }

        if (vary is not null)
        {
            headers.Vary = vary;
        }
    }

    /// <summary>
    /// Whether <paramref name="result"/> declares a <c>2xx</c> status (<see cref="IStatusCodeHttpResult"/>): the
    /// responses that carry the cache headers. A result that declares no status gets none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSuccess(IResult? result) =>
        result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };
}
