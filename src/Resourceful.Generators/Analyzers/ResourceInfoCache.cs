using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// One <see cref="ResourceParser.Describe"/> per resource per compilation, shared by every analyzer: five
/// analyzers read each resource, and parsing it once is enough. Entries live as long as their compilation.
/// </summary>
internal static class ResourceInfoCache
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, ResourceInfo>> Cache = new();

    public static ResourceInfo Describe(Compilation compilation, INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        var perCompilation = Cache.GetValue(compilation, static _ => new ConcurrentDictionary<INamedTypeSymbol, ResourceInfo>(SymbolEqualityComparer.Default));
        if (perCompilation.TryGetValue(type, out var cached))
        {
            return cached;
        }

        // A cancelled parse throws before anything is stored, so a half-done description is never cached.
        var description = ResourceParser.Describe(type, attribute, cancellationToken);
        return perCompilation.GetOrAdd(type, description);
    }
}
