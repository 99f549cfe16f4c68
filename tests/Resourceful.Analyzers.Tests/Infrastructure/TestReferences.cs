using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Resourceful.Analyzers.Tests.Infrastructure;

/// <summary>What every test compilation references: .NET 10, ASP.NET Core 10 and Resourceful itself.</summary>
internal static class TestReferences
{
    // Resolves (and on a clean machine downloads) the packs once, before any test uses them: tests run in
    // parallel, and two first resolutions racing each other once left a test without ASP.NET Core.
    static TestReferences()
    {
        Net10AspNetCore.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The reference packs of the versions the repository pins, restored through NuGet on first use.</summary>
    public static readonly ReferenceAssemblies Net10AspNetCore =
        new ReferenceAssemblies(
                "net10.0",
                new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
                Path.Combine("ref", "net10.0"))
            .AddPackages([new PackageIdentity("Microsoft.AspNetCore.App.Ref", "10.0.12")]);

    /// <summary>Resourceful.dll, the attributes the analyzed code uses.</summary>
    public static readonly MetadataReference Resourceful =
        MetadataReference.CreateFromFile(typeof(ResourceAttribute).Assembly.Location);

    public static void Apply(ProjectState state, ReferenceAssemblies? referenceAssemblies = null)
    {
        state.ReferenceAssemblies = referenceAssemblies ?? Net10AspNetCore;
        state.AdditionalReferences.Add(Resourceful);
    }
}
