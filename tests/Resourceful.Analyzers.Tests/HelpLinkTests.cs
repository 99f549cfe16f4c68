using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Resourceful.Generators;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>
/// Every rule's help link resolves: it names the repository that the package declares (the MSBuild
/// property RepositoryUrl, which a fork changes in one place) and a page that exists in this repository.
/// </summary>
public sealed class HelpLinkTests
{
    /// <summary>
    /// The SDK stamps every assembly with <c>[AssemblyMetadata("RepositoryUrl", "$(RepositoryUrl)")]</c>,
    /// so this is the property itself, read from the build, not a copy of it.
    /// </summary>
    private static readonly string RepositoryUrl = typeof(HelpLinkTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(static attribute => attribute.Key == "RepositoryUrl")
        .Value!;

    [Fact]
    public void HelpLinks_EveryDescriptor_PointsIntoTheDeclaredRepository()
    {
        Assert.StartsWith("https://", RepositoryUrl, StringComparison.Ordinal);
        Assert.NotEmpty(CatalogTests.Descriptors);
        foreach (var descriptor in CatalogTests.Descriptors)
        {
            var expected = RepositoryUrl.TrimEnd('/') + "/blob/main/docs/diagnostics/" + descriptor.Id + ".md";
            Assert.True(expected == descriptor.HelpLinkUri, $"{descriptor.Id} links to '{descriptor.HelpLinkUri}', not '{expected}'");
        }
    }

    [Fact]
    public void HelpLinks_EveryReportedDiagnostic_LinksToAPageInTheRepository()
    {
        var prefix = RepositoryUrl.TrimEnd('/') + "/blob/main/";
        var supported = CatalogTests.Analyzers.SelectMany(static a => a.SupportedDiagnostics).Concat(ResourceGenerator.ReportedDiagnostics).ToList();
        Assert.NotEmpty(supported);
        foreach (var descriptor in supported)
        {
            Assert.StartsWith(prefix, descriptor.HelpLinkUri, StringComparison.Ordinal);
            var relative = descriptor.HelpLinkUri.Substring(prefix.Length);
            Assert.True(
                File.Exists(Path.Combine(CatalogTests.RepositoryRoot, relative)),
                $"{descriptor.Id} links to {descriptor.HelpLinkUri}, but the repository has no {relative}");
        }
    }
}
