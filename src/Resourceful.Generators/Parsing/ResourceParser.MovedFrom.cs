using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Old URIs: <c>[MovedFrom]</c> templates, checked by the same rules as handler templates (RSF0012), claimed as routes
/// (RSF0014 across resources), and turned into the redirects the model carries.
/// </summary>
internal static partial class ResourceParser
{
    /// <summary>
    /// The old templates of the <c>[MovedFrom]</c> attributes among <paramref name="attributes"/> that routing can
    /// parse. One it cannot (a query string, a stray brace) is left out, with RSF0012: mapped, it would fail the app at
    /// start-up or on its first request. Each one it maps is a route the resource claims.
    /// </summary>
    private static IEnumerable<string> GetMovedFrom(
        ImmutableArray<AttributeData> attributes,
        KnownTypes known,
        ProblemList problems,
        ImmutableArray<RouteClaim>.Builder routes,
        INamedTypeSymbol type,
        string metadataName,
        string resourceTemplate,
        bool onResource,
        CancellationToken cancellationToken)
    {
        foreach (var attribute in MovedFromAttributes(attributes, known))
        {
            var argument = attribute.ConstructorArguments[0];
            if (argument.Kind == TypedConstantKind.Error)
            {
                continue;
            }

            var location = SyntaxLocations.Template(attribute, cancellationToken);
            if (argument.Value is not string { Length: > 0 } raw)
            {
                problems.Add(DiagnosticDescriptors.InvalidRouteTemplate, location, argument.Value is null ? "null" : "\"\"", "an old URI is a template such as \"/old-books/{id}\"");
                continue;
            }

            if (!CheckTemplate(raw, location, problems))
            {
                continue;
            }

            // A resource's old URI also redirects everything below it, a handler's only itself: two different routes.
            var oldTemplate = OldTemplate(raw, resourceTemplate, onResource);
            if (RouteTemplateText.Parse(oldTemplate, static _ => true) is { Problem: null } parsed)
            {
                routes.Add(new RouteClaim(
                    "MOVED " + parsed.CanonicalKey + (onResource ? " /**" : string.Empty), "*", oldTemplate,
                    "[MovedFrom] on " + type.Name, metadataName, location));
            }

            yield return raw;
        }
    }

    // The same attributes again (a method with two HTTP method attributes), already checked and claimed.
    private static IEnumerable<string> GetMovedFrom(ImmutableArray<AttributeData> attributes, KnownTypes known)
    {
        foreach (var attribute in MovedFromAttributes(attributes, known))
        {
            if (attribute.ConstructorArguments[0].Value is string { Length: > 0 } raw && RouteTemplateText.Parse(raw, static _ => true).Problem is null)
            {
                yield return raw;
            }
        }
    }

    /// <summary>
    /// The full old URI of a <c>[MovedFrom]</c>: on a resource it is absolute; on a handler, one that does not start
    /// with <c>/</c> is relative to the resource's template, as handler templates are.
    /// </summary>
    internal static string OldTemplate(string raw, string resourceTemplate, bool onResource) =>
        onResource || raw.TrimStart().StartsWith("/", StringComparison.Ordinal)
            ? RouteTemplateParser.Normalize(raw)
            : RouteTemplateParser.Combine(resourceTemplate, raw);

    /// <summary>The <c>[MovedFrom(oldTemplate)]</c> attributes among <paramref name="attributes"/>.</summary>
    internal static IEnumerable<AttributeData> MovedFromAttributes(ImmutableArray<AttributeData> attributes, KnownTypes known)
    {
        foreach (var attribute in attributes)
        {
            if (KnownTypes.Is(attribute.AttributeClass, known.MovedFromAttribute)
                && attribute.ConstructorArguments.Length == 1)
            {
                yield return attribute;
            }
        }
    }

    private static void AddMovedRoute(List<MovedRouteModel> movedRoutes, string oldTemplate, string newTemplate, bool includesSubPaths)
    {
        var oldSegments = RouteTemplateParser.Parse(oldTemplate);
        var newSegments = RouteTemplateParser.Parse(newTemplate);
        if (oldSegments is null || newSegments is null || oldTemplate == newTemplate
            || movedRoutes.Any(m => string.Equals(m.OldTemplate, oldTemplate, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        // Every value of the new URI must come from the old one, or there is nothing to redirect to.
        var oldNames = new HashSet<string>(
            oldSegments.Value.SelectMany(static s => s.Parts).Where(static p => p.IsParameter).Select(static p => p.Text),
            StringComparer.OrdinalIgnoreCase);
        if (newSegments.Value.SelectMany(static s => s.Parts).Any(p => p.IsParameter && !oldNames.Contains(p.Text))
            || (includesSubPaths && oldSegments.Value.SelectMany(static s => s.Parts).Any(static p => p.IsCatchAll)))
        {
            return;
        }

        movedRoutes.Add(new MovedRouteModel(oldTemplate, newTemplate, newSegments.Value, includesSubPaths));
    }
}
