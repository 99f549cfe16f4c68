using Microsoft.CodeAnalysis;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Finds the <c>MapResources()</c> that another assembly generated and this compilation can see: the app's, seen by a
/// test project that the app grants its internals (<c>InternalsVisibleTo</c>) and that references Resourceful too.
/// </summary>
internal static class ReferencedRegistrations
{
    /// <summary>The generated extension class (see <c>MapResourcesEmitter</c>).</summary>
    public const string ExtensionsMetadataName = "Microsoft.AspNetCore.Builder.ResourcefulEndpointRouteBuilderExtensions";

    /// <summary>
    /// <c>true</c> when a referenced assembly's generated <c>MapResources()</c> is accessible here. A compilation that
    /// declares no resource of its own then emits none: a second, empty one would make every
    /// <c>app.MapResources()</c> call ambiguous (CS0121).
    /// </summary>
    public static bool IsVisible(Compilation compilation)
    {
        foreach (var type in compilation.GetTypesByMetadataName(ExtensionsMetadataName))
        {
            if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
                || !compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                continue;
            }

            foreach (var member in type.GetMembers("MapResources"))
            {
                if (member is IMethodSymbol { IsExtensionMethod: true } method
                    && compilation.IsSymbolAccessibleWithin(method, compilation.Assembly))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
