using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Resourceful.Benchmarks.Generator;

/// <summary>
/// The least an attribute-driven generator can do: find every <c>[Resource]</c> class with
/// <c>ForAttributeWithMetadataName</c> and take its name, emitting nothing. Its cost is Roslyn's own (finding the
/// classes, and on every new compilation re-running each transform against it), so it shows how much of
/// Resourceful's time is the parser and emitter, and how close to zero an edit re-run can get.
/// </summary>
internal sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Resourceful.ResourceAttribute",
            predicate: static (node, _) => node is ClassDeclarationSyntax,
            transform: static (ctx, _) => ctx.TargetSymbol.Name);
        context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
    }
}
