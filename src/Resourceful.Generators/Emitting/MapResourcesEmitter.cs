using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>Writes <c>MapResources()</c>, which maps every resource of the compilation in a stable order.</summary>
internal static class MapResourcesEmitter
{
    public const string HintName = "Resourceful.MapResources.g.cs";

    private static readonly string[] ReservedNames = ["MapResources", "MapResourcesOpenApi"];

    /// <summary>
    /// <c>Map{ClassName}</c> unless <paramref name="overrides"/> names the resource: then the name decided by
    /// <see cref="ResolveMapNames"/>.
    /// </summary>
    public static string MapMethodName(ResourceModel resource, EquatableArray<MapNameOverride> overrides)
    {
        foreach (var entry in overrides)
        {
            if (entry.MetadataName == resource.MetadataName)
            {
                return entry.Name;
            }
        }

        return DefaultName(resource.ClassName);
    }

    /// <summary>
    /// Gives every resource whose <c>Map{ClassName}</c> would clash (a class name used twice, or one that spells
    /// <c>MapResources</c>) a name built from its full metadata name (<c>MapShopV2Books</c>), and numbers any name
    /// that still clashes, in metadata-name order. Returns only the resources that do not keep the default name.
    /// </summary>
    public static EquatableArray<MapNameOverride> ResolveMapNames(ImmutableArray<MapNameOverride> classNames)
    {
        var ordered = classNames.OrderBy(static c => c.MetadataName, System.StringComparer.Ordinal).ToList();
        var defaultCounts = ordered.GroupBy(static c => DefaultName(c.Name)).ToDictionary(static g => g.Key, static g => g.Count());
        var names = new List<(string MetadataName, string Name, bool IsDefault)>();
        foreach (var entry in ordered)
        {
            var name = DefaultName(entry.Name);
            var clashes = defaultCounts[name] > 1 || ReservedNames.Contains(name);
            names.Add((entry.MetadataName, clashes ? QualifiedName(entry.MetadataName) : name, !clashes));
        }

        var used = new HashSet<string>(ReservedNames, System.StringComparer.Ordinal);
        var overrides = new List<MapNameOverride>();

        // Default names keep priority; a qualified name that meets one, or another qualified name, gets a number.
        foreach (var (metadataName, name, isDefault) in names.OrderBy(static n => n.IsDefault ? 0 : 1))
        {
            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
            {
                unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (!isDefault || unique != name)
            {
                overrides.Add(new MapNameOverride(metadataName, unique));
            }
        }

        return overrides.OrderBy(static o => o.MetadataName, System.StringComparer.Ordinal).ToEquatableArray();
    }

    private static string DefaultName(string className) => "Map" + className;

    private static string QualifiedName(string metadataName)
    {
        var builder = new StringBuilder("Map");
        foreach (var c in metadataName)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// <c>MapResources()</c>: this assembly's resources, then those of every referenced assembly (through the
    /// registration types their generators wrote). An assembly with resources of its own also gets its registration:
    /// a public, hidden type named by an assembly attribute, which maps only its own resources.
    /// </summary>
    public static string Emit(EquatableArray<RegistrationModel> registrations, EquatableArray<string> referenced, string assemblyName)
    {
        var writer = new SourceWriter();
        GeneratedCode.WriteHeader(writer);
        var registrationType = RegistrationTypeName(assemblyName);
        if (registrations.Count > 0)
        {
            writer.WriteLine($"[assembly: global::Resourceful.Runtime.ResourcefulRegistration(typeof(global::Resourceful.Generated.{registrationType}), {Parsing.ReferencedRegistrations.ContractVersion})]");
            writer.WriteLine();
        }

        writer.OpenBlock("namespace Microsoft.AspNetCore.Builder");
        writer.WriteLine("/// <summary>Maps the resources declared with <c>[Resource]</c> in this assembly.</summary>");
        writer.WriteLine("// [GeneratedCode] may appear on one part of a partial class only: this one.");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock("internal static partial class ResourcefulEndpointRouteBuilderExtensions");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Maps every <c>[Resource]</c> class of this assembly:");
        foreach (var registration in registrations)
        {
            writer.WriteLine($"/// <see cref=\"{ResourceEmitter.Xml(registration.FullyQualifiedName)}\"/>,");
        }

        if (referenced.Count > 0)
        {
            writer.WriteLine("/// and those of the referenced assemblies that declare resources,");
        }

        writer.WriteLine("/// and returns their builders, so one convention (<c>RequireAuthorization()</c>, <c>WithTags(...)</c>, …) reaches them all.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock("public static global::Resourceful.ResourceConventionBuilder MapResources(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(endpoints);");
        var calls = registrations.Select(static r => $"{r.MapMethodName}(endpoints)")
            .Concat(referenced.Select(static type => $"{type}.MapResources(endpoints)"))
            .ToList();
        WriteBuilder(writer, calls);
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();

        if (registrations.Count > 0)
        {
            writer.WriteLine();
            writer.OpenBlock("namespace Resourceful.Generated");
            writer.WriteLine("/// <summary>Maps this assembly's own resources for the <c>MapResources()</c> of an app that references it.</summary>");
            writer.WriteLine(GeneratedCode.Attribute);
            writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.OpenBlock($"public static class {registrationType}");
            writer.WriteLine("/// <summary>Maps this assembly's resources (not those of the assemblies it references).</summary>");
            writer.OpenBlock("public static global::Resourceful.ResourceConventionBuilder MapResources(global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)");
            writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(endpoints);");
            WriteBuilder(writer, registrations.Select(static r => $"global::Microsoft.AspNetCore.Builder.ResourcefulEndpointRouteBuilderExtensions.{r.MapMethodName}(endpoints)").ToList());
            writer.CloseBlock();
            writer.CloseBlock();
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    /// <summary>
    /// The registration type's name: unique per assembly, since an app references many and names each in full
    /// (<c>ResourcefulRegistration_Shop_Api</c> for <c>Shop.Api</c>).
    /// </summary>
    public static string RegistrationTypeName(string assemblyName)
    {
        var builder = new StringBuilder("ResourcefulRegistration_");
        foreach (var c in assemblyName)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return builder.ToString();
    }

    private static void WriteBuilder(SourceWriter writer, IReadOnlyList<string> calls)
    {
        writer.WriteLine("return new global::Resourceful.ResourceConventionBuilder(");
        for (var i = 0; i < calls.Count; i++)
        {
            writer.WriteLine($"    {calls[i]}{(i == calls.Count - 1 ? ");" : ",")}");
        }

        if (calls.Count == 0)
        {
            writer.WriteLine("    global::System.Array.Empty<global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder>());");
        }
    }
}
