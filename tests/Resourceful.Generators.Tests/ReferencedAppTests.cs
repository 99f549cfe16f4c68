using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// A test project that references the app (which grants it its internals) and Resourceful itself: its
/// <c>app.MapResources()</c> must bind to the app's, not be ambiguous with an empty one of its own (CS0121).
/// </summary>
public sealed class ReferencedAppTests
{
    private const string TestAssemblyName = "UserApp.Tests";

    private const string App = """
        using Resourceful;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("UserApp.Tests")]

        namespace Shop;

        [Resource("/books")]
        public sealed partial class Books
        {
            [Get("{id:int}")]
            public string Find(int id) => "book";
        }
        """;

    private const string TestProject = """
        using Microsoft.AspNetCore.Builder;

        namespace Shop.Tests;

        public static class Startup
        {
            public static void Map(WebApplication app)
            {
                app.MapResources();
                app.MapResourcesOpenApi();
            }
        }
        """;

    [Fact]
    public void TestProject_SeesAppsMapResources_EmitsNoSecondOne()
    {
        var app = CompileApp(App);

        var run = RunTestProject(app, TestProject);

        Assert.Empty(run.GeneratedSources);
        AssertNoErrors(run.Output);
    }

    [Fact]
    public void TestProject_AppGrantsNoInternals_KeepsItsOwnMapResources()
    {
        var app = CompileApp(App.Replace("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"UserApp.Tests\")]", string.Empty));

        var run = RunTestProject(app, TestProject);

        Assert.Contains(run.GeneratedSources, source => source == "Resourceful.MapResources.g.cs");
        Assert.Contains(run.GeneratedSources, source => source == "Resourceful.OpenApi.g.cs");
        AssertNoErrors(run.Output);
    }

    private static MetadataReference CompileApp(string source)
    {
        var generated = TestHelpers.RunGenerator(source);
        TestHelpers.AssertCompilesCleanly(generated);
        using var image = new MemoryStream();
        var emitted = generated.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, TestHelpers.Format(emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static (string[] GeneratedSources, Compilation Output) RunTestProject(MetadataReference app, string source)
    {
        var compilation = CSharpCompilation.Create(
            TestAssemblyName,
            [TestHelpers.ParseTree(source, "Startup.cs")],
            TestHelpers.References.Add(app),
            TestHelpers.CreateCompilation().Options);
        var driver = TestHelpers.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var sources = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        return (sources, output);
    }

    private static void AssertNoErrors(Compilation output)
    {
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, TestHelpers.Format(problems));
    }
}
