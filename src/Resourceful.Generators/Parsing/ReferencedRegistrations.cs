using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Reads, from metadata, what referenced assemblies contribute to this compilation's <c>MapResources()</c>: every
/// assembly that declares resources carries <c>[assembly: ResourcefulRegistration(typeof(…), version)]</c>, written by
/// its own generator. Also finds the generated <c>MapResources()</c> of another assembly that this one can see (a test
/// project that the app grants its internals).
/// </summary>
internal static class ReferencedRegistrations
{
    /// <summary>The generated extension class (see <c>MapResourcesEmitter</c>).</summary>
    public const string ExtensionsMetadataName = "Microsoft.AspNetCore.Builder.ResourcefulEndpointRouteBuilderExtensions";

    public const string RegistrationAttributeName = "Resourceful.Runtime.ResourcefulRegistrationAttribute";

    /// <summary>The registration shape this generator writes and reads (<c>ResourcefulRegistrationAttribute.CurrentContractVersion</c>).</summary>
    public const int ContractVersion = 1;

    private const string RuntimeAssemblyName = "Resourceful";

    public static ReferencedLibrariesModel Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var registrations = new List<(string Assembly, string Type)>();
        var problems = new List<LibraryProblemModel>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assembly.Name == RuntimeAssemblyName || !ReferencesRuntime(assembly))
            {
                continue;
            }

            var attribute = assembly.GetAttributes().FirstOrDefault(static a => a.AttributeClass?.ToDisplayString() == RegistrationAttributeName);
            if (attribute is null)
            {
                if (DeclaresResources(assembly.GlobalNamespace, cancellationToken))
                {
                    problems.Add(new LibraryProblemModel(
                        assembly.Name,
                        "it declares [Resource] classes but was built without the Resourceful generator, so nothing maps them; "
                        + "reference the Resourceful package in that project too"));
                }

                continue;
            }

            var arguments = attribute.ConstructorArguments;
            var version = arguments.Length == 2 && arguments[1].Value is int number ? number : 0;
            if (version != ContractVersion)
            {
                problems.Add(new LibraryProblemModel(
                    assembly.Name,
                    $"it was built by a Resourceful whose registration contract is version {version}, and this one reads version {ContractVersion}; "
                    + "build both projects with the same Resourceful version"));
                continue;
            }

            if (arguments[0].Value is not INamedTypeSymbol type || !compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                problems.Add(new LibraryProblemModel(assembly.Name, "its registration type cannot be reached from this project"));
                continue;
            }

            registrations.Add((assembly.Name, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));
        }

        return new ReferencedLibrariesModel(
            IsVisible(compilation),
            registrations.OrderBy(static r => r.Assembly, StringComparer.Ordinal).Select(static r => r.Type).ToEquatableArray(),
            problems.OrderBy(static p => p.AssemblyName, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>
    /// <c>true</c> when a referenced assembly's generated <c>MapResources()</c> is accessible here. A compilation that
    /// declares no resource of its own then emits none: a second one would make every <c>app.MapResources()</c> call
    /// ambiguous (CS0121).
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

    /// <summary>Only an assembly compiled against Resourceful can declare resources: the rest are never walked.</summary>
    private static bool ReferencesRuntime(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (reference.Name == RuntimeAssemblyName)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool DeclaresResources(INamespaceSymbol @namespace, CancellationToken cancellationToken)
    {
        foreach (var member in @namespace.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is INamespaceSymbol nested ? DeclaresResources(nested, cancellationToken) : member is INamedTypeSymbol type && DeclaresResources(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaresResources(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == ResourceParser.ResourceAttributeName)
            {
                return true;
            }
        }

        return type.GetTypeMembers().Any(DeclaresResources);
    }
}
