using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Resourceful.Package.Tests;

/// <summary>
/// <c>AddResourcefulOperations()</c>, which the package's generator emits when the app references
/// Microsoft.AspNetCore.OpenApi: a <c>dotnet new web</c> app with that package builds with <c>-warnaserror</c>, and
/// in Production its <c>AddOpenApi()</c> document describes the <c>QUERY</c> handler, which ASP.NET Core 10 leaves out.
/// </summary>
[Collection(PackedPackage.Collection)]
public sealed class AspNetCoreOpenApiTests(PackedPackage package)
{
    [Fact]
    public async Task Consumer_AddResourcefulOperations_RunTimeDocumentDescribesQuery()
    {
        package.AssertPacked();
        ConsumerProject consumer = await package.CreateConsumerAsync("aspnetcore-openapi", withLibrary: false);

        XDocument props = XDocument.Load(Path.Combine(package.RepositoryRoot, "Directory.Packages.props"));
        string? version = props.Descendants("PackageVersion")
            .Where(element => (string?)element.Attribute("Include") == "Microsoft.AspNetCore.OpenApi")
            .Select(element => (string?)element.Attribute("Version"))
            .FirstOrDefault();
        Assert.True(version is not null, "Directory.Packages.props pins no version of Microsoft.AspNetCore.OpenApi.");
        CommandResult add = await DotnetCli.RunAsync(
            consumer.Directory,
            ["add", consumer.ProjectFile, "package", "Microsoft.AspNetCore.OpenApi", "--version", version!, "--no-restore"],
            PackedPackage.CommandTimeout,
            consumer.Environment);
        Assert.True(add.Succeeded, add.Describe());

        // No using: the extension is in AddOpenApi()'s namespace, which web projects import implicitly.
        string programPath = Path.Combine(consumer.Directory, "Program.cs");
        string program = await File.ReadAllTextAsync(programPath);
        Assert.Contains("var app = builder.Build();", program, StringComparison.Ordinal);
        program = program
            .Replace("var app = builder.Build();", "builder.Services.AddOpenApi(options => options.AddResourcefulOperations());\nvar app = builder.Build();", StringComparison.Ordinal)
            .Replace("app.MapResourcesOpenApi();", "app.MapResourcesOpenApi();\napp.MapOpenApi();", StringComparison.Ordinal);
        await File.WriteAllTextAsync(programPath, program);

        CommandResult build = await DotnetCli.RunAsync(
            consumer.Root,
            ["build", consumer.ProjectFile, "-c", "Release", "-warnaserror", "--disable-build-servers"],
            PackedPackage.CommandTimeout,
            consumer.Environment);
        Assert.True(build.Succeeded, build.Describe());
        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);

        Process app = LoopbackApp.StartInProduction(consumer.Directory, consumer.OutputAssembly, out HttpClient client, out StringBuilder appOutput);
        try
        {
            using HttpResponseMessage response = await LoopbackApp.GetOnceListeningAsync(client, "/openapi/v1.json", app, appOutput);
            string body = await response.Content.ReadAsStringAsync();
            string context = $"GET /openapi/v1.json answered {(int)response.StatusCode} {body}\nApp output:\n{DotnetCli.Snapshot(appOutput)}";
            Assert.True(response.StatusCode == HttpStatusCode.OK, context);

            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement search = document.RootElement.GetProperty("paths").GetProperty("/greetings/search");
            Assert.False(search.TryGetProperty("query", out _), context);
            JsonElement query = search.GetProperty("x-oai-additionalOperations").GetProperty("QUERY");
            Assert.True(query.GetProperty("operationId").GetString() == "Greetings_Search", context);
            Assert.True(
                query.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
                    == "#/components/schemas/GreetingQuery",
                context);
        }
        finally
        {
            DotnetCli.Stop(app);
            app.Dispose();
            client.Dispose();
        }
    }
}
