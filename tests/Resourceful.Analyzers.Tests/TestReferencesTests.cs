using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Resourceful.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>
/// The test compilations must never depend on a download made by a test: on a cold machine that once failed 132
/// tests with "'AspNetCore' does not exist in the namespace 'Microsoft'" while a warm one passed them all.
/// </summary>
public sealed class TestReferencesTests
{
    [Fact]
    public async Task ReferenceAssemblies_ResolvedByTheTestingLibrary_AreNone()
    {
        Assert.Null(TestReferences.None.ReferenceAssemblyPackage);
        Assert.Empty(TestReferences.None.Packages);

        var resolved = await TestReferences.None.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);

        Assert.Empty(resolved);
    }

    [Theory]
    [InlineData("Microsoft.NETCore.App.Ref", "System.Runtime.dll")]
    [InlineData("Microsoft.AspNetCore.App.Ref", "Microsoft.AspNetCore.Http.Abstractions.dll")]
    public void Framework_EveryTargetingPack_ComesFromTheBuild(string pack, string assembly)
    {
        var paths = TestReferences.Framework.Select(static reference => reference.Display ?? string.Empty).ToList();

        Assert.Contains(paths, path => path.Contains(pack, StringComparison.Ordinal) && Path.GetFileName(path) == assembly);
        Assert.All(paths, path => Assert.True(File.Exists(path), path));
    }
}
