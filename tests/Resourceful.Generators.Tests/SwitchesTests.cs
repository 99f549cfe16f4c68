using System.Collections.Generic;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// Issue 14, item 8: the project-wide switches (<c>ResourcefulAutomaticOptions</c>, <c>ResourcefulAutomaticHead</c>,
/// <c>ResourcefulOptionsDescription</c>, passed as <c>build_property.*</c>) and the per-resource ones
/// (<c>[Resource(AutomaticOptions = false, AutomaticHead = false)]</c>) decide what the generated tables map.
/// (What a client then gets, 405 with Allow, is tested against real requests in the HTTP tests.)
/// </summary>
public sealed class SwitchesTests
{
    private const string Books = """
        using Resourceful;

        namespace Shop;

        [Resource("/books")]
        public sealed partial class Books
        {
            [Get] public string List() => "";
            [Post] public void Add() { }
        }
        """;

    [Fact]
    public void Generate_ByDefault_MapsOptionsHeadAndTheDescription()
    {
        var source = Generate(Books, []);

        Assert.Contains("\"GET, HEAD, POST, OPTIONS\"", source);
        Assert.Contains("\"\"\"{\"method\":\"GET\"", source);
        Assert.DoesNotContain("AutomaticHead = false", source);
    }

    [Fact]
    public void Generate_WithAutomaticOptionsOff_LeavesOptionsOutOfAllowAndTheDescription()
    {
        var source = Generate(Books, new() { ["build_property.ResourcefulAutomaticOptions"] = "false" });

        // The path still answers the methods no handler takes (405 with a problem body); OPTIONS is one of them now.
        Assert.Contains("\"GET, HEAD, POST\"", source);
        Assert.DoesNotContain("OPTIONS\"", source);
        Assert.DoesNotContain("{\"method\"", source);
        Assert.DoesNotContain("AutomaticHead = false", source);
    }

    [Fact]
    public void Generate_WithAutomaticHeadOff_MapsNoHeadAndLeavesItOutOfAllow()
    {
        var source = Generate(Books, new() { ["build_property.ResourcefulAutomaticHead"] = "False" });

        Assert.Contains("AutomaticHead = false,", source);
        Assert.Contains("\"GET, POST, OPTIONS\"", source);
    }

    [Fact]
    public void Generate_WithTheDescriptionOff_KeepsOptionsWithoutADescription()
    {
        var source = Generate(Books, new() { ["build_property.ResourcefulOptionsDescription"] = "false" });

        Assert.Contains("\"GET, HEAD, POST, OPTIONS\"", source);
        Assert.DoesNotContain("{\"method\"", source);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("")]
    [InlineData("yes")]
    public void Generate_WithAPropertyNotFalse_KeepsItOn(string value)
    {
        var source = Generate(Books, new()
        {
            ["build_property.ResourcefulAutomaticOptions"] = value,
            ["build_property.ResourcefulAutomaticHead"] = value,
            ["build_property.ResourcefulOptionsDescription"] = value,
        });

        Assert.Contains("\"GET, HEAD, POST, OPTIONS\"", source);
        Assert.Contains("{\"method\":\"GET\"", source);
    }

    [Fact]
    public void Generate_ResourceSwitchesOff_TurnOffOnlyThatResource()
    {
        var source = Generate(
            """
            using Resourceful;

            namespace Shop;

            [Resource("/books", AutomaticOptions = false, AutomaticHead = false)]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }

            [Resource("/authors")]
            public sealed partial class Authors
            {
                [Get] public string List() => "";
            }
            """,
            [],
            "Shop.Books.g.cs");

        Assert.Contains("\"GET\"", source);
        Assert.DoesNotContain("OPTIONS\"", source);
        Assert.Contains("AutomaticHead = false,", source);
    }

    [Fact]
    public void Generate_ProjectSwitchChanged_ReEmitsWithoutReparsing()
    {
        var compilation = TestHelpers.CreateCompilation(Books);
        var run = TestHelpers.RunGenerator(compilation);

        var driver = run.Driver.WithUpdatedAnalyzerConfigOptions(new BuildPropertiesProvider(new Dictionary<string, string>
        {
            ["build_property.ResourcefulAutomaticHead"] = "false",
        }));
        var result = driver.RunGenerators(compilation.Clone()).GetRunResult();

        Assert.Contains(TestHelpers.StepOutputs(result.Results[0], TrackingNames.Resources), static o => o.Reason is Microsoft.CodeAnalysis.IncrementalStepRunReason.Unchanged or Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached);
        Assert.Contains("AutomaticHead = false,", TestHelpers.SourceOf(result, "Shop.Books.g.cs"));
    }

    private static string Generate(string code, Dictionary<string, string> properties, string hintName = "Shop.Books.g.cs")
    {
        var run = TestHelpers.RunGenerator(TestHelpers.CreateCompilation(code), options: new BuildPropertiesProvider(properties));
        TestHelpers.AssertCompilesCleanly(run);
        return run.Source(hintName);
    }
}
