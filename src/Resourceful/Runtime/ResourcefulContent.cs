using System;
using System.ComponentModel;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Resourceful.Runtime;

/// <summary>
/// Proactive content negotiation (RFC 9110 §12.5.1) against the media type an endpoint produces, decided at
/// compile time. Parses <c>Accept</c> without allocating. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulContent
{
    /// <summary>
    /// Whether the request's <c>Accept</c> allows <paramref name="mediaType"/> (<c>type/subtype</c>): true when
    /// there is no <c>Accept</c>, or when the most specific range that matches it (<c>type/subtype</c>, then
    /// <c>type/*</c>, then <c>*/*</c>) has a q-value above 0.
    /// </summary>
    public static bool Accepts(HttpContext httpContext, string mediaType)
    {
        var accept = httpContext.Request.Headers.Accept;
        if (accept.Count == 0)
        {
            return true;
        }

        var type = mediaType.AsSpan(0, mediaType.IndexOf('/'));
        var bestSpecificity = -1;
        var bestQuality = 0d;
        var sawAnyRange = false;
        foreach (var value in accept)
        {
            var ranges = new MediaRanges(value);
            while (ranges.MoveNext(out var name, out var quality))
            {
                sawAnyRange = true;
                int specificity;
                if (name.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
                {
                    specificity = 2;
                }
                else if (name.Length == type.Length + 2 && name.EndsWith("/*", StringComparison.Ordinal)
                    && name[..type.Length].Equals(type, StringComparison.OrdinalIgnoreCase))
                {
                    specificity = 1;
                }
                else if (name.SequenceEqual("*/*"))
                {
                    specificity = 0;
                }
                else
                {
                    continue;
                }

                if (specificity > bestSpecificity)
                {
                    bestSpecificity = specificity;
                    bestQuality = quality;
                }
            }
        }

        // An Accept header with no usable range at all is treated as absent, as servers commonly do.
        return !sawAnyRange || (bestSpecificity >= 0 && bestQuality > 0);
    }

    /// <summary>Whether <c>Accept</c> names <paramref name="mediaType"/> itself (not through a wildcard) with q above 0.</summary>
    public static bool AsksFor(StringValues accept, string mediaType)
    {
        foreach (var value in accept)
        {
            var ranges = new MediaRanges(value);
            while (ranges.MoveNext(out var name, out var quality))
            {
                if (name.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
                {
                    return quality > 0;
                }
            }
        }

        return false;
    }

    /// <summary>Answers <c>406 Not Acceptable</c>, naming what the endpoint can produce.</summary>
    public static Task WriteNotAcceptableAsync(HttpContext httpContext, string mediaType)
        => ProblemWriter.WriteAsync(
            httpContext,
            StatusCodes.Status406NotAcceptable,
            "Not Acceptable",
            $"This resource is available as '{mediaType}', which the request's Accept header excludes.");

    /// <summary>The media ranges of one <c>Accept</c> value, each with its q-value, read in place.</summary>
    private ref struct MediaRanges(string? value)
    {
        private ReadOnlySpan<char> _rest = value.AsSpan();

        public bool MoveNext(out ReadOnlySpan<char> name, out double quality)
        {
            while (!_rest.IsEmpty)
            {
                var comma = _rest.IndexOf(',');
                var range = (comma < 0 ? _rest : _rest[..comma]).Trim();
                _rest = comma < 0 ? ReadOnlySpan<char>.Empty : _rest[(comma + 1)..];
                if (range.IsEmpty)
                {
                    continue;
                }

                var semicolon = range.IndexOf(';');
                name = (semicolon < 0 ? range : range[..semicolon]).Trim();
                quality = semicolon < 0 ? 1d : ParseQuality(range[(semicolon + 1)..]);
                return true;
            }

            name = default;
            quality = 0;
            return false;
        }
    }

    private static double ParseQuality(ReadOnlySpan<char> parameters)
    {
        while (!parameters.IsEmpty)
        {
            var semicolon = parameters.IndexOf(';');
            var parameter = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
            parameters = semicolon < 0 ? ReadOnlySpan<char>.Empty : parameters[(semicolon + 1)..];
            if (parameter.Length > 2 && (parameter[0] is 'q' or 'Q') && parameter[1] == '=')
            {
                return double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q)
                    ? Math.Clamp(q, 0, 1)
                    : 1;
            }
        }

        return 1;
    }
}
