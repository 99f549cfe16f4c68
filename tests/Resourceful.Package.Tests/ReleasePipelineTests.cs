using System;
using System.Linq;
using Xunit;

namespace Resourceful.Package.Tests;

/// <summary>
/// `dotnet pack` at the root, as a maintainer or a release job types it, packs the solution: every
/// project is visited, and exactly one package (with its symbols) comes out, none for the samples,
/// tests or benchmarks, and no warning, which Directory.Build.props makes an error.
/// </summary>
[Collection(PackedPackage.Collection)]
public sealed class ReleasePipelineTests(PackedPackage package)
{
    [Fact]
    public void RootPack_Plain_WritesOnlyResourcefulAndItsSymbols() => AssertOnlyResourceful(package.PlainPack);

    [Fact]
    public void RootPack_WithOutputDirectory_WritesOnlyResourcefulAndItsSymbolsThere() => AssertOnlyResourceful(package.OutputDirectoryPack);

    [Fact]
    public void RootPack_WithVersion_WritesOnlyResourcefulAndItsSymbolsAtThatVersion() => AssertOnlyResourceful(package.VersionPack);

    private static void AssertOnlyResourceful(RootPack pack)
    {
        Assert.True(pack.Result.Succeeded, pack.Result.Describe());
        Assert.True(
            pack.ExpectedFiles.Order(StringComparer.Ordinal).SequenceEqual(pack.WrittenFiles),
            $"`{pack.Result.CommandLine}` wrote:\n  {string.Join("\n  ", pack.WrittenFiles)}\n"
                + $"but should have written exactly:\n  {string.Join("\n  ", pack.ExpectedFiles)}\n{pack.Result.Describe()}");
    }
}
