using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// Resources declared in a referenced class library are mapped by the app's <c>MapResources()</c>, at compile time,
/// through the registration the library's own generator wrote; a library whose resources cannot be mapped is a
/// compile error from the generator (RSF0022), never a silent 404.
/// </summary>
public sealed class LibraryResourcesTests
{
    private const string Library = """
        using Resourceful;

        namespace Shop.Library;

        [Resource("/farewells")]
        public sealed partial class Farewells
        {
            [Get("{name}")]
            public string Find(string name) => "Goodbye, " + name;
        }
        """;

    private const string App = """
        using Microsoft.AspNetCore.Builder;
        using Resourceful;

        namespace Shop;

        [Resource("/greetings")]
        public sealed partial class Greetings
        {
            [Get("{name}")]
            public string Find(string name) => "Hello, " + name;
        }

        public static class Startup
        {
            public static void Map(WebApplication app) => app.MapResources();
        }
        """;

    [Fact]
    public void App_ReferencesLibraryWithResources_MapsThemThroughItsRegistration()
    {
        var library = TestHelpers.CompileReference("Shop.Library", Library);

        var run = RunApp(library, App);

        Assert.Empty(run.Diagnostics);
        var mapResources = run.Source("Resourceful.MapResources.g.cs");
        Assert.Contains("MapGreetings(endpoints),", mapResources, StringComparison.Ordinal);
        Assert.Contains("global::Resourceful.Generated.ResourcefulRegistration_Shop_Library.MapResources(endpoints));", mapResources, StringComparison.Ordinal);
        TestHelpers.AssertNoWarnings(run.Output);
    }

    [Fact]
    public void App_WithoutResourcesOfItsOwn_StillMapsTheLibrarys()
    {
        var library = TestHelpers.CompileReference("Shop.Library", Library);

        var run = RunApp(library, App[..App.IndexOf("[Resource(", StringComparison.Ordinal)] + App[App.IndexOf("public static class Startup", StringComparison.Ordinal)..]);

        var mapResources = run.Source("Resourceful.MapResources.g.cs");
        Assert.Contains("ResourcefulRegistration_Shop_Library.MapResources(endpoints));", mapResources, StringComparison.Ordinal);
        Assert.DoesNotContain("[assembly:", mapResources, StringComparison.Ordinal);
        TestHelpers.AssertNoWarnings(run.Output);
    }

    [Fact]
    public void App_LibraryBuiltWithoutTheGenerator_ReportsRsf0022()
    {
        var library = TestHelpers.CompileReference("Shop.Library", Library.Replace("partial class", "class", StringComparison.Ordinal), runGenerator: false);

        var run = RunApp(library, App);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("RSF0022", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'Shop.Library'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("without the Resourceful generator", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void App_LibraryWithAnotherRegistrationContract_ReportsRsf0022()
    {
        var library = TestHelpers.CompileReference("Shop.Library", """
            [assembly: Resourceful.Runtime.ResourcefulRegistration(typeof(Shop.Library.Registration), 2)]

            namespace Shop.Library;

            public static class Registration;
            """, runGenerator: false);

        var run = RunApp(library, App);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("RSF0022", diagnostic.Id);
        Assert.Contains("version 2", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void App_LibraryUsingResourcefulWithoutResources_NoDiagnosticAndNothingToMap()
    {
        var library = TestHelpers.CompileReference("Shop.Library", """
            namespace Shop.Library;

            public static class Paths
            {
                public static string Books => Resourceful.Runtime.ResourcefulLinks.Escape("books");
            }
            """);

        var run = RunApp(library, App);

        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain("ResourcefulRegistration_Shop_Library", run.Source("Resourceful.MapResources.g.cs"), StringComparison.Ordinal);
    }

    private sealed record AppRun(GeneratorRunResult Result, Compilation Output)
    {
        public Diagnostic[] Diagnostics => [.. Result.Diagnostics];

        public string Source(string hintName) => Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
    }

    private static AppRun RunApp(MetadataReference library, string source)
    {
        var (result, output) = TestHelpers.RunGeneratorReferencing("Shop.App", library, source);
        return new AppRun(result, output);
    }
}
