using System;
using Microsoft.Extensions.Primitives;

namespace Resourceful.Runtime;

/// <summary>
/// <c>If-Match</c> and <c>If-None-Match</c> lists (RFC 9110 §13.1.1, §13.1.2) matched against one entity tag without
/// parsing them into objects: the conditional <c>GET</c> that answers <c>304</c> is the hot path it is written for.
/// Its reading of a list is <c>EntityTagHeaderValue.ParseList</c>'s, which a test keeps as the oracle.
/// </summary>
internal static class EntityTags
{
    /// <summary>
    /// Whether <paramref name="header"/> is <c>*</c> or lists a tag that matches <paramref name="etag"/>:
    /// <paramref name="weak"/> comparison ignores <c>W/</c>; strong comparison never matches a weak tag.
    /// <c>*</c> matches any current representation, so it matches even when the representation has no tag.
    /// A malformed member matches nothing; the members around it are still read.
    /// </summary>
    public static bool Matches(StringValues header, string? etag, bool weak)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] is { } value && Matches(value.AsSpan(), etag, weak))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(ReadOnlySpan<char> list, string? etag, bool weak)
    {
        var i = 0;
        while (i < list.Length)
        {
            // Members are separated by commas with optional whitespace; empty members are allowed (RFC 9110 §5.6.1).
            var c = list[i];
            if (c is ',' or ' ' or '\t')
            {
                i++;
                continue;
            }

            if (c == '*')
            {
                return true;
            }

            var isWeak = false;

            // RFC 9110 spells it "W/"; the framework's parser also reads "w/", and so does this one.
            if (c is 'W' or 'w' && i + 1 < list.Length && list[i + 1] == '/')
            {
                isWeak = true;
                i += 2;
            }

            if (i < list.Length && list[i] == '"')
            {
                var close = list[(i + 1)..].IndexOf('"');
                if (close >= 0)
                {
                    var tag = list.Slice(i, close + 2);
                    i += close + 2;
                    while (i < list.Length && list[i] is ' ' or '\t')
                    {
                        i++;
                    }

                    // A member is the tag alone: "1"x is no tag, and matches nothing.
                    if (i == list.Length || list[i] == ',')
                    {
                        if (etag is not null && (weak || !isWeak) && tag.SequenceEqual(etag))
                        {
                            return true;
                        }

                        continue;
                    }
                }
            }

            // Not a tag: skip to the next member.
            var next = list[i..].IndexOf(',');
            if (next < 0)
            {
                break;
            }

            i += next + 1;
        }

        return false;
    }
}
