using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// RSF0014: two resources that answer the same method on the same path, or redirect from the same old URI. It needs every resource of the
/// compilation, so it reports at compilation end (in the IDE: with full solution analysis, and on build);
/// duplicates inside one resource are RSF0013, reported as the user types.
/// </summary>
internal sealed class DuplicateEndpointRules : ResourceRules
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DuplicateEndpointAcrossResources);

    /// <inheritdoc />
    public override void Register(CompilationStartAnalysisContext start, ResourceDescriptions descriptions)
    {
        var routes = new ConcurrentBag<Route>();
        start.RegisterSymbolAction(symbolContext => Collect(symbolContext, routes, descriptions), SymbolKind.NamedType);
        start.RegisterCompilationEndAction(endContext => Report(endContext, routes));
    }

    private static void Collect(SymbolAnalysisContext context, ConcurrentBag<Route> routes, ResourceDescriptions descriptions)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || ResourceParser.FindResourceAttribute(type) is not { } attribute)
        {
            return;
        }

        var description = descriptions.Describe(type, attribute, context.CancellationToken);
        foreach (var handler in description.Handlers)
        {
            if (handler.Endpoint is not { } endpoint)
            {
                continue;
            }

            // Constraints are compared, not judged, here: an unknown one is RSF0012's business.
            var template = RouteTemplateText.Parse(endpoint.Template, static _ => true);
            if (template.Problem is not null)
            {
                continue;
            }

            routes.Add(new Route(
                handler.HttpMethod + " " + template.CanonicalKey,
                handler.HttpMethod,
                endpoint.Template,
                SymbolNames.Handler(handler.Method),
                type,
                ResourceUsageRules.RouteLocation(handler, context.CancellationToken)));
        }

        // Old URIs ([MovedFrom]) are routes too: two resources redirecting from the same one make it ambiguous.
        if (description.Template is { } resourceTemplate)
        {
            CollectMoved(context, routes, type, type.GetAttributes(), resourceTemplate, onResource: true);
            foreach (var method in description.Handlers.Select(static h => h.Method).Distinct<IMethodSymbol>(SymbolEqualityComparer.Default))
            {
                CollectMoved(context, routes, type, method.GetAttributes(), resourceTemplate, onResource: false);
            }
        }
    }

    private static void CollectMoved(
        SymbolAnalysisContext context,
        ConcurrentBag<Route> routes,
        INamedTypeSymbol type,
        ImmutableArray<AttributeData> attributes,
        string resourceTemplate,
        bool onResource)
    {
        foreach (var attribute in ResourceParser.MovedFromAttributes(attributes))
        {
            if (attribute.ConstructorArguments[0].Value is not string { Length: > 0 } raw)
            {
                continue;
            }

            var oldTemplate = ResourceParser.OldTemplate(raw, resourceTemplate, onResource);
            var parsed = RouteTemplateText.Parse(oldTemplate, static _ => true);
            if (parsed.Problem is not null)
            {
                continue;
            }

            // A resource's old URI also redirects everything below it, a handler's only itself: two different routes.
            routes.Add(new Route(
                "MOVED " + parsed.CanonicalKey + (onResource ? " /**" : string.Empty),
                "*",
                oldTemplate,
                "[MovedFrom] on " + type.Name,
                type,
                SyntaxLocations.Template(attribute, context.CancellationToken)));
        }
    }

    private static void Report(CompilationAnalysisContext context, ConcurrentBag<Route> routes)
    {
        foreach (var group in routes.GroupBy(static r => r.Key, StringComparer.Ordinal))
        {
            var members = group.OrderBy(static r => r.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(static r => r.Location.SourceSpan.Start)
                .ToList();
            if (members.Select(static r => r.Resource).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).Count() < 2)
            {
                continue;
            }

            foreach (var route in members)
            {
                var others = members.Where(r => !SymbolEqualityComparer.Default.Equals(r.Resource, route.Resource)).ToList();
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateEndpointAcrossResources,
                    route.Location,
                    others.Select(static r => r.Location),
                    route.HttpMethod,
                    route.Template,
                    route.Handler,
                    others[0].Handler));
            }
        }
    }

    private sealed class Route(string key, string httpMethod, string template, string handler, INamedTypeSymbol resource, Location location)
    {
        public string Key { get; } = key;

        public string HttpMethod { get; } = httpMethod;

        public string Template { get; } = template;

        public string Handler { get; } = handler;

        public INamedTypeSymbol Resource { get; } = resource;

        public Location Location { get; } = location;
    }
}
