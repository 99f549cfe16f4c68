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
        var routes = new ConcurrentBag<RouteClaim>();
        start.RegisterSymbolAction(symbolContext => Collect(symbolContext, routes, descriptions), SymbolKind.NamedType);
        start.RegisterCompilationEndAction(endContext =>
        {
            foreach (var problem in RouteConflicts.Find(routes))
            {
                endContext.ReportDiagnostic(problem.ToDiagnostic());
            }
        });
    }

    private static void Collect(SymbolAnalysisContext context, ConcurrentBag<RouteClaim> routes, ResourceDescriptions descriptions)
    {
        if (DescribeResource(context.Symbol, descriptions, context.CancellationToken) is not { } description)
        {
            return;
        }

        foreach (var route in description.Routes)
        {
            routes.Add(route);
        }
    }
}
