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
        var app = TestHelpers.CompileReference(TestHelpers.UserAssemblyName, App);

        var (result, output) = TestHelpers.RunGeneratorReferencing(TestAssemblyName, app, TestProject);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.GeneratedSources);
        TestHelpers.AssertNoWarnings(output);
    }

    [Fact]
    public void TestProject_AppGrantsNoInternals_KeepsItsOwnMapResources()
    {
        var app = TestHelpers.CompileReference(
            TestHelpers.UserAssemblyName,
            App.Replace("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"UserApp.Tests\")]", string.Empty));

        var (result, output) = TestHelpers.RunGeneratorReferencing(TestAssemblyName, app, TestProject);

        Assert.Contains(result.GeneratedSources, source => source.HintName == "Resourceful.MapResources.g.cs");
        Assert.Contains(result.GeneratedSources, source => source.HintName == "Resourceful.OpenApi.g.cs");
        TestHelpers.AssertNoWarnings(output);
    }
}
