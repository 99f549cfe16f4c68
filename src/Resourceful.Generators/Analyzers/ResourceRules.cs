using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

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
}
