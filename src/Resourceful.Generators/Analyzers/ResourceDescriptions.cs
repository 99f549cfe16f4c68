using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// One <see cref="ResourceParser.Describe"/> per resource, for one compilation: created when the compilation starts and
/// shared by every rule family, which all read each resource. It lives and dies with its compilation's analysis; the
/// analyzer keeps no state across compilations.
/// </summary>
internal sealed class ResourceDescriptions(Compilation compilation)
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, ResourceInfo> descriptions = new(SymbolEqualityComparer.Default);

    /// <summary>The framework types of this compilation, resolved once for every rule.</summary>
    public KnownTypes Known { get; } = new(compilation);

    public ResourceInfo Describe(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        if (descriptions.TryGetValue(type, out var known))
        {
            return known;
        }

        // A cancelled parse throws before anything is stored, so a half-done description is never kept.
        var description = ResourceParser.Describe(type, attribute, Known, cancellationToken);
        return descriptions.GetOrAdd(type, description);
    }
}
