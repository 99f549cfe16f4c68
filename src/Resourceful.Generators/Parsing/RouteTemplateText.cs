using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// A route template as written in an attribute, read with the offset of every segment and part so a
/// diagnostic can point into the string literal. Checks what ASP.NET Core's route pattern parser rejects at
/// start-up, so the user hears about it while typing. The one template reader: the generator's
/// <see cref="RouteTemplateParser"/> builds its segments from it too.
/// </summary>
internal sealed class RouteTemplateText
{
    /// <summary>ASP.NET Core's built-in route constraints that take no argument.</summary>
    public static readonly ImmutableHashSet<string> PlainConstraints = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "int", "bool", "datetime", "decimal", "double", "float", "guid", "long", "alpha", "required", "file", "nonfile");

    /// <summary>ASP.NET Core's built-in route constraints that need an argument: <c>min(1)</c>, <c>regex(^a$)</c>.</summary>
    public static readonly ImmutableHashSet<string> ConstraintsWithArguments = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "minlength", "maxlength", "length", "min", "max", "range", "regex");

    private RouteTemplateText(string raw)
    {
        Raw = raw;
    }

    /// <summary>The template exactly as written.</summary>
    public string Raw { get; }

    /// <summary>Whether the template ends with '/' (other than a template that is only '/').</summary>
    public bool HasTrailingSlash { get; private set; }

    /// <summary>The segments between slashes, as far as they could be read.</summary>
    public ImmutableArray<TemplateSegment> Segments { get; private set; } = ImmutableArray<TemplateSegment>.Empty;

    /// <summary>What is wrong with the template, in words that complete "Route template '…' is invalid: ", or <see langword="null"/>.</summary>
    public string? Problem { get; private set; }

    /// <summary>Every route parameter, in order.</summary>
    public IEnumerable<TemplatePart> Parameters => Segments.SelectMany(static s => s.Parts).Where(static p => p.IsParameter);

    /// <summary>
    /// A key that two templates share exactly when routing cannot tell them apart: literals compared without case,
    /// parameters by their constraints, not their names.
    /// </summary>
    public string CanonicalKey
    {
        get
        {
            var builder = new StringBuilder();
            foreach (var segment in Segments)
            {
                builder.Append('/');
                foreach (var part in segment.Parts)
                {
                    if (!part.IsParameter)
                    {
                        builder.Append(part.Text.ToLowerInvariant());
                        continue;
                    }

                    builder.Append('{');
                    if (part.IsCatchAll)
                    {
                        builder.Append('*');
                    }

                    foreach (var constraint in part.Constraints)
                    {
                        builder.Append(':').Append(constraint.ToLowerInvariant());
                    }

                    if (part.IsOptional)
                    {
                        builder.Append('?');
                    }

                    if (part.HasDefault)
                    {
                        builder.Append('=');
                    }

                    builder.Append('}');
                }
            }

            return builder.Length == 0 ? "/" : builder.ToString();
        }
    }

    /// <summary>
    /// Reads <paramref name="raw"/>. <paramref name="isCustomConstraint"/> says whether a constraint name the
    /// framework does not know was registered by the application (an <c>.editorconfig</c> option).
    /// </summary>
    public static RouteTemplateText Parse(string raw, Func<string, bool> isCustomConstraint)
    {
        var result = new RouteTemplateText(raw);
        result.Read(isCustomConstraint);
        return result;
    }

    private void Read(Func<string, bool> isCustomConstraint)
    {
        var start = 0;
        if (Raw.StartsWith("~/", StringComparison.Ordinal))
        {
            start = 2;
        }
        else if (Raw.StartsWith("/", StringComparison.Ordinal))
        {
            start = 1;
        }
        else if (Raw.StartsWith("~", StringComparison.Ordinal))
        {
            Problem = "'~' can only start a template as '~/'";
            return;
        }

        var end = Raw.Length;
        if (end > start && Raw[end - 1] == '/')
        {
            HasTrailingSlash = true;
            end--;
        }

        if (end <= start)
        {
            return;
        }

        var segments = ImmutableArray.CreateBuilder<TemplateSegment>();
        var segmentStart = start;
        while (segmentStart <= end)
        {
            var slash = Raw.IndexOf('/', segmentStart);
            var segmentEnd = slash < 0 || slash > end ? end : slash;
            var text = Raw.Substring(segmentStart, segmentEnd - segmentStart);
            if (text.Length == 0)
            {
                Problem ??= "it has an empty segment ('//')";
                Segments = segments.ToImmutable();
                return;
            }

            var segment = ReadSegment(text, segmentStart, isCustomConstraint);
            segments.Add(segment);
            if (Problem is not null)
            {
                Segments = segments.ToImmutable();
                return;
            }

            segmentStart = segmentEnd + 1;
        }

        Segments = segments.ToImmutable();
        CheckTemplate();
    }

    private TemplateSegment ReadSegment(string text, int offset, Func<string, bool> isCustomConstraint)
    {
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var literal = new StringBuilder();
        var literalStart = -1;
        var i = 0;

        void FlushLiteral()
        {
            if (literal.Length > 0)
            {
                parts.Add(TemplatePart.Literal(literal.ToString(), offset + literalStart, i - literalStart));
                literal.Clear();
            }

            literalStart = -1;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                if (literalStart < 0)
                {
                    literalStart = i;
                }

                literal.Append(c);
                i += 2;
                continue;
            }

            if (c == '}')
            {
                Problem = "a '}' has no matching '{' (write '}}' for a literal brace)";
                break;
            }

            if (c != '{')
            {
                if (c == '?')
                {
                    Problem = $"the literal '{text}' contains '?', which starts a query string, not a path";
                    break;
                }

                if (literalStart < 0)
                {
                    literalStart = i;
                }

                literal.Append(c);
                i++;
                continue;
            }

            var close = FindParameterEnd(text, i + 1);
            if (close < 0)
            {
                Problem = "a '{' has no matching '}'";
                break;
            }

            FlushLiteral();
            var parameter = ReadParameter(text.Substring(i + 1, close - i - 1), offset + i, close - i + 1, isCustomConstraint);
            if (parameter is null)
            {
                break;
            }

            parts.Add(parameter);
            i = close + 1;
        }

        if (Problem is null)
        {
            FlushLiteral();
        }

        var segment = new TemplateSegment(text, offset, parts.ToImmutable());
        if (Problem is null)
        {
            CheckSegment(segment);
        }

        return segment;
    }

    // As the generator's reader: only a single '}' ends a parameter; doubled braces inside belong to constraint arguments.
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

            if (text[i] == '{')
            {
                if (i + 1 < text.Length && text[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                return -1;
            }
        }

        return -1;
    }

    private TemplatePart? ReadParameter(string content, int start, int length, Func<string, bool> isCustomConstraint)
    {
        var display = "{" + content + "}";
        var text = content;
        var isCatchAll = false;
        if (text.StartsWith("**", StringComparison.Ordinal))
        {
            isCatchAll = true;
            text = text.Substring(2);
        }
        else if (text.StartsWith("*", StringComparison.Ordinal))
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
        if (name.Length == 0)
        {
            Problem = $"the parameter '{display}' has no name";
            return null;
        }

        foreach (var c in name)
        {
            if (c is '{' or '}' or '/' or '*' or '?' or '.' or '=' or ':')
            {
                Problem = $"the parameter name '{name}' contains '{c}'";
                return null;
            }
        }

        var constraints = ImmutableArray.CreateBuilder<string>();
        var isOptional = false;
        var hasDefault = false;
        var rest = text.Substring(nameEnd);
        var i = 0;
        while (i < rest.Length)
        {
            var c = rest[i];
            if (c == ':')
            {
                var j = i + 1;
                var depth = 0;
                while (j < rest.Length)
                {
                    var d = rest[j];
                    if (d == '(')
                    {
                        depth++;
                    }
                    else if (d == ')')
                    {
                        depth--;
                    }
                    else if (depth == 0 && (d is ':' or '=' || (d == '?' && j == rest.Length - 1)))
                    {
                        break;
                    }

                    j++;
                }

                var constraint = rest.Substring(i + 1, j - i - 1);
                var problem = CheckConstraint(constraint, display, depth, isCustomConstraint);
                if (problem is not null)
                {
                    Problem = problem;
                    return null;
                }

                constraints.Add(constraint);
                i = j;
            }
            else if (c == '=')
            {
                hasDefault = true;
                var value = rest.Substring(i + 1);
                if (value.EndsWith("?", StringComparison.Ordinal))
                {
                    isOptional = true;
                }

                i = rest.Length;
            }
            else if (c == '?' && i == rest.Length - 1)
            {
                isOptional = true;
                i++;
            }
            else
            {
                Problem = $"'?' can only end the parameter '{display}'";
                return null;
            }
        }

        if (isOptional && hasDefault)
        {
            Problem = $"the parameter '{display}' is optional and has a default value; keep one of the two";
            return null;
        }

        if (isOptional && isCatchAll)
        {
            Problem = $"the catch-all parameter '{display}' cannot be optional: it already matches nothing";
            return null;
        }

        return TemplatePart.Parameter(name, start, length, constraints.ToImmutable(), isOptional, isCatchAll, hasDefault);
    }

    private static string? CheckConstraint(string constraint, string display, int depth, Func<string, bool> isCustomConstraint)
    {
        if (constraint.Length == 0)
        {
            return $"the parameter '{display}' has an empty constraint after ':'";
        }

        if (depth != 0)
        {
            return $"the constraint '{constraint}' has unbalanced parentheses";
        }

        var open = constraint.IndexOf('(');
        var name = open < 0 ? constraint : constraint.Substring(0, open);
        if (open >= 0 && !constraint.EndsWith(")", StringComparison.Ordinal))
        {
            return $"the constraint '{constraint}' has text after its closing parenthesis";
        }

        if (PlainConstraints.Contains(name))
        {
            return open < 0 ? null : $"the constraint '{name}' takes no argument";
        }

        if (ConstraintsWithArguments.Contains(name))
        {
            return open >= 0 && constraint.Length > open + 2
                ? null
                : $"the constraint '{name}' needs an argument, such as '{name}({ExampleArgument(name)})'";
        }

        if (isCustomConstraint(name))
        {
            return null;
        }

        return $"'{name}' is not a route constraint; the built-in ones are int, bool, datetime, decimal, double, float, guid, long, "
            + "alpha, required, file, nonfile, minlength(n), maxlength(n), length(n), min(n), max(n), range(a,b) and regex(…), "
            + "and an application's own are declared with 'resourceful.route_constraints' in .editorconfig";
    }

    private static string ExampleArgument(string constraint) => constraint.ToLowerInvariant() switch
    {
        "range" => "1,10",
        "regex" => "^[a-z]+$",
        "length" => "8",
        _ => "1",
    };

    private void CheckSegment(TemplateSegment segment)
    {
        var parts = segment.Parts;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (!part.IsParameter)
            {
                continue;
            }

            if (i + 1 < parts.Length && parts[i + 1].IsParameter)
            {
                Problem = $"the segment '{segment.Text}' has two parameters in a row, and routing cannot tell where one ends";
                return;
            }

            if (part.IsCatchAll && parts.Length > 1)
            {
                Problem = $"the catch-all parameter '{{*{part.Text}}}' must fill its segment alone";
                return;
            }

            if (part.IsOptional && parts.Length > 1)
            {
                if (i != parts.Length - 1)
                {
                    Problem = $"the optional parameter '{part.Text}' must end its segment '{segment.Text}'";
                    return;
                }

                if (i > 0 && !parts[i - 1].Text.EndsWith(".", StringComparison.Ordinal))
                {
                    Problem = $"in the segment '{segment.Text}', only a '.' can come before the optional parameter '{part.Text}'";
                    return;
                }
            }
        }
    }

    private void CheckTemplate()
    {
        for (var i = 0; i < Segments.Length - 1; i++)
        {
            var catchAll = Segments[i].Parts.FirstOrDefault(static p => p.IsCatchAll);
            if (catchAll is not null)
            {
                Problem = $"the catch-all parameter '{catchAll.Text}' must be in the last segment";
                return;
            }
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in Parameters)
        {
            if (!names.Add(parameter.Text))
            {
                Problem = $"the route parameter '{parameter.Text}' appears more than once";
                return;
            }
        }
    }
}

/// <summary>A segment of a template, between two slashes, with its offset in the template.</summary>
internal sealed class TemplateSegment(string text, int start, ImmutableArray<TemplatePart> parts)
{
    public string Text { get; } = text;

    public int Start { get; } = start;

    public ImmutableArray<TemplatePart> Parts { get; } = parts;
}

/// <summary>A literal or a parameter within a segment, with its offset and length in the template.</summary>
internal sealed class TemplatePart
{
    private TemplatePart(bool isParameter, string text, int start, int length, ImmutableArray<string> constraints, bool isOptional, bool isCatchAll, bool hasDefault)
    {
        IsParameter = isParameter;
        Text = text;
        Start = start;
        Length = length;
        Constraints = constraints;
        IsOptional = isOptional;
        IsCatchAll = isCatchAll;
        HasDefault = hasDefault;
    }

    public bool IsParameter { get; }

    /// <summary>A literal's text (braces unescaped) or a parameter's name.</summary>
    public string Text { get; }

    public int Start { get; }

    public int Length { get; }

    public ImmutableArray<string> Constraints { get; }

    public bool IsOptional { get; }

    public bool IsCatchAll { get; }

    public bool HasDefault { get; }

    public static TemplatePart Literal(string text, int start, int length) =>
        new(false, text, start, length, ImmutableArray<string>.Empty, false, false, false);

    public static TemplatePart Parameter(string name, int start, int length, ImmutableArray<string> constraints, bool isOptional, bool isCatchAll, bool hasDefault) =>
        new(true, name, start, length, constraints, isOptional, isCatchAll, hasDefault);
}
