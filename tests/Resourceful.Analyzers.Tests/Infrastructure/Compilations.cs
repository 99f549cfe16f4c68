using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Resourceful.Analyzers.Tests.Infrastructure;

/// <summary>
/// In-memory compilations against the running framework (ASP.NET Core comes through the project's
/// FrameworkReference), for tests that drive analyzers and the generator themselves.
/// </summary>
internal static class Compilations
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(static () =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(static path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path));
        return platform.Append(TestReferences.Resourceful).ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>A library compilation of <paramref name="sources"/>, each prefixed with <see cref="Sources.Usings"/>.</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "UserApp",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(Sources.Usings + source, ParseOptions, $"Source{index}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
