using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Resourceful.Package.Tests;

/// <summary>
/// The README's Quickstart, taken from the README itself: its <c>Program.cs</c> is built against the packed
/// package with the README's own <c>dotnet add package</c> commands, then started in Production and sent the
/// requests the README describes. A Quickstart that no longer compiles or behaves as printed fails here.
/// </summary>
/// <remarks>
/// The blocks are found by the HTML comments just before their fences (invisible on the rendered page), so the
/// prose around them can change freely. Both markers are named in the README's source next to the blocks.
/// </remarks>
[Collection(PackedPackage.Collection)]
public sealed partial class QuickstartTests(PackedPackage package)
{
    private const string CommandsMarker = "<!-- readme:quickstart-commands -->";
    private const string ProgramMarker = "<!-- readme:quickstart-program -->";

    [Fact]
    public void Quickstart_PackageVersions_MatchWhatTheRepositoryPacksAndPins()
    {
        Dictionary<string, string> added = AddedPackages(ReadmeBlock(CommandsMarker, "sh"));

        Assert.True(
            added.TryGetValue("Resourceful", out string? resourceful),
            "The Quickstart commands add no Resourceful package:\n" + ReadmeBlock(CommandsMarker, "sh"));
        Assert.Equal(RepositoryProperty("Directory.Build.props", "VersionPrefix"), resourceful);

        // An unpinned `dotnet add package Microsoft.AspNetCore.OpenApi` picks a version built for a newer
        // .NET, which fails a net10.0 build with CS9057; the README pins what the repository builds with.
        Assert.True(
            added.TryGetValue("Microsoft.AspNetCore.OpenApi", out string? openApi),
            "The Quickstart commands do not pin Microsoft.AspNetCore.OpenApi:\n" + ReadmeBlock(CommandsMarker, "sh"));
        Assert.Equal(CentralPackageVersion("Microsoft.AspNetCore.OpenApi"), openApi);
    }

    [Fact]
    public async Task Quickstart_BuiltFromReadme_AnswersAsReadmeSays()
    {
        package.AssertPacked();
        string program = ReadmeBlock(ProgramMarker, "csharp");
        Dictionary<string, string> added = AddedPackages(ReadmeBlock(CommandsMarker, "sh"));

        // The consumer is what `dotnet new web` + `dotnet add package Resourceful` make, with the README's
        // Program.cs in place of the template's; the Resourceful version is the one just packed.
        ConsumerProject consumer = await package.CreateConsumerAsync("quickstart", withLibrary: false);
        File.Delete(Path.Combine(consumer.Directory, "Greetings.cs"));
        File.Delete(Path.Combine(consumer.Directory, "AssemblyInfo.cs"));
        await File.WriteAllTextAsync(Path.Combine(consumer.Directory, "Program.cs"), program);

        IReadOnlyDictionary<string, string> environment = consumer.Environment;
        foreach ((string id, string version) in added.Where(pair => pair.Key != "Resourceful"))
        {
            CommandResult add = await DotnetCli.RunAsync(
                consumer.Directory,
                ["add", consumer.ProjectFile, "package", id, "--version", version],
                PackedPackage.CommandTimeout,
                environment);
            Assert.True(add.Succeeded, add.Describe());
        }

        CommandResult build = await DotnetCli.RunAsync(
            consumer.Directory,
            ["build", consumer.ProjectFile, "-c", "Release", "-warnaserror", "--disable-build-servers"],
            PackedPackage.CommandTimeout,
            environment);
        Assert.True(build.Succeeded, build.Describe());

        Process app = LoopbackApp.StartInProduction(consumer.Directory, consumer.OutputAssembly, out HttpClient client, out StringBuilder appOutput);
        try
        {
            string Context(HttpResponseMessage response, string body) =>
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} "
                + $"{response.Content.Headers.ContentType} {body}\nApp output:\n{DotnetCli.Snapshot(appOutput)}";

            // "GET /books/42 calls Find(42), which answers 404 while the store is empty"
            using (HttpResponseMessage missing = await LoopbackApp.GetOnceListeningAsync(client, "/books/42", app, appOutput))
            {
                Assert.True(missing.StatusCode == HttpStatusCode.NotFound, Context(missing, await missing.Content.ReadAsStringAsync()));
            }

            // "POST /books with {...} answers 201 Created with Location: /books/1"
            using (HttpResponseMessage created = await client.PostAsync(
                "/books",
                new StringContent("""{"title": "Kindred", "author": "Octavia E. Butler"}""", Encoding.UTF8, "application/json")))
            {
                string body = await created.Content.ReadAsStringAsync();
                Assert.True(created.StatusCode == HttpStatusCode.Created, Context(created, body));
                Assert.True(created.Headers.Location?.OriginalString == "/books/1", Context(created, body));
                using JsonDocument book = JsonDocument.Parse(body);
                Assert.True(book.RootElement.GetProperty("title").GetString() == "Kindred", Context(created, body));
            }

            using (HttpResponseMessage found = await client.GetAsync("/books/1"))
            {
                string body = await found.Content.ReadAsStringAsync();
                Assert.True(found.StatusCode == HttpStatusCode.OK, Context(found, body));
                using JsonDocument book = JsonDocument.Parse(body);
                Assert.True(book.RootElement.GetProperty("id").GetInt32() == 1, Context(found, body));
            }

            // "GET /books/abc never reaches Find (the int constraint answers 404)"
            using (HttpResponseMessage notAnInt = await client.GetAsync("/books/abc"))
            {
                Assert.True(notAnInt.StatusCode == HttpStatusCode.NotFound, Context(notAnInt, await notAnInt.Content.ReadAsStringAsync()));
            }

            // "GET /books?limit=abc answers 400 application/problem+json naming limit"
            using (HttpResponseMessage badLimit = await client.GetAsync("/books?limit=abc"))
            {
                string body = await badLimit.Content.ReadAsStringAsync();
                Assert.True(badLimit.StatusCode == HttpStatusCode.BadRequest, Context(badLimit, body));
                Assert.True(badLimit.Content.Headers.ContentType?.MediaType == "application/problem+json", Context(badLimit, body));
                using JsonDocument problem = JsonDocument.Parse(body);
                Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("limit", out _), Context(badLimit, body));
            }

            // "GET /openapi/v1.json documents the generated endpoints"
            using (HttpResponseMessage openApi = await client.GetAsync("/openapi/v1.json"))
            {
                string body = await openApi.Content.ReadAsStringAsync();
                Assert.True(openApi.StatusCode == HttpStatusCode.OK, Context(openApi, body));
                using JsonDocument document = JsonDocument.Parse(body);
                JsonElement paths = document.RootElement.GetProperty("paths");
                Assert.True(paths.TryGetProperty("/books", out _), Context(openApi, body));
                Assert.True(paths.TryGetProperty("/books/{id}", out _), Context(openApi, body));
            }
        }
        finally
        {
            DotnetCli.Stop(app);
            app.Dispose();
            client.Dispose();
        }
    }

    /// <summary>The first fenced block of <paramref name="language"/> after <paramref name="marker"/>.</summary>
    private string ReadmeBlock(string marker, string language)
    {
        string readme = File.ReadAllText(Path.Combine(package.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        int at = readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"README.md has no '{marker}'; the Quickstart test finds its block by it.");

        Match block = new Regex("^```" + Regex.Escape(language) + "\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)
            .Match(readme, at);
        Assert.True(block.Success, $"README.md has no ```{language} block after '{marker}'.");
        return block.Groups[1].Value;
    }

    /// <summary>Every <c>dotnet add package {id} --version {version}</c> line of a shell block.</summary>
    private static Dictionary<string, string> AddedPackages(string commands) =>
        AddPackageCommand().Matches(commands).ToDictionary(
            match => match.Groups["id"].Value,
            match => match.Groups["version"].Value,
            StringComparer.OrdinalIgnoreCase);

    private string RepositoryProperty(string file, string name)
    {
        XDocument props = XDocument.Load(Path.Combine(package.RepositoryRoot, file));
        string? value = props.Descendants(name).Select(element => element.Value).FirstOrDefault();
        Assert.True(value is not null, $"{file} sets no <{name}>.");
        return value!;
    }

    private string CentralPackageVersion(string id)
    {
        XDocument props = XDocument.Load(Path.Combine(package.RepositoryRoot, "Directory.Packages.props"));
        string? version = props.Descendants("PackageVersion")
            .Where(element => (string?)element.Attribute("Include") == id)
            .Select(element => (string?)element.Attribute("Version"))
            .FirstOrDefault();
        Assert.True(version is not null, $"Directory.Packages.props pins no version of {id}.");
        return version!;
    }

    [GeneratedRegex(@"^dotnet add package (?<id>\S+) --version (?<version>\S+)", RegexOptions.Multiline)]
    private static partial Regex AddPackageCommand();
}
