using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Resourceful.Package.Tests;

[Collection(PackedPackage.Collection)]
public sealed class PackageTests(PackedPackage package)
{
    [Fact]
    public void Package_WhenPacked_HoldsRuntimeLibraryAndAnalyzers()
    {
        package.AssertPacked();
        using ZipArchive archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
        string listing = string.Join(Environment.NewLine, entries.Order(StringComparer.Ordinal));

        Assert.True(entries.Contains("lib/net10.0/Resourceful.dll"), "No lib/net10.0/Resourceful.dll in:\n" + listing);
        Assert.True(
            entries.Contains("analyzers/dotnet/cs/Resourceful.Generators.dll"),
            "No analyzers/dotnet/cs/Resourceful.Generators.dll in:\n" + listing);
        Assert.True(
            entries.Contains("analyzers/dotnet/cs/Resourceful.CodeFixes.dll"),
            "No analyzers/dotnet/cs/Resourceful.CodeFixes.dll in:\n" + listing);

        // A compiler component under lib/ would be referenced by the user's app and shipped with it.
        Assert.DoesNotContain(
            entries,
            entry => entry.StartsWith("lib/", StringComparison.Ordinal)
                && (entry.EndsWith("/Resourceful.Generators.dll", StringComparison.Ordinal)
                    || entry.EndsWith("/Resourceful.CodeFixes.dll", StringComparison.Ordinal)));
    }

    [Fact]
    public void Package_WhenPacked_IsOneSelfContainedResourcefulPackage()
    {
        package.AssertPacked();
        XElement metadata = ReadNuspecMetadata(package.PackagePath);
        string nuspec = metadata.ToString();

        Assert.Equal("Resourceful", Child(metadata, "id")?.Value);
        Assert.Equal(package.Version, Child(metadata, "version")?.Value);

        // Resourceful.dll is built on ASP.NET Core, so the package brings the shared framework.
        var frameworkReferences = metadata.Descendants()
            .Where(element => element.Name.LocalName == "frameworkReference")
            .Select(element => (string?)element.Attribute("name"))
            .ToList();
        Assert.True(
            frameworkReferences.Contains("Microsoft.AspNetCore.App"),
            "The nuspec declares no Microsoft.AspNetCore.App framework reference:\n" + nuspec);

        // The generator, fixes and runtime are all inside this one package; a dependency on one
        // of the repository's projects would send users' restores looking for packages that do not exist.
        string[] internalIds = ["Resourceful.Generators", "Resourceful.CodeFixes", "Resourceful.Package"];
        var dependencies = metadata.Descendants()
            .Where(element => element.Name.LocalName == "dependency")
            .Select(element => (string?)element.Attribute("id"))
            .ToList();
        foreach (string id in internalIds)
        {
            Assert.False(
                dependencies.Contains(id, StringComparer.OrdinalIgnoreCase),
                $"The nuspec depends on the package '{id}':\n{nuspec}");
        }
    }

    /// <summary>
    /// What a user does first: <c>dotnet new web</c>, one package reference, a resource, <c>app.MapResources()</c>; the
    /// build passes with <c>-warnaserror</c>, writes the OpenAPI document the README promises without writing generated
    /// sources to disk, a test project granted the app's internals compiles, and the app serves in Production, with the
    /// resource of a referenced class library mapped by the app's own MapResources().
    /// </summary>
    [Fact]
    public async Task Consumer_DotnetNewWebWithPackage_BuildsWithWarningsAsErrorsAndServes()
    {
        package.AssertPacked();
        ConsumerProject consumer = await package.CreateConsumerAsync("consumer");

        CommandResult build = await BuildWithWarningsAsErrorsAsync(consumer, consumer.ProjectFile);
        AssertRestoredFromFeed(consumer, build);
        Assert.True(File.Exists(consumer.OutputAssembly), $"No {consumer.OutputAssembly} after the build.\n{build.Describe()}");
        Assert.True(File.Exists(consumer.OpenApiDocument), $"The build wrote no {consumer.OpenApiDocument}.\n{build.Describe()}");
        Assert.False(
            Directory.Exists(consumer.GeneratedSourcesDirectory),
            $"The package forced EmitCompilerGeneratedFiles: {consumer.GeneratedSourcesDirectory} exists.\n{build.Describe()}");
        string document = File.ReadAllText(consumer.OpenApiDocument);
        using (JsonDocument json = JsonDocument.Parse(document))
        {
            Assert.Equal("3.1.1", json.RootElement.GetProperty("openapi").GetString());
            Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/greetings/{name}", out _), document);
            Assert.True(
                json.RootElement.GetProperty("paths").GetProperty("/greetings/search").GetProperty("x-oai-additionalOperations").TryGetProperty("QUERY", out _),
                document);
        }

        // A test project that references the app (granted its internals) and Resourceful: one MapResources(), no CS0121.
        await BuildWithWarningsAsErrorsAsync(consumer, consumer.TestsProjectFile);

        Process app = LoopbackApp.StartInProduction(consumer.Directory, consumer.OutputAssembly, out HttpClient client, out StringBuilder appOutput);
        try
        {
            const string path = "/greetings/Ada";
            using HttpResponseMessage response = await LoopbackApp.GetOnceListeningAsync(client, path, app, appOutput);
            string body = await response.Content.ReadAsStringAsync();
            string context = $"GET {path} answered {(int)response.StatusCode} {body}\nApp output:\n{DotnetCli.Snapshot(appOutput)}";

            Assert.True(response.StatusCode == HttpStatusCode.OK, context);
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", context);

            using JsonDocument json = JsonDocument.Parse(body);
            Assert.True(json.RootElement.ValueKind == JsonValueKind.Object, context);
            Assert.True(json.RootElement.TryGetProperty("message", out JsonElement message), context);
            Assert.True(message.GetString() == "Hello, Ada!", context);

            // Generated by the package's generator inside the consumer's own class.
            Assert.True(json.RootElement.TryGetProperty("self", out JsonElement self), context);
            Assert.True(self.GetString() == "/greetings/Ada", context);
            Assert.True(json.RootElement.EnumerateObject().Count() == 2, context);

            // [ResponseCache] and [SparseFieldsets] from the package: a header constant and a generated writer.
            Assert.True(string.Join(",", response.Headers.NonValidated["Cache-Control"]) == "public,max-age=60", context);
            using (HttpResponseMessage partial = await client.GetAsync("/greetings/Ada?fields=message"))
            {
                string partialBody = await partial.Content.ReadAsStringAsync();
                Assert.True(partialBody == """{"message":"Hello, Ada!"}""", $"GET /greetings/Ada?fields=message answered {(int)partial.StatusCode} {partialBody}");
            }

            // A resource of a referenced class library, mapped by the app's own MapResources().
            using (HttpResponseMessage farewell = await client.GetAsync("/farewells/Ada"))
            {
                string farewellBody = await farewell.Content.ReadAsStringAsync();
                Assert.True(farewell.StatusCode == HttpStatusCode.OK, $"GET /farewells/Ada answered {(int)farewell.StatusCode} {farewellBody}");
                Assert.Contains("Goodbye, Ada!", farewellBody, StringComparison.Ordinal);
            }

            // Conditional requests: the ETag of the version, 304, 428 before the handler, 412 for a stale If-Match.
            using (HttpResponseMessage note = await client.GetAsync("/notes/1"))
            {
                Assert.True(note.Headers.ETag?.ToString() == "\"3\"", $"GET /notes/1 answered ETag '{note.Headers.ETag}'");
            }

            using (HttpRequestMessage revalidate = new(HttpMethod.Get, "/notes/1"))
            {
                revalidate.Headers.TryAddWithoutValidation("If-None-Match", "\"3\"");
                using HttpResponseMessage notModified = await client.SendAsync(revalidate);
                Assert.True(notModified.StatusCode == HttpStatusCode.NotModified, $"If-None-Match answered {(int)notModified.StatusCode}");
            }

            using (HttpResponseMessage required = await client.PutAsync("/notes/1", null))
            {
                Assert.True((int)required.StatusCode == 428, $"PUT without If-Match answered {(int)required.StatusCode}");
            }

            foreach ((string ifMatch, int expected) in new[] { ("\"2\"", 412), ("\"3\"", 200) })
            {
                using HttpRequestMessage put = new(HttpMethod.Put, "/notes/1");
                put.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                using HttpResponseMessage written = await client.SendAsync(put);
                Assert.True((int)written.StatusCode == expected, $"PUT with If-Match {ifMatch} answered {(int)written.StatusCode}");
            }

            // QUERY with a JSON body and a cookie, through the package's generator.
            using (var query = new HttpRequestMessage(new HttpMethod("QUERY"), "/greetings/search"))
            {
                query.Content = new StringContent("""{"name":"Ada"}""", System.Text.Encoding.UTF8, "application/json");
                query.Headers.Add("Cookie", "punctuation=.");
                using HttpResponseMessage searched = await client.SendAsync(query);
                string searchedBody = await searched.Content.ReadAsStringAsync();
                Assert.True(searched.StatusCode == HttpStatusCode.OK, $"QUERY /greetings/search answered {(int)searched.StatusCode} {searchedBody}");
                Assert.Contains("Hello, Ada.", searchedBody, StringComparison.Ordinal);
            }

            // The file the build wrote is the document the app serves.
            string served = await client.GetStringAsync("/openapi/resources.json");
            Assert.Equal(document.TrimEnd('\n'), served.TrimEnd('\n'));
        }
        finally
        {
            DotnetCli.Stop(app);
            app.Dispose();
            client.Dispose();
        }
    }

    [Fact]
    public async Task Consumer_OpenApiDocumentOff_BuildsWithWarningsAsErrorsAndWritesNoDocument()
    {
        package.AssertPacked();
        ConsumerProject consumer = await package.CreateConsumerAsync("consumer-no-document");

        CommandResult build = await BuildWithWarningsAsErrorsAsync(consumer, consumer.ProjectFile, "-p:ResourcefulOpenApiDocument=false");

        Assert.True(File.Exists(consumer.OutputAssembly), $"No {consumer.OutputAssembly} after the build.\n{build.Describe()}");
        Assert.False(File.Exists(consumer.OpenApiDocument), $"ResourcefulOpenApiDocument=false, yet the build wrote {consumer.OpenApiDocument}.");
        Assert.False(Directory.Exists(consumer.GeneratedSourcesDirectory), $"{consumer.GeneratedSourcesDirectory} exists.");
    }

    /// <summary>
    /// The project-wide switches reach the generator from MSBuild, as users set them, through the
    /// <c>CompilerVisibleProperty</c> items of the package's targets: without them the generator never sees them.
    /// </summary>
    [Fact]
    public async Task Consumer_SwitchesOff_TheGeneratorMapsNoHeadNoOptions()
    {
        package.AssertPacked();
        ConsumerProject consumer = await package.CreateConsumerAsync("consumer-switches-off", withLibrary: false);

        await BuildWithWarningsAsErrorsAsync(
            consumer,
            consumer.ProjectFile,
            "-p:ResourcefulAutomaticHead=false",
            "-p:ResourcefulAutomaticOptions=false",
            "-p:EmitCompilerGeneratedFiles=true");

        string generated = File.ReadAllText(Directory.EnumerateFiles(consumer.GeneratedSourcesDirectory, "GreetingsApi.Greetings.g.cs", SearchOption.AllDirectories).Single());
        Assert.Contains("AutomaticHead = false,", generated, StringComparison.Ordinal);

        // The path keeps its 405 answer, with neither HEAD nor OPTIONS in its Allow.
        Assert.Contains("\"GET\"", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("OPTIONS\"", generated, StringComparison.Ordinal);
    }

    /// <summary>
    /// A handler the generator cannot map fails the build with its error exactly once: reported by the analyzer when
    /// analyzers run, by the generator itself when they do not (RunAnalyzers=false), never silently and never twice,
    /// and neither a severity setting nor a #pragma can hide it.
    /// </summary>
    [Theory]
    [InlineData("analyzers-on", null, false)]
    [InlineData("analyzers-off", "-p:RunAnalyzers=false", false)]
    [InlineData("suppressed", null, true)]
    [InlineData("suppressed-analyzers-off", "-p:RunAnalyzers=false", true)]
    public async Task Consumer_HandlerTheGeneratorCannotMap_FailsTheBuildOnce(string name, string? property, bool suppressed)
    {
        package.AssertPacked();
        ConsumerProject consumer = await package.CreateConsumerAsync("consumer-skipped-" + name, withLibrary: false);
        consumer.WriteFile(Path.Combine(ConsumerProject.AssemblyName, "Hidden.cs"), """
            using Resourceful;

            namespace GreetingsApi;

            [Resource("/hidden")]
            public sealed partial class Hidden
            {
            #pragma warning disable RSF0008
                [Get]
                internal string List() => "";
            }
            """.Replace("#pragma", suppressed ? "#pragma" : "// #pragma", StringComparison.Ordinal));
        if (suppressed)
        {
            consumer.WriteFile(Path.Combine(ConsumerProject.AssemblyName, ".editorconfig"), "[*.cs]\ndotnet_diagnostic.RSF0008.severity = none\n");
        }

        CommandResult build = await DotnetCli.RunAsync(
            consumer.Root,
            ["build", consumer.ProjectFile, "-c", "Release", "--disable-build-servers", .. property is null ? Array.Empty<string>() : [property]],
            PackedPackage.CommandTimeout,
            consumer.Environment);

        Assert.False(build.Succeeded, "The build succeeded with a handler the generator cannot map.\n" + build.Describe());
        // MSBuild prints each error where it happens and again in the summary, whose count says how many there were.
        Assert.True(build.Output.Contains(" 1 Error(s)", StringComparison.Ordinal), $"Expected exactly one error:\n{build.Describe()}");
        Assert.Contains("error RSF0008: Handler 'Hidden.List' is internal", build.Output, StringComparison.Ordinal);
    }

    /// <summary>Builds in Release with every warning an error, and fails on any warning line at all.</summary>
    private static async Task<CommandResult> BuildWithWarningsAsErrorsAsync(ConsumerProject consumer, string projectFile, params string[] properties)
    {
        CommandResult build = await DotnetCli.RunAsync(
            consumer.Root,
            ["build", projectFile, "-c", "Release", "-warnaserror", "--disable-build-servers", .. properties],
            PackedPackage.CommandTimeout,
            consumer.Environment);
        Assert.True(build.Succeeded, build.Describe());
        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);
        return build;
    }

    internal static XElement ReadNuspecMetadata(string packagePath)
    {
        using ZipArchive archive = ZipFile.OpenRead(packagePath);
        ZipArchiveEntry? entry = archive.Entries.SingleOrDefault(
            candidate => !candidate.FullName.Contains('/') && candidate.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        Assert.True(entry is not null, "The package has no .nuspec at its root.");
        using Stream stream = entry!.Open();
        XDocument nuspec = XDocument.Load(stream);
        XElement? metadata = nuspec.Root is null ? null : Child(nuspec.Root, "metadata");
        Assert.True(metadata is not null, "The nuspec has no <metadata>:\n" + nuspec);
        return metadata!;
    }

    /// <summary>Nuspec namespaces change between NuGet versions, so match on local names only.</summary>
    internal static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(element => element.Name.LocalName == localName);

    /// <summary>
    /// Proves the consumer got the package just packed: the default source is still configured,
    /// so this is what tells a folder-feed restore from one satisfied anywhere else.
    /// </summary>
    private void AssertRestoredFromFeed(ConsumerProject consumer, CommandResult build)
    {
        string metadataPath = Path.Combine(
            consumer.PackagesDirectory, "resourceful", package.Version.ToLowerInvariant(), ".nupkg.metadata");
        Assert.True(File.Exists(metadataPath), $"Resourceful {package.Version} was not restored into {consumer.PackagesDirectory}.\n{build.Describe()}");

        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllText(metadataPath));
        string? source = metadata.RootElement.TryGetProperty("source", out JsonElement value) ? value.GetString() : null;
        Assert.True(
            source is not null && Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar)
                == Path.GetFullPath(package.FeedDirectory).TrimEnd(Path.DirectorySeparatorChar),
            $"Resourceful was restored from '{source}', not from the feed {package.FeedDirectory}.");
    }
}
