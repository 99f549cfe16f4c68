using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.CodeFixes;
using Resourceful.Generators;
using Resourceful.Package.Tests;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>
/// The code fixes as <c>dotnet format analyzers</c> applies them: one Fix All per rule, in one run, on a project on
/// disk. It builds its Fix All context unlike the IDE and the testing library (from the first diagnostic of its
/// analysis, whatever its id), which once left RSF0008 unfixed with "didn't return a Fix All action".
/// </summary>
public sealed class DotnetFormatTests
{
    // Every rule here has a fix; several share a class, a containing type or a literal.
    private const string Code = """
        namespace Shop;

        [Resource("/books")]
        public sealed class Books
        {
            [Get] public string List([FromBody] int limit) => "";
            [Get("{id}")] internal string Find(int id) => "";
            [Get("{id}/remove")] public string DeleteBook(int id) => "";
            [Put("{id}")] private void Replace(int id, string title) { }
        }

        public class Catalog
        {
            [Resource("/BookShelf/RecentItems/")]
            public sealed partial class Shelves
            {
                [Get] public string List(params string[] tags) => "";
                [Post] public async void Add(string title) => await Task.Yield();
            }

            [Resource("/authors")]
            public sealed partial class Authors
            {
                [Get("{id:int}")] public string Find() => "";
                [Get, Obsolete("Use Find", true)] public string List() => "";
            }
        }

        [Resource("/genres")]
        public abstract partial class Genres
        {
            [Get] public string List() => "";
        }
        """;

    private const string FixedCode = """
        namespace Shop;

        [Resource("/books")]
        public sealed partial class Books
        {
            [Get] public string List([FromQuery] int limit) => "";
            [Get("{id}")] public string Find(int id) => "";
            [Delete("{id}")] public string DeleteBook(int id) => "";
            [Put("{id}")] public void Replace(int id, string title) { }
        }

        public partial class Catalog
        {
            [Resource("/book-shelf/recent-items")]
            public sealed partial class Shelves
            {
                [Get] public string List(string[] tags) => "";
                [Post] public async Task Add(string title) => await Task.Yield();
            }

            [Resource("/authors")]
            public sealed partial class Authors
            {
                [Get("{id:int}")] public string Find(int id) => "";
                [Get, Obsolete("Use Find")] public string List() => "";
            }
        }

        [Resource("/genres")]
        public partial class Genres
        {
            [Get] public string List() => "";
        }
        """;

    private static readonly string[] FixedRules =
    [
        "RSF0001", "RSF0002", "RSF0004", "RSF0008", "RSF0010", "RSF0011", "RSF0015", "RSF0021",
        "RSF0101", "RSF0102", "RSF0201", "RSF0202", "RSF0203",
    ];

    [Fact]
    public async Task FormatAnalyzers_SeveralRulesInOneRun_FixesEveryDiagnostic()
    {
        var directory = Path.Combine(Path.GetTempPath(), "resourceful-format-" + Guid.NewGuid().ToString("N"));
        try
        {
            var project = WriteProject(directory);

            var run = await DotnetCli.RunAsync(
                directory, ["format", "analyzers", project, "--severity", "info", "--verbosity", "normal", "--diagnostics", .. FixedRules], TimeSpan.FromMinutes(5));

            Assert.True(run.Succeeded, run.Describe());
            Assert.DoesNotContain("Fix All action", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unable to fix", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Failed to apply", run.Output, StringComparison.Ordinal);
            var fixedText = File.ReadAllText(Path.Combine(directory, "Shop.cs"));
            Assert.Equal(Sources.Usings + FixedCode, fixedText);
            var remaining = Runners.RunAnalyzers(Compilations.Create(FixedCode)).Diagnostics.Where(static d => d.Id.StartsWith("RSF", StringComparison.Ordinal));
            Assert.Empty(remaining);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    // A web project that knows Resourceful only through the assemblies this test runs against. No package source and
    // no package reference: restore needs nothing but the SDK's own targeting packs, so it works offline.
    private static string WriteProject(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        var project = Path.Combine(directory, "Shop.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <OutputType>Library</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{typeof(ResourceAttribute).Assembly.Location}" />
                <Analyzer Include="{typeof(ResourceGenerator).Assembly.Location}" />
                <Analyzer Include="{typeof(ResourcefulCodeFixProvider).Assembly.Location}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Shop.cs"), Sources.Usings + Code);
        return project;
    }
}
