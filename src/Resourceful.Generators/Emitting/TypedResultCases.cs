using System.Collections.Generic;
using System.Linq;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>One typed result that generated code executes itself through <c>ResourcefulTypedResults</c>.</summary>
/// <param name="TypeName">The result type, fully qualified, as a type pattern accepts it.</param>
/// <param name="Kind">The result's simple name (<c>Ok</c>, <c>Created</c>, …).</param>
/// <param name="BodyTypeName">The <c>TValue</c> of a result with a JSON body, or <see langword="null"/>.</param>
internal sealed record TypedResultCase(string TypeName, string Kind, string? BodyTypeName);

/// <summary>
/// Which of a handler's declared results the generated code can execute without the per-request service lookups of
/// their own <c>ExecuteAsync</c>. Read from the result's fully qualified type name, which the parser writes with
/// <c>global::</c> on every part: <c>global::Microsoft.AspNetCore.Http.HttpResults.Ok&lt;global::Shop.Book&gt;</c> can
/// only name ASP.NET Core's type.
/// </summary>
internal static class TypedResultCases
{
    private const string Namespace = "global::Microsoft.AspNetCore.Http.HttpResults.";

    // The results common in REST handlers whose ExecuteAsync is a status code, an optional Location and an optional
    // JSON body; ResourcefulTypedResults has one overload for each.
    private static readonly HashSet<string> WithoutBody = new(System.StringComparer.Ordinal)
    {
        "Ok", "Created", "Accepted", "NoContent", "NotFound", "BadRequest", "Conflict", "UnprocessableEntity",
    };

    private static readonly HashSet<string> WithBody = new(System.StringComparer.Ordinal)
    {
        "Ok", "Created", "Accepted", "NotFound", "BadRequest", "Conflict", "UnprocessableEntity",
    };

    /// <summary>
    /// The cases to switch over, in declaration order, and whether they are the members of a <c>Results&lt;…&gt;</c>
    /// union (dispatched on its <c>Result</c>) rather than the declared type itself. Empty when nothing is known:
    /// the generated code then executes the result as it always has.
    /// </summary>
    public static (IReadOnlyList<TypedResultCase> Cases, bool IsUnion) For(ResultModel result)
    {
        var none = (System.Array.Empty<TypedResultCase>(), false);
        if (result.Kind != ResultKind.HttpResult || result.ValueTypeName is not { } typeName
            || !TrySplit(typeName, out var name, out var arguments))
        {
            return none;
        }

        if (name == "Results")
        {
            var members = new List<TypedResultCase>();
            foreach (var argument in arguments)
            {
                if (Case(argument) is { } member)
                {
                    members.Add(member);
                }
            }

            return (Distinct(members), true);
        }

        return Case(typeName) is { } single ? (new[] { single }, false) : none;
    }

    private static TypedResultCase? Case(string typeName)
    {
        // A nullable annotation on a union member (Results<Ok<Book>?, NotFound>) means nothing to a type pattern.
        typeName = typeName.TrimEnd('?');
        if (!TrySplit(typeName, out var name, out var arguments))
        {
            return null;
        }

        return arguments.Count switch
        {
            0 when WithoutBody.Contains(name) => new TypedResultCase(typeName, name, null),
            1 when WithBody.Contains(name) => new TypedResultCase(typeName, name, arguments[0]),
            _ => null,
        };
    }

    /// <summary>
    /// Drops members that name one type twice, which a switch rejects as a subsumed case: <c>Ok&lt;Book&gt;</c> and
    /// <c>Ok&lt;Book?&gt;</c> are one type for reference types. Comparing without any <c>?</c> also drops
    /// <c>Ok&lt;int&gt;</c> and <c>Ok&lt;int?&gt;</c>, two types; they are merely left to the built-in.
    /// </summary>
    private static IReadOnlyList<TypedResultCase> Distinct(List<TypedResultCase> members)
    {
        var counts = members
            .GroupBy(static m => m.TypeName.Replace("?", string.Empty), System.StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Count(), System.StringComparer.Ordinal);
        return members.Where(m => counts[m.TypeName.Replace("?", string.Empty)] == 1).ToList();
    }

    /// <summary>Splits <c>global::Microsoft.AspNetCore.Http.HttpResults.Name&lt;A, B&gt;</c> into its name and arguments.</summary>
    private static bool TrySplit(string typeName, out string name, out List<string> arguments)
    {
        name = string.Empty;
        arguments = new List<string>();
        if (!typeName.StartsWith(Namespace, System.StringComparison.Ordinal))
        {
            return false;
        }

        var rest = typeName.Substring(Namespace.Length);
        var open = rest.IndexOf('<');
        if (open < 0)
        {
            name = rest;
            return IsSimpleName(name);
        }

        if (rest[rest.Length - 1] != '>')
        {
            return false;
        }

        name = rest.Substring(0, open);
        var depth = 0;
        var start = open + 1;
        for (var i = start; i < rest.Length - 1; i++)
        {
            switch (rest[i])
            {
                case '<' or '(' or '[':
                    depth++;
                    break;
                case '>' or ')' or ']':
                    depth--;
                    if (depth < 0)
                    {
                        return false;
                    }

                    break;
                case ',' when depth == 0:
                    arguments.Add(rest.Substring(start, i - start).Trim());
                    start = i + 1;
                    break;
            }
        }

        arguments.Add(rest.Substring(start, rest.Length - 1 - start).Trim());
        return depth == 0 && IsSimpleName(name) && arguments.All(static a => a.Length > 0);
    }

    // Rejects a nested type (HttpResults.Outer.Inner) or anything else that is not one plain identifier.
    private static bool IsSimpleName(string name) => name.Length > 0 && name.All(static c => char.IsLetterOrDigit(c) || c == '_');
}
