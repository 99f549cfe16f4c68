using System;
using System.ComponentModel;
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

    /// <summary>
    /// The media ranges of one <c>Accept</c> value, each with its q-value, read in place (RFC 9110 §12.5.1):
    /// <c>type/subtype *( OWS ";" OWS [ name "=" ( token / quoted-string ) ] )</c>, elements separated by commas
    /// outside quoted strings. An element that does not follow the grammar is skipped, as
    /// <c>MediaTypeHeaderValue.TryParseList</c> skips it, so a comma or <c>*/*</c> inside a quoted parameter value
    /// never becomes a range of its own.
    /// </summary>
    private ref struct MediaRanges(string? value)
    {
        private ReadOnlySpan<char> _rest = value.AsSpan();

        public bool MoveNext(out ReadOnlySpan<char> name, out double quality)
        {
            while (!_rest.IsEmpty)
            {
                var length = ElementLength(_rest);
                var element = _rest[..length];
                _rest = length < _rest.Length ? _rest[(length + 1)..] : ReadOnlySpan<char>.Empty;
                if (TryParseRange(element, out name, out quality))
                {
                    return true;
                }
            }

            name = default;
            quality = 0;
            return false;
        }
    }

    /// <summary>The length of the element before the first comma outside a quoted string (all of it when there is none).</summary>
    private static int ElementLength(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '"')
            {
                // A quoted string that never ends takes the rest of the value with it.
                var length = QuotedStringLength(value, i);
                if (length == 0)
                {
                    return value.Length;
                }

                i += length - 1;
            }
            else if (value[i] == ',')
            {
                return i;
            }
        }

        return value.Length;
    }

    /// <summary>
    /// Reads one media range and its weight; false for an empty or malformed element. The weight is the first
    /// <c>q</c> parameter's value; one that is not a qvalue counts as 1, as ASP.NET Core's <c>HeaderUtilities.GetQuality</c> reads it.
    /// </summary>
    private static bool TryParseRange(ReadOnlySpan<char> element, out ReadOnlySpan<char> name, out double quality)
    {
        quality = 1;
        var position = SkipWhitespace(element, 0);
        var typeLength = TokenLength(element, position);
        var slash = position + typeLength;
        if (typeLength == 0 || slash >= element.Length || element[slash] != '/')
        {
            name = default;
            return false;
        }

        var subtypeLength = TokenLength(element, slash + 1);
        if (subtypeLength == 0)
        {
            name = default;
            return false;
        }

        name = element[position..(slash + 1 + subtypeLength)];
        position = slash + 1 + subtypeLength;
        var sawQuality = false;
        while (true)
        {
            position = SkipWhitespace(element, position);
            if (position == element.Length)
            {
                return true;
            }

            if (element[position] != ';')
            {
                return false;
            }

            position = SkipWhitespace(element, position + 1);
            if (position == element.Length || element[position] == ';')
            {
                // RFC 9110 allows an empty parameter: "text/plain;;q=1".
                continue;
            }

            var parameterLength = TokenLength(element, position);
            var equals = position + parameterLength;
            if (parameterLength == 0 || equals >= element.Length || element[equals] != '=')
            {
                return false;
            }

            var valueStart = equals + 1;
            var valueLength = valueStart < element.Length && element[valueStart] == '"'
                ? QuotedStringLength(element, valueStart)
                : TokenLength(element, valueStart);
            if (valueLength == 0)
            {
                return false;
            }

            if (!sawQuality && parameterLength == 1 && (element[position] is 'q' or 'Q'))
            {
                sawQuality = true;
                quality = TryParseQuality(element.Slice(valueStart, valueLength), out var q) ? q : 1;
            }

            position = valueStart + valueLength;
        }
    }

    /// <summary>qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (RFC 9110 §12.4.2).</summary>
    private static bool TryParseQuality(ReadOnlySpan<char> text, out double quality)
    {
        quality = 0;
        if (text.IsEmpty || text.Length > 5 || text[0] is not ('0' or '1') || (text.Length > 1 && text[1] != '.'))
        {
            return false;
        }

        var fraction = 0;
        var scale = 1;
        for (var i = 2; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            fraction = (fraction * 10) + (text[i] - '0');
            scale *= 10;
        }

        quality = (text[0] - '0') + ((double)fraction / scale);
        return quality <= 1;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    private static int TokenLength(ReadOnlySpan<char> text, int position)
    {
        var start = position;
        while (position < text.Length && IsTokenChar(text[position]))
        {
            position++;
        }

        return position - start;
    }

    // tchar (RFC 9110 §5.6.2): "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    /// <summary>The length of the quoted-string at <paramref name="position"/>, quotes included; 0 when it never ends.</summary>
    private static int QuotedStringLength(ReadOnlySpan<char> text, int position)
    {
        for (var i = position + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i - position + 1;
            }
        }

        return 0;
    }
}
