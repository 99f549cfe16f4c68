using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests.Negotiation;

/// <summary>
/// Both OpenAPI documents list <c>fields</c> of a <c>[SparseFieldsets]</c> handler as an optional query parameter
/// with the names it accepts: ASP.NET Core's (<c>AddOpenApi()</c>, from endpoint metadata) and Resourceful's
/// compile-time one.
/// </summary>
public sealed class SparseFieldsOpenApiTests
{
    private const string Names = "id, title, isbn_13, subtitle, publishedYear, author, tags";

    [Theory]
    [InlineData("/novels")]
    [InlineData("/novels/{id}")]
    public async Task BothDocuments_ListFieldsWithItsNames(string path)
    {
        await using var host = await ResourceHost.StartAsync(
            static app =>
            {
                app.MapResources();
                app.MapOpenApi();
                app.MapResourcesOpenApi();
            },
            configure: static builder => builder.Services.AddOpenApi());

        foreach (var documentPath in new[] { "/openapi/v1.json", "/openapi/resources.json" })
        {
            using var response = await host.Client.GetAsync(documentPath);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var operation = document["paths"]!.AsObject()
                .Single(p => p.Key.Replace("{id:int}", "{id}", System.StringComparison.Ordinal) == path).Value!["get"]!;
            var fields = operation["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "fields")!;

            Assert.Equal("query", (string?)fields["in"]);
            Assert.NotEqual(true, (bool?)fields["required"]);
            Assert.EndsWith("One of: " + Names + ".", (string?)fields["description"], System.StringComparison.Ordinal);
        }
    }
}
