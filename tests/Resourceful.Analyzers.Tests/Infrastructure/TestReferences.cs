using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Resourceful.Analyzers.Tests.Infrastructure;

/// <summary>What every test compilation references: .NET 10, ASP.NET Core 10 and Resourceful itself.</summary>
/// <remarks>
/// The reference assemblies are the targeting packs this test project was compiled against, listed by its build in
/// <c>framework-references.txt</c> (see the project file). Nothing is resolved through NuGet at test time: the testing
/// library's own package resolution downloads into the temp folder, and on a cold machine its first resolution once
/// left ASP.NET Core out of every compilation of the run.
/// </remarks>
internal static class TestReferences
{
    private const string ListFileName = "framework-references.txt";

    /// <summary>No reference-assembly package: the targeting packs come in through <see cref="Framework"/>.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    /// <summary>The targeting packs of Microsoft.NETCore.App and Microsoft.AspNetCore.App, as the build resolved them.</summary>
    public static readonly ImmutableArray<MetadataReference> Framework = ReadFramework();

    /// <summary>Resourceful.dll, the attributes the analyzed code uses.</summary>
    public static readonly MetadataReference Resourceful =
        MetadataReference.CreateFromFile(typeof(ResourceAttribute).Assembly.Location);

    public static void Apply(ProjectState state)
    {
        state.ReferenceAssemblies = None;
        state.AdditionalReferences.AddRange(Framework);
        state.AdditionalReferences.Add(Resourceful);
    }

    private static ImmutableArray<MetadataReference> ReadFramework()
    {
        var listFile = Path.Combine(AppContext.BaseDirectory, ListFileName);
        if (!File.Exists(listFile))
        {
            throw new InvalidOperationException($"{listFile} is missing: build the test project with dotnet build, which writes it.");
        }

        var paths = File.ReadAllLines(listFile).Where(static line => line.Length > 0).ToArray();
        var missing = paths.Where(static path => !File.Exists(path)).ToArray();
        if (paths.Length == 0 || missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"{listFile} lists {paths.Length} reference assemblies, {missing.Length} of them missing ({string.Join(", ", missing.Take(3))}); rebuild the test project.");
        }

        return paths.Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
