using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Resourceful.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>
/// One decision procedure, two reporters: the analyzer reports the parser's problems when it runs, the generator the
/// same ones when it does not (RunAnalyzers=false), so a handler the generator leaves out always fails the build,
/// and is reported once.
/// </summary>
public sealed class GeneratorReportingTests
{
    /// <summary>Problems of every reporting path: a resource's, a handler's, an old URI's, two resources', a stray attribute's.</summary>
    private const string Extra = """
        [Resource("/shelves")]
        [MovedFrom("/old?x=1")]
        [MovedFrom("/racks/{id:slug}")]
        public sealed partial class Shelves
        {
            [Get("{id:int}")] public string Find(int id) => "";
            [Get("{name:slug}")] public string ByName(string name) => "";
        }

        [Resource("/shelves")]
        public sealed partial class Racks
        {
            [Get("{id:int}")] public string Find(int id) => "";
            [Get("{number:int}")] public string Other(int number) => "";
        }

        public sealed class NotAResource
        {
            [Get, Post] public string Stray() => "";
        }

        [Resource("/generic")]
        public sealed partial class Generic<T>
        {
            [Get] public string List() => "";
        }
        """;

    private static readonly Dictionary<string, string> AnalyzersOff = new() { ["build_property.RunAnalyzers"] = "false" };

    [Fact]
    public void AnalyzersOff_GeneratorReportsExactlyTheAnalyzersUsageErrors()
    {
        var compilation = Compilations.Create(ConsistencyTests.Corpus, Extra);

        var analyzer = Runners.RunAnalyzers(compilation).Diagnostics
            .Where(static d => d.Id.StartsWith("RSF00", System.StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error)
            .Select(Describe)
            .Order()
            .ToList();
        var generator = GeneratorDiagnostics.Of(compilation, new TestOptionsProvider(AnalyzersOff))
            .Select(Describe)
            .Order()
            .ToList();

        // The corpus has one of every reason, and the extra file the paths the corpus does not take.
        Assert.True(analyzer.Count > 30, $"expected many usage errors, got {analyzer.Count}");
        foreach (var id in new[] { "RSF0003", "RSF0007", "RSF0008", "RSF0012", "RSF0013", "RSF0014", "RSF0017", "RSF0019" })
        {
            Assert.True(generator.Any(d => d.StartsWith(id, System.StringComparison.Ordinal)), $"{id} missing from:\n{string.Join("\n", generator)}\nanalyzer:\n{string.Join("\n", analyzer)}");
        }

        Assert.Equal(analyzer, generator);
    }

    [Theory]
    [InlineData("RunAnalyzers", "false", true)]
    [InlineData("RunAnalyzers", "False", true)]
    [InlineData("RunAnalyzers", "", false)]
    [InlineData("RunAnalyzers", "true", false)]
    [InlineData("RunAnalyzersDuringBuild", "false", true)]
    public void Generator_ReportsOnlyWhenTheAnalyzerDoesNot(string property, string value, bool generatorReports)
    {
        var compilation = Compilations.Create(Broken);
        var options = new Dictionary<string, string> { ["build_property.RunAnalyzers"] = "", ["build_property." + property] = value };

        var diagnostics = GeneratorDiagnostics.Of(compilation, new TestOptionsProvider(options));

        if (generatorReports)
        {
            var error = Assert.Single(diagnostics);
            Assert.Equal("RSF0008", error.Id);
            Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        }
        else
        {
            Assert.Empty(diagnostics);
        }
    }

    [Fact]
    public void DesignTimeBuild_AnalyzersRunLiveInTheIde_GeneratorSilent()
    {
        var options = new Dictionary<string, string>
        {
            ["build_property.RunAnalyzers"] = "",
            ["build_property.RunAnalyzersDuringBuild"] = "false",
            ["build_property.DesignTimeBuild"] = "true",
        };

        Assert.Empty(GeneratorDiagnostics.Of(Compilations.Create(Broken), new TestOptionsProvider(options)));
    }

    [Fact]
    public void NoBuildProperties_NobodyKnownToReport_GeneratorReports()
    {
        var error = Assert.Single(GeneratorDiagnostics.Of(Compilations.Create(Broken)));

        Assert.Equal("RSF0008", error.Id);
    }

    [Theory]
    [InlineData("slug", false)]
    [InlineData("isbn", true)]
    public void CustomConstraint_JudgedWithTheFilesOptions(string declared, bool reported)
    {
        var compilation = Compilations.Create("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{name:slug}")] public string ByName(string name) => "";
            }
            """);
        var options = new Dictionary<string, string>(AnalyzersOff) { ["resourceful.route_constraints"] = declared };

        var diagnostics = GeneratorDiagnostics.Of(compilation, new TestOptionsProvider(options));

        Assert.Equal(reported ? ["RSF0012"] : [], diagnostics.Select(static d => d.Id));
    }

    private const string Broken = """
        [Resource("/books")]
        public sealed partial class Books
        {
            [Get] internal string List() => "";
        }
        """;

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} {span.Path}:{span.StartLinePosition} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }
}
