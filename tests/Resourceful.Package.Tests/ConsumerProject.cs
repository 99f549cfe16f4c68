using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Threading.Tasks;
using Xunit;

namespace Resourceful.Package.Tests;

/// <summary>
/// A web project made as a user makes one, outside the repository: <c>dotnet new web</c>, one
/// <c>dotnet add package Resourceful</c>, a resource class and <c>app.MapResources()</c>. It knows Resourceful only as
/// a package from a folder feed, and nothing of the repository's build settings leaks into it.
/// </summary>
internal sealed class ConsumerProject
{
    public const string AssemblyName = "GreetingsApi";

    /// <summary>A second project, as a user's test project: it references the app, which grants it its internals.</summary>
    public const string TestsAssemblyName = "GreetingsApi.Tests";

    /// <summary>A class library with a resource of its own, referenced by the app: the app's MapResources() maps it too.</summary>
    public const string LibraryAssemblyName = "GreetingsApi.Farewells";

    private ConsumerProject(string root, string packagesDirectory)
    {
        Root = root;
        Directory = Path.Combine(root, AssemblyName);
        TestsDirectory = Path.Combine(root, TestsAssemblyName);
        PackagesDirectory = packagesDirectory;
    }

    /// <summary>The folder holding both projects, the feed's nuget.config and the isolating build files.</summary>
    public string Root { get; }

    /// <summary>The app's project folder.</summary>
    public string Directory { get; }

    public string TestsDirectory { get; }

    /// <summary>The consumer's own package folder, so a Resourceful cached by an earlier run is never used.</summary>
    public string PackagesDirectory { get; }

    public string ProjectFile => Path.Combine(Directory, AssemblyName + ".csproj");

    public string TestsProjectFile => Path.Combine(TestsDirectory, TestsAssemblyName + ".csproj");

    public string OutputAssembly => Path.Combine(Directory, "bin", "Release", "net10.0", AssemblyName + ".dll");

    /// <summary>Where the README says the build writes the compile-time OpenAPI document.</summary>
    public string OpenApiDocument => Path.Combine(Directory, "obj", "Release", "net10.0", "resources.openapi.json");

    /// <summary>Where generated sources would be written to disk if something forced EmitCompilerGeneratedFiles on.</summary>
    public string GeneratedSourcesDirectory => Path.Combine(Directory, "obj", "Release", "net10.0", "generated");

    /// <summary>The environment every command in the consumer runs with: its own package folder.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory };

    public static async Task<ConsumerProject> CreateAsync(
        string root, string feedDirectory, string packagesDirectory, string version, bool withLibrary = true)
    {
        System.IO.Directory.CreateDirectory(root);
        var project = new ConsumerProject(root, packagesDirectory);

        // Adds the folder feed and keeps the default source (no <clear/>), as a user's own nuget.config would; the
        // unique version makes the feed the only place it can come from.
        project.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="resourceful-local-feed" value="{Xml(feedDirectory)}" />
              </packageSources>
            </configuration>
            """);

        // Empty on purpose: MSBuild stops at the first of these it finds walking up, so nothing from a parent folder
        // (and no central package management) applies to the consumer.
        project.WriteFile("Directory.Build.props", "<Project />");
        project.WriteFile("Directory.Build.targets", "<Project />");
        project.WriteFile("Directory.Packages.props", "<Project />");

        await project.RunAsync(root, ["new", "web", "--name", AssemblyName, "--output", project.Directory, "--no-restore", "--no-update-check"]);
        await project.RunAsync(project.Directory, ["add", "package", "Resourceful", "--version", version, "--no-restore"]);

        // The template's Program.cs, with the two calls the README asks for.
        string program = File.ReadAllText(Path.Combine(project.Directory, "Program.cs"));
        Assert.Contains("app.Run();", program);
        project.WriteFile(
            Path.Combine(AssemblyName, "Program.cs"),
            program.Replace("app.Run();", "app.MapResources();\napp.MapResourcesOpenApi();\n\napp.Run();"));

        project.WriteFile(Path.Combine(AssemblyName, "Greetings.cs"), """
            using Resourceful;

            namespace GreetingsApi;

            public sealed record Greeting(string Message, string Self);

            public sealed record GreetingQuery(string Name);

            [Resource("/greetings")]
            public sealed partial class Greetings
            {
                [Get("{name}"), SparseFieldsets, Microsoft.AspNetCore.Mvc.ResponseCache(Duration = 60)]
                public Greeting Find(string name) => new($"Hello, {name}!", Links.Find(name));

                // QUERY (RFC 10008) with a JSON body, and a cookie: the package's attributes, as users write them.
                [Query("search")]
                public Greeting Search(GreetingQuery query, [FromCookie(Name = "punctuation")] string? punctuation)
                    => new($"Hello, {query.Name}{punctuation ?? "!"}", Links.Find(query.Name));
            }

            // Conditional requests through the package: a [ConcurrencyCheck] version, Preconditions, RequireIfMatch.
            public sealed record Note(string Text, [property: System.ComponentModel.DataAnnotations.ConcurrencyCheck] long Version);

            [Resource("/notes")]
            public sealed partial class Notes
            {
                [Get("{id:int}")]
                public Note Find(int id) => new("note", 3);

                [Put("{id:int}", RequireIfMatch = true)]
                public Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<Note>, PreconditionFailed> Replace(
                    int id, Preconditions preconditions) =>
                    preconditions.Allows(3L) ? Microsoft.AspNetCore.Http.TypedResults.Ok(new Note("note", 4)) : new PreconditionFailed();
            }
            """);

        if (withLibrary)
        {
            project.WriteLibraryProject(LibraryAssemblyName, version, """<FrameworkReference Include="Microsoft.AspNetCore.App" />""");
            project.WriteFile(Path.Combine(LibraryAssemblyName, "Farewells.cs"), """
                using Resourceful;

                namespace GreetingsApi.Farewells;

                public sealed record Farewell(string Message);

                [Resource("/farewells")]
                public sealed partial class Farewells
                {
                    [Get("{name}")]
                    public Farewell Find(string name) => new($"Goodbye, {name}!");
                }
                """);
            await project.RunAsync(project.Directory, ["add", "reference", Path.Combine("..", LibraryAssemblyName, LibraryAssemblyName + ".csproj")]);
        }

        // What a test project needs from the app to call its MapResources(): its internals.
        project.WriteFile(Path.Combine(AssemblyName, "AssemblyInfo.cs"), $"""
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("{TestsAssemblyName}")]
            """);

        project.WriteLibraryProject(TestsAssemblyName, version, $"""<ProjectReference Include="../{AssemblyName}/{AssemblyName}.csproj" />""");
        project.WriteFile(Path.Combine(TestsAssemblyName, "TestHost.cs"), """
            using Microsoft.AspNetCore.Builder;

            namespace GreetingsApi.Tests;

            public static class TestHost
            {
                public static WebApplication Create()
                {
                    WebApplication app = WebApplication.CreateSlimBuilder().Build();
                    app.MapResources();
                    app.MapResourcesOpenApi();
                    return app;
                }
            }
            """);

        return project;
    }

    /// <summary>A class library of the consumer's: Resourceful from the feed, plus <paramref name="reference"/>.</summary>
    private void WriteLibraryProject(string name, string version, string reference) =>
        WriteFile(Path.Combine(name, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                {reference}
                <PackageReference Include="Resourceful" Version="{Xml(version)}" />
              </ItemGroup>
            </Project>
            """);

    private async Task RunAsync(string workingDirectory, IReadOnlyList<string> arguments)
    {
        CommandResult result = await DotnetCli.RunAsync(workingDirectory, arguments, PackedPackage.CommandTimeout, Environment);
        Assert.True(result.Succeeded, result.Describe());
    }

    private static string Xml(string value) => SecurityElement.Escape(value);

    internal void WriteFile(string relativePath, string content)
    {
        string path = Path.Combine(Root, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content + "\n");
    }
}
