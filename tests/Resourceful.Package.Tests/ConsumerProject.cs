using System.IO;
using System.Security;

namespace Resourceful.Package.Tests;

/// <summary>
/// A web project as a user would write it, outside the repository: it knows Resourceful only as a
/// package from a folder feed, and nothing of the repository's build settings leaks into it.
/// </summary>
internal sealed class ConsumerProject
{
    public const string AssemblyName = "GreetingsApi";

    private ConsumerProject(string directory, string packagesDirectory)
    {
        Directory = directory;
        PackagesDirectory = packagesDirectory;
    }

    public string Directory { get; }

    /// <summary>The consumer's own package folder, so a Resourceful cached by an earlier run is never used.</summary>
    public string PackagesDirectory { get; }

    public string ProjectFile => Path.Combine(Directory, AssemblyName + ".csproj");

    public string OutputAssembly => Path.Combine(Directory, "bin", "Release", "net10.0", AssemblyName + ".dll");

    public static ConsumerProject Write(string directory, string feedDirectory, string packagesDirectory, string version)
    {
        System.IO.Directory.CreateDirectory(directory);
        var project = new ConsumerProject(directory, packagesDirectory);

        // Adds the folder feed and keeps the default source (no <clear/>), as a user's own
        // nuget.config would; the unique version makes the feed the only place it can come from.
        project.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="resourceful-local-feed" value="{Xml(feedDirectory)}" />
              </packageSources>
            </configuration>
            """);

        // Empty on purpose: MSBuild stops at the first of these it finds walking up, so nothing
        // from a parent folder (and no central package management) applies to the consumer.
        project.WriteFile("Directory.Build.props", "<Project />");
        project.WriteFile("Directory.Build.targets", "<Project />");
        project.WriteFile("Directory.Packages.props", "<Project />");

        project.WriteFile(AssemblyName + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>{Xml(packagesDirectory)}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Resourceful" Version="{Xml(version)}" />
              </ItemGroup>
            </Project>
            """);

        project.WriteFile("Program.cs", """
            WebApplication app = WebApplication.CreateSlimBuilder(args).Build();
            app.MapResources();
            app.Run();
            """);

        project.WriteFile("Greetings.cs", """
            using Resourceful;

            namespace GreetingsApi;

            public sealed record Greeting(string Message, string Self);

            [Resource("/greetings")]
            public sealed partial class Greetings
            {
                [Get("{name}")]
                public Greeting Find(string name) => new($"Hello, {name}!", Links.Find(name));
            }
            """);

        return project;
    }

    private static string Xml(string value) => SecurityElement.Escape(value);

    private void WriteFile(string name, string content) =>
        File.WriteAllText(Path.Combine(Directory, name), content + "\n");
}
