using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bookshelf.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>
/// The sample's two OpenAPI documents describe one API: ASP.NET Core's, built at run time from endpoint metadata
/// (<c>/openapi/v1.json</c>), and Resourceful's, written by the generator at compile time
/// (<c>/openapi/resources.json</c>, and <c>obj/&lt;configuration&gt;/net10.0/resources.openapi.json</c>).
/// </summary>
/// <remarks>
/// Both come from the same handlers by different roads: the generator reads the C# signatures, ASP.NET Core reads
/// the metadata the generated code attaches at start-up. Where they disagree, one of the two roads is wrong, so every
/// assertion compares one document with the other (or with the endpoints actually mapped) rather than with a list
/// written here. The comparisons are of sorted text lines, so a failure shows exactly which operation differs.
/// </remarks>
public sealed class OpenApiTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private const string AspNetCoreDocumentPath = "/openapi/v1.json";
    private const string ResourcefulDocumentPath = "/openapi/resources.json";

    // The sample's target framework, as in obj/<configuration>/<tfm>/ where the build writes the document.
    private const string SampleTargetFramework = "net10.0";

    private static readonly string[] OperationMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public async Task Documents_Served_AgreeOnPathsAndMethods()
    {
        var aspNetCore = await GetDocumentAsync(AspNetCoreDocumentPath);
        var resourceful = await GetDocumentAsync(ResourcefulDocumentPath);

        var expected = Operations(aspNetCore).Select(operation => operation.Key).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Operations(resourceful).Select(operation => operation.Key));
    }

    [Fact]
    public async Task Documents_EachOperation_AgreeOnStatusCodes()
    {
        var aspNetCore = await GetDocumentAsync(AspNetCoreDocumentPath);
        var resourceful = await GetDocumentAsync(ResourcefulDocumentPath);

        Assert.Equal(StatusCodeLines(aspNetCore), StatusCodeLines(resourceful));
    }

    [Fact]
    public async Task Documents_EachResponse_AgreeOnMediaTypes()
    {
        var aspNetCore = await GetDocumentAsync(AspNetCoreDocumentPath);
        var resourceful = await GetDocumentAsync(ResourcefulDocumentPath);

        Assert.Equal(ResponseMediaTypeLines(aspNetCore), ResponseMediaTypeLines(resourceful));
    }

    [Fact]
    public async Task Documents_EachOperation_AgreeOnOneOperationId()
    {
        var aspNetCore = await GetDocumentAsync(AspNetCoreDocumentPath);
        var resourceful = await GetDocumentAsync(ResourcefulDocumentPath);

        var expected = OperationIdLines(resourceful);

        // Client generators name methods after these ids: each operation has one, and no two share it.
        Assert.DoesNotContain(expected, line => line.EndsWith(": ", StringComparison.Ordinal));
        Assert.Equal(expected.Count, expected.Select(line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Distinct().Count());
        Assert.Equal(expected, OperationIdLines(aspNetCore));
    }

    [Fact]
    public async Task CompileTimeDocument_EachOperation_HasTheParametersAspNetCoreDescribes()
    {
        var aspNetCore = await GetDocumentAsync(AspNetCoreDocumentPath);
        var resourceful = await GetDocumentAsync(ResourcefulDocumentPath);

        var expected = ParameterLines(aspNetCore);

        // The sample binds route, query and header values; a document without them would make this test vacuous.
        Assert.Contains(expected, line => line.EndsWith(" in path, required", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains(" in query", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains(" in header", StringComparison.Ordinal));
        Assert.Equal(expected, ParameterLines(resourceful));
    }

    [Fact]
    public async Task CompileTimeDocument_EachOperation_HasTheRequestBodyAspNetCoreDescribes()
    {
        var aspNetCore = await GetDocumentAsync(AspNetCoreDocumentPath);
        var resourceful = await GetDocumentAsync(ResourcefulDocumentPath);

        var expected = RequestBodyLines(aspNetCore);

        Assert.Contains(expected, line => line.Contains("application/json", StringComparison.Ordinal));
        Assert.Equal(expected, RequestBodyLines(resourceful));
    }

    [Fact]
    public async Task CompileTimeDocument_EveryMappedEndpoint_IsAnOperation()
    {
        var resourceful = await GetDocumentAsync(ResourcefulDocumentPath);

        var mapped = await DescribedEndpointsAsync();

        Assert.NotEmpty(mapped);
        Assert.Equal(mapped, Operations(resourceful).Concat(AdditionalOperations(resourceful)).Select(operation => operation.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BothDocuments_Query_IsAnAdditionalOperation()
    {
        var aspNetCore = await GetDocumentAsync(AspNetCoreDocumentPath);
        var resourceful = await GetDocumentAsync(ResourcefulDocumentPath);

        // OpenAPI 3.1 has no "query" field: the OpenAPI Initiative's registered extension holds the operation, in
        // ASP.NET Core's document too (AddResourcefulOperations(); ASP.NET Core 10 alone leaves QUERY out).
        foreach (var document in new[] { resourceful, aspNetCore })
        {
            var search = Assert.Single(AdditionalOperations(document), operation => operation.Key == "QUERY /books/search").Value;
            Assert.Equal("BookSearches_Search", (string?)search["operationId"]);
            Assert.Equal("#/components/schemas/BookSearch", (string?)search["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]);
            Assert.Equal(["200", "400"], StatusCodes(search));
            Assert.Null(document["paths"]?["/books/search"]?["query"]);
        }

        Assert.Equal(AdditionalOperations(resourceful).Select(operation => operation.Key), AdditionalOperations(aspNetCore).Select(operation => operation.Key));

        // Every schema the added operations refer to is one of ASP.NET Core's own components.
        var references = AdditionalOperations(aspNetCore).SelectMany(operation => References(operation.Value)).Distinct().ToList();
        Assert.Contains("#/components/schemas/BookSearch", references);
        Assert.All(references, reference => Assert.NotNull(aspNetCore["components"]?["schemas"]?[reference["#/components/schemas/".Length..]]));
    }

    [Fact]
    public async Task CompileTimeDocument_Served_EqualsTheFileTheBuildWrote()
    {
        var served = await GetDocumentAsync(ResourcefulDocumentPath);
        var path = BuildOutputDocumentPath();

        Assert.True(File.Exists(path), $"The build wrote no compile-time OpenAPI document at {path}.");
        var written = JsonNode.Parse(await File.ReadAllTextAsync(path));

        // Parsed, not byte for byte: the file and the served constant may differ in line endings or a final newline.
        Assert.True(
            JsonNode.DeepEquals(written, served),
            $"{ResourcefulDocumentPath} differs from {path}:\n{served.ToJsonString()}\n---\n{written?.ToJsonString()}");
    }

    private async Task<JsonNode> GetDocumentAsync(string path)
    {
        var response = await fixture.Client.GetAsync(path);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(document);
        Assert.StartsWith("3.", (string?)document["openapi"], StringComparison.Ordinal);
        return document;
    }

    /// <summary>Every operation of a document as <c>"GET /books/{id}"</c> → its operation object, sorted.</summary>
    private static List<KeyValuePair<string, JsonObject>> Operations(JsonNode document)
    {
        var operations = new List<KeyValuePair<string, JsonObject>>();
        foreach (var (path, pathItem) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, operation) in pathItem?.AsObject() ?? [])
            {
                // A path item also holds "parameters", "summary", "servers"…: only methods are operations.
                if (OperationMethods.Contains(method, StringComparer.Ordinal) && operation is JsonObject operationObject)
                {
                    operations.Add(KeyValuePair.Create($"{method.ToUpperInvariant()} {path}", operationObject));
                }
            }
        }

        return [.. operations.OrderBy(operation => operation.Key, StringComparer.Ordinal)];
    }

    /// <summary>The operations under a path item's <c>x-oai-additionalOperations</c> (QUERY), keyed like <see cref="Operations"/>.</summary>
    private static List<KeyValuePair<string, JsonObject>> AdditionalOperations(JsonNode document)
    {
        var operations = new List<KeyValuePair<string, JsonObject>>();
        foreach (var (path, pathItem) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, operation) in pathItem?["x-oai-additionalOperations"]?.AsObject() ?? [])
            {
                if (operation is JsonObject operationObject)
                {
                    operations.Add(KeyValuePair.Create($"{method} {path}", operationObject));
                }
            }
        }

        return operations;
    }

    /// <summary>Every <c>$ref</c> in <paramref name="node"/>, at any depth.</summary>
    private static IEnumerable<string> References(JsonNode? node)
    {
        var children = node switch
        {
            JsonObject o => o.Select(property => property.Value),
            JsonArray a => a,
            _ => [],
        };
        if (node is JsonObject { } item && (string?)item["$ref"] is { } reference)
        {
            yield return reference;
        }

        foreach (var nested in children.SelectMany(References))
        {
            yield return nested;
        }
    }

    /// <summary><c>"GET /books: 200, 400"</c> per operation: the numeric status codes, without <c>default</c>.</summary>
    private static List<string> StatusCodeLines(JsonNode document)
        => [.. Operations(document).Select(operation => $"{operation.Key}: {string.Join(", ", StatusCodes(operation.Value))}")];

    private static IEnumerable<string> StatusCodes(JsonObject operation)
        => (operation["responses"]?.AsObject() ?? [])
            .Select(response => response.Key)
            .Where(code => code.Length == 3 && code.All(char.IsAsciiDigit))
            .Order(StringComparer.Ordinal);

    /// <summary><c>"GET /books/{id}: Books_Find"</c> per operation.</summary>
    private static List<string> OperationIdLines(JsonNode document)
        => [.. Operations(document).Select(operation => $"{operation.Key}: {(string?)operation.Value["operationId"]}")];

    /// <summary><c>"GET /books/{id} 404: application/problem+json"</c> per numeric response.</summary>
    private static List<string> ResponseMediaTypeLines(JsonNode document)
        => [.. Operations(document).SelectMany(operation => StatusCodes(operation.Value).Select(code =>
            $"{operation.Key} {code}: {MediaTypes(operation.Value["responses"]?[code])}"))];

    /// <summary><c>"GET /books: q in query"</c> per parameter, by (name, in), with whether it is required.</summary>
    private static List<string> ParameterLines(JsonNode document)
    {
        var lines = new List<string>();
        foreach (var (key, operation) in Operations(document))
        {
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                var required = (bool?)parameter?["required"] ?? false;
                lines.Add($"{key}: {(string?)parameter?["name"]} in {(string?)parameter?["in"]}{(required ? ", required" : "")}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary><c>"POST /books: required application/json"</c> per operation that takes a body.</summary>
    private static List<string> RequestBodyLines(JsonNode document)
        => [.. Operations(document)
            .Where(operation => operation.Value["requestBody"] is not null)
            .Select(operation =>
            {
                var body = operation.Value["requestBody"]!;
                var required = (bool?)body["required"] ?? false;
                return $"{operation.Key}: {(required ? "required" : "optional")} {MediaTypes(body)}";
            })];

    private static string MediaTypes(JsonNode? withContent)
        => string.Join(", ", (withContent?["content"]?.AsObject() ?? []).Select(content => content.Key).Order(StringComparer.Ordinal));

    /// <summary>
    /// Every endpoint the app maps and offers to API descriptions, as <c>"GET /books/{id}"</c>: each handler of the
    /// sample, without the <c>HEAD</c>, <c>OPTIONS</c>/<c>405</c> and document endpoints, which exclude themselves.
    /// </summary>
    private static async Task<List<string>> DescribedEndpointsAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bookshelf-openapi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var app = BookshelfApp.Build([], builder =>
            {
                builder.WebHost.UseTestServer();
                builder.Configuration[BookshelfDatabase.PathKey] = Path.Combine(directory, "bookshelf.db");
            });
            await using (app)
            {
                var endpoints = new List<string>();
                foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>())
                {
                    if (endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
                    {
                        continue;
                    }

                    foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                    {
                        endpoints.Add($"{method} {DocumentPath(endpoint.RoutePattern)}");
                    }
                }

                app.Services.GetRequiredService<BookshelfDatabase>().ClosePooledConnections();
                endpoints.Sort(StringComparer.Ordinal);
                return endpoints;
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A route pattern as OpenAPI writes a path: <c>/books/{id:int}</c> is <c>/books/{id}</c>.</summary>
    private static string DocumentPath(RoutePattern pattern)
        => "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => throw new InvalidOperationException($"Unexpected route pattern part {part.PartKind} in {pattern.RawText}."),
        }))));

    /// <summary>
    /// Where the build wrote the compile-time document: <c>samples/Bookshelf/obj/&lt;configuration&gt;/net10.0/</c>,
    /// for the configuration the sample was built in (this test project builds it, so it is there).
    /// </summary>
    private static string BuildOutputDocumentPath()
    {
        var configuration = typeof(BookshelfApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        Assert.False(string.IsNullOrEmpty(configuration), "The sample assembly does not say which configuration built it.");
        return Path.Combine(RepositoryRoot(), "samples", "Bookshelf", "obj", configuration, SampleTargetFramework, "resources.openapi.json");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Generators.sln above {AppContext.BaseDirectory}.");
    }
}
