using System.Text;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>Writes <c>MapResources()</c>, which maps every resource of the compilation in a stable order.</summary>
internal static class MapResourcesEmitter
{
    public const string HintName = "Resourceful.MapResources.g.cs";

    /// <summary>
    /// <c>Map{ClassName}</c>, or, when two resources share a class name, a name built from the full metadata name
    /// (<c>MapShopV2Books</c>), so every resource keeps its own method.
    /// </summary>
    public static string MapMethodName(ResourceModel resource, EquatableArray<string> duplicateNames)
    {
        foreach (var duplicate in duplicateNames)
        {
            if (duplicate == resource.ClassName)
            {
                var builder = new StringBuilder("Map");
                foreach (var c in resource.MetadataName)
                {
                    if (char.IsLetterOrDigit(c) || c == '_')
                    {
                        builder.Append(c);
                    }
                }

                return builder.ToString();
            }
        }

        return "Map" + resource.ClassName;
    }

    public static string Emit(EquatableArray<RegistrationModel> registrations)
    {
        var writer = new SourceWriter();
        GeneratedCode.WriteHeader(writer);
        writer.OpenBlock("namespace Microsoft.AspNetCore.Builder");
        writer.WriteLine("/// <summary>Maps the resources declared with <c>[Resource]</c> in this assembly.</summary>");
        writer.OpenBlock("internal static partial class ResourcefulEndpointRouteBuilderExtensions");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Maps every <c>[Resource]</c> class of this assembly:");
        foreach (var registration in registrations)
        {
            writer.WriteLine($"/// <see cref=\"{ResourceEmitter.Xml(registration.FullyQualifiedName)}\"/>,");
        }

        writer.WriteLine("/// and returns their builders, so one convention (<c>RequireAuthorization()</c>, <c>WithTags(...)</c>, …) reaches them all.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock("public static global::Resourceful.ResourceConventionBuilder MapResources(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(endpoints);");
        writer.WriteLine("return new global::Resourceful.ResourceConventionBuilder(");
        for (var i = 0; i < registrations.Count; i++)
        {
            var separator = i == registrations.Count - 1 ? ");" : ",";
            writer.WriteLine($"    {registrations[i].MapMethodName}(endpoints){separator}");
        }

        if (registrations.Count == 0)
        {
            writer.WriteLine("    global::System.Array.Empty<global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder>());");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
