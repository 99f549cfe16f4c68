using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests.Negotiation;

/// <summary>
/// QUERY, cookies and sessions in both OpenAPI documents. The compile-time one writes QUERY under the OpenAPI
/// Initiative's <c>x-oai-additionalOperations</c> extension (OpenAPI 3.1 has no <c>query</c> field) and cookies as
/// <c>in: cookie</c>. ASP.NET Core 10's <c>AddOpenApi()</c> drops QUERY unless the generated
/// <c>AddResourcefulOperations()</c> transformer puts it back under the same extension, and knows no cookie source:
/// these tests pin that it at least says nothing wrong (no cookie as a query value, no session as a body).
/// </summary>
public sealed class OpenApiQueryAndCookieTests
{
    [Fact]
    public async Task CompileTimeDocument_Query_IsAnAdditionalOperationWithItsBody()
    {
        var (_, resourceful) = await DocumentsAsync();

        var path = resourceful["paths"]!["/search"]!;
        Assert.NotNull(path["get"]);
        Assert.Null(path["query"]);
        var query = path["x-oai-additionalOperations"]!["QUERY"]!;
        Assert.Equal("QueryMethod_Search", (string?)query["operationId"]);
        Assert.Equal("#/components/schemas/BookSearch", (string?)query["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.NotNull(query["responses"]!["400"]);
        Assert.NotNull(resourceful["paths"]!["/search/raw"]!["x-oai-additionalOperations"]!["QUERY"]!["requestBody"]!["content"]!["application/octet-stream"]);
    }

    [Fact]
    public async Task RuntimeDocument_AspNetCore10_LeavesQueryOutWithoutTheTransformer()
    {
        var (aspNetCore, _) = await DocumentsAsync(static options => { });

        var path = aspNetCore["paths"]!["/search"]!.AsObject();
        Assert.NotNull(path["get"]);
        Assert.False(path.ContainsKey("query"));
        Assert.False(path.ContainsKey("x-oai-additionalOperations"));
    }

    [Fact]
    public async Task RuntimeDocument_AddResourcefulOperations_WritesQueryAsTheCompileTimeDocumentDoes()
    {
        var (aspNetCore, resourceful) = await DocumentsAsync();

        var path = aspNetCore["paths"]!["/search"]!.AsObject();
        Assert.NotNull(path["get"]);
        Assert.False(path.ContainsKey("query"));
        var query = path["x-oai-additionalOperations"]!["QUERY"]!;
        Assert.True(JsonNode.DeepEquals(resourceful["paths"]!["/search"]!["x-oai-additionalOperations"], path["x-oai-additionalOperations"]));
        Assert.Equal("QueryMethod_Search", (string?)query["operationId"]);

        // The schema it refers to is ASP.NET Core's own component of that name.
        Assert.Equal("#/components/schemas/BookSearch", (string?)query["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.NotNull(aspNetCore["components"]!["schemas"]!["BookSearch"]);
        Assert.NotNull(aspNetCore["paths"]!["/search/raw"]!["x-oai-additionalOperations"]!["QUERY"]!["requestBody"]!["content"]!["application/octet-stream"]);
    }

    [Fact]
    public async Task ApiExplorer_Query_IsDescribedWithItsBody()
    {
        // What AddOpenApi() reads: the description is there; ASP.NET Core 10's document writer is what drops it.
        await using var host = await ResourceHost.StartAsync(static app => app.MapResources(), configure: static builder => builder.Services.AddOpenApi());

        var descriptions = host.App.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(static group => group.Items);
        var search = Assert.Single(descriptions, static d => d.HttpMethod == "QUERY" && d.RelativePath == "search");
        Assert.Contains(search.ParameterDescriptions, static p => p.Source == BindingSource.Body && p.Type == typeof(Resources.BookSearch));
    }

    [Fact]
    public async Task CompileTimeDocument_Cookie_IsAnInCookieParameter()
    {
        var (_, resourceful) = await DocumentsAsync();

        var parameter = resourceful["paths"]!["/cookies/typed"]!["get"]!["parameters"]![0]!;
        Assert.Equal("page-size", (string?)parameter["name"]);
        Assert.Equal("cookie", (string?)parameter["in"]);
        Assert.True((bool)parameter["required"]!);
        Assert.Equal("integer", (string?)parameter["schema"]!["type"]);
        Assert.Equal("cookie", (string?)resourceful["paths"]!["/cookies/optional"]!["get"]!["parameters"]![0]!["in"]);
        Assert.False((bool)resourceful["paths"]!["/cookies/optional"]!["get"]!["parameters"]![0]!["required"]!);
    }

    [Fact]
    public async Task BothDocuments_Session_IsNeitherAParameterNorABody()
    {
        var (aspNetCore, resourceful) = await DocumentsAsync();

        foreach (var document in new[] { aspNetCore, resourceful })
        {
            var post = document["paths"]!["/session/visits"]!["post"]!;
            Assert.Null(post["requestBody"]);
            Assert.Null(post["parameters"]);
        }

        // And AddOpenApi() does not call a cookie a query value.
        Assert.Null(aspNetCore["paths"]!["/cookies/typed"]!["get"]!["parameters"]);
    }

    private static async Task<(JsonNode AspNetCore, JsonNode Resourceful)> DocumentsAsync(System.Action<OpenApiOptions>? configureOpenApi = null)
    {
        configureOpenApi ??= static options => options.AddResourcefulOperations();
        await using var host = await ResourceHost.StartAsync(
            static app =>
            {
                app.MapResources();
                app.MapOpenApi();
                app.MapResourcesOpenApi();
            },
            configure: builder => builder.Services.AddOpenApi(configureOpenApi));

        return (await GetAsync(host, "/openapi/v1.json"), await GetAsync(host, "/openapi/resources.json"));
    }

    private static async Task<JsonNode> GetAsync(ResourceHost host, string path)
    {
        using var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
