using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// The one analyzer entry: every rule family (usage, HTTP semantics, URI design, security, duplicates across
/// resources) runs in it, with one set of resource descriptions per compilation, so each resource is parsed once
/// however many rules read it, and nothing is kept across compilations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResourcefulAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<ResourceRules> families;

    /// <summary>Every rule family of the package.</summary>
    public ResourcefulAnalyzer()
    {
        families =
        [
            new ResourceUsageRules(),
            new HttpSemanticsRules(),
            new FormRules(),
            new UriDesignRules(),
            new SecurityRules(),
            new CookieRules(),
            new DuplicateEndpointRules(),
        ];
        SupportedDiagnostics = families.SelectMany(static family => family.SupportedDiagnostics).ToImmutableArray();
    }

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        RegisterFamilies(context, families);
    }

    /// <summary>
    /// Registers <paramref name="families"/> for each compilation that uses Resourceful, with one set of resource
    /// descriptions they share. The tests run a single family through this same path.
    /// </summary>
    internal static void RegisterFamilies(AnalysisContext context, IReadOnlyList<ResourceRules> families)
    {
        context.RegisterCompilationStartAction(start =>
        {
            // Without Resourceful referenced there is nothing to analyse; this also keeps the analyzer free in every
            // project of a solution that does not use it.
            if (start.Compilation.GetTypeByMetadataName(ResourceParser.ResourceAttributeName) is null)
            {
                return;
            }

            var descriptions = new ResourceDescriptions(start.Compilation);
            foreach (var family in families)
            {
                family.Register(start, descriptions);
            }
        });
    }
}
