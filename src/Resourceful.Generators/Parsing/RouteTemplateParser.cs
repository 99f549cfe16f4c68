using System.Collections.Generic;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Reads ASP.NET Core route templates far enough to know their parameters and to build links. Routing itself
/// still parses the template at start-up; this parser only has to agree with it on valid input and say
/// "invalid" (return <see langword="null"/>) on anything it cannot read.
/// </summary>
internal static class RouteTemplateParser
{
    /// <summary>Joins a resource template and a handler's sub-template into one absolute template.</summary>
    public static string Combine(string resourceTemplate, string? handlerTemplate)
    {
        var resource = Normalize(resourceTemplate);
        if (string.IsNullOrEmpty(handlerTemplate))
        {
            return resource;
        }

        var handler = handlerTemplate!.Trim().TrimStart('~').Trim('/');
        if (handler.Length == 0)
        {
            return resource;
        }

        return resource == "/" ? "/" + handler : resource + "/" + handler;
    }

    /// <summary>A template with one leading slash and no trailing slash (except the root itself).</summary>
    public static string Normalize(string template)
    {
        var trimmed = template.Trim().TrimStart('~').Trim('/');
        return "/" + trimmed;
    }

    /// <summary>Splits <paramref name="template"/> into segments, or returns <see langword="null"/> when it is malformed.</summary>
    public static EquatableArray<RouteSegment>? Parse(string template)
    {
        var body = template.TrimStart('/');
        if (body.Length == 0)
        {
            return EquatableArray<RouteSegment>.Empty;
        }

        var segments = new List<RouteSegment>();
        foreach (var text in body.Split('/'))
        {
            if (text.Length == 0)
            {
                return null;
            }

            var parts = ParseSegment(text);
            if (parts is null)
            {
                return null;
            }

            segments.Add(new RouteSegment(parts.Value));
        }

        return segments.ToEquatableArray();
    }

    private static EquatableArray<RoutePart>? ParseSegment(string text)
    {
        var parts = new List<RoutePart>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i += 2;
                continue;
            }

            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i += 2;
                continue;
            }

            if (c == '}')
            {
                return null;
            }

            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            var end = FindParameterEnd(text, i + 1);
            if (end < 0)
            {
                return null;
            }

            if (literal.Length > 0)
            {
                parts.Add(new RoutePart(false, literal.ToString(), false, false, false));
                literal.Clear();
            }

            var parameter = ParseParameter(text.Substring(i + 1, end - i - 1));
            if (parameter is null)
            {
                return null;
            }

            parts.Add(parameter);
            i = end + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(new RoutePart(false, literal.ToString(), false, false, false));
        }

        return parts.ToEquatableArray();
    }

    // Constraint arguments may hold braces of their own ("regex(^\\d{{3}}$)"); only a single '}' ends the parameter.
    private static int FindParameterEnd(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (text[i] == '{' && !(i + 1 < text.Length && text[i + 1] == '{'))
            {
                return -1;
            }

            if (text[i] == '{')
            {
                i++;
            }
        }

        return -1;
    }

    private static RoutePart? ParseParameter(string text)
    {
        var isCatchAll = false;
        if (text.StartsWith("**", System.StringComparison.Ordinal))
        {
            isCatchAll = true;
            text = text.Substring(2);
        }
        else if (text.StartsWith("*", System.StringComparison.Ordinal))
        {
            isCatchAll = true;
            text = text.Substring(1);
        }

        var nameEnd = 0;
        while (nameEnd < text.Length && text[nameEnd] is not (':' or '=' or '?'))
        {
            nameEnd++;
        }

        var name = text.Substring(0, nameEnd).Trim();
        if (name.Length == 0 || !IsValidName(name))
        {
            return null;
        }

        var rest = text.Substring(nameEnd);
        var isOptional = rest.EndsWith("?", System.StringComparison.Ordinal);
        var hasDefault = HasDefaultAfterConstraints(rest);
        return new RoutePart(true, name, isOptional, isCatchAll, hasDefault);
    }

    private static bool HasDefaultAfterConstraints(string rest)
    {
        // "{page:int=1}": the default follows the last constraint, outside any constraint arguments.
        var depth = 0;
        foreach (var c in rest)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '=' && depth == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValidName(string name)
    {
        foreach (var c in name)
        {
            if (c is '{' or '}' or '/' or '*' or '?' or '.' or '=' or ':')
            {
                return false;
            }
        }

        return true;
    }
}
