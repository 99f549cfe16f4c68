using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// One family of rules (a rule file): its descriptors and the actions it registers for a compilation. Every family
/// runs inside the one <see cref="ResourcefulAnalyzer"/>, reading resources through the same per-compilation
/// <see cref="ResourceDescriptions"/>.
/// </summary>
internal abstract class ResourceRules
{
    /// <summary>The diagnostics this family reports.</summary>
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>Registers this family's actions for the compilation <paramref name="start"/> begins.</summary>
    public abstract void Register(CompilationStartAnalysisContext start, ResourceDescriptions descriptions);

    /// <summary>
    /// The description of <paramref name="symbol"/> when it is a <c>[Resource]</c> class, or <see langword="null"/>:
    /// the way into a resource for every family's symbol actions.
    /// </summary>
    protected static ResourceInfo? DescribeResource(ISymbol symbol, ResourceDescriptions descriptions, CancellationToken cancellationToken) =>
        symbol is INamedTypeSymbol { TypeKind: TypeKind.Class } type && ResourceParser.FindResourceAttribute(type) is { } attribute
            ? descriptions.Describe(type, attribute, cancellationToken)
            : null;
}
