using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests.Negotiation;

/// <summary>
/// ASP.NET Core's OpenAPI document (<c>AddOpenApi()</c>, built at run time from the endpoints' metadata) and
/// Resourceful's (written at compile time) describe every generated endpoint alike: one operation id each, the media
/// type and schema of each representation, and whether a body may be null.
/// </summary>
public sealed class OpenApiAgreementTests
{
    private static readonly string[] OperationMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace", "query"];

    [Fact]
    public async Task Documents_EveryOperation_HasOneOperationIdInBoth()
    {
        var (aspNetCore, resourceful) = await DocumentsAsync();

        var expected = OperationIds(resourceful);
        Assert.NotEmpty(expected);
        Assert.Contains("GET /negotiated/events: Negotiated_Events", expected);
        Assert.Equal(expected, OperationIds(aspNetCore));
        Assert.Equal(expected.Count, expected.Select(static line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Distinct().Count());
    }

    [Theory]
    [InlineData("/negotiated/events", "text/event-stream")]
    [InlineData("/negotiated/text", "text/plain")]
    [InlineData("/negotiated/json", "application/json")]
    [InlineData("/negotiated/numbers", "application/json")]
    [InlineData("/negotiated/maybe", "application/json")]
    public async Task Documents_EachRepresentation_HasItsMediaType(string path, string mediaType)
    {
        var (aspNetCore, resourceful) = await DocumentsAsync();

        Assert.Equal([mediaType], MediaTypes(aspNetCore, path));
        Assert.Equal([mediaType], MediaTypes(resourceful, path));
    }

    [Theory]
    [InlineData("/forms/upload", "multipart/form-data")]
    [InlineData("/forms/files", "multipart/form-data")]
    [InlineData("/forms/fields", "application/x-www-form-urlencoded,multipart/form-data")]
    [InlineData("/forms/collection", "application/x-www-form-urlencoded,multipart/form-data")]
    public async Task Documents_FormBodies_HaveTheFormMediaTypes(string path, string mediaTypes)
    {
        var (aspNetCore, resourceful) = await DocumentsAsync();

        foreach (var document in new[] { aspNetCore, resourceful })
        {
            var content = document["paths"]![path]!["post"]!["requestBody"]!["content"]!.AsObject();
            Assert.Equal(mediaTypes, string.Join(",", content.Select(static c => c.Key).Order(StringComparer.Ordinal)));
        }

        // A file is a binary string in both.
        var file = resourceful["paths"]!["/forms/upload"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!["properties"]!["file"]!;
        Assert.Equal(("string", "binary"), (file["type"]!.GetValue<string>(), file["format"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Documents_AsyncEnumerable_IsAnArrayOfItsItems()
    {
        var (aspNetCore, resourceful) = await DocumentsAsync();

        foreach (var document in new[] { aspNetCore, resourceful })
        {
            var schema = Schema(document, "/negotiated/numbers", "application/json");
            Assert.Equal(["array"], Types(schema));
            Assert.Contains("integer", Types(schema["items"]!.AsObject()));
        }
    }

    [Fact]
    public async Task Documents_NullableList_IsMarkedNullable()
    {
        var (aspNetCore, resourceful) = await DocumentsAsync();

        Assert.True(AllowsNull(Schema(aspNetCore, "/negotiated/maybe", "application/json"), aspNetCore), Schema(aspNetCore, "/negotiated/maybe", "application/json").ToJsonString());
        Assert.True(AllowsNull(Schema(resourceful, "/negotiated/maybe", "application/json"), resourceful), Schema(resourceful, "/negotiated/maybe", "application/json").ToJsonString());
        Assert.False(AllowsNull(Schema(resourceful, "/negotiated/json", "application/json"), resourceful));
    }

    [Fact]
    public async Task Documents_ServerSentEvents_DescribeTheEventItem()
    {
        var (aspNetCore, resourceful) = await DocumentsAsync();

        Assert.Equal(
            Properties(Resolve(Schema(aspNetCore, "/negotiated/events", "text/event-stream"), aspNetCore)),
            Properties(Resolve(Schema(resourceful, "/negotiated/events", "text/event-stream"), resourceful)));
    }

    private static async Task<(JsonNode AspNetCore, JsonNode Resourceful)> DocumentsAsync()
    {
        await using var host = await ResourceHost.StartAsync(
            static app =>
            {
                app.MapResources();
                app.MapOpenApi();
                app.MapResourcesOpenApi();
            },
            configure: static builder => builder.Services.AddOpenApi());

        return (await GetAsync(host, "/openapi/v1.json"), await GetAsync(host, "/openapi/resources.json"));
    }

    private static async Task<JsonNode> GetAsync(ResourceHost host, string path)
    {
        using var response = await host.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>
    /// <c>"GET /books/{}: Books_Find"</c> per operation, sorted; parameter names left out, since templates that differ
    /// only in them are one path, which the compile-time document names after its first template.
    /// </summary>
    private static List<string> OperationIds(JsonNode document)
    {
        var lines = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (OperationMethods.Contains(method, StringComparer.Ordinal))
                {
                    lines.Add($"{method.ToUpperInvariant()} {Regex.Replace(path, "{[^}]*}", "{}")}: {(string?)operation?["operationId"]}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static JsonObject Ok(JsonNode document, string path) => document["paths"]![path]!["get"]!["responses"]!["200"]!.AsObject();

    private static string[] MediaTypes(JsonNode document, string path) =>
        [.. (Ok(document, path)["content"]?.AsObject() ?? []).Select(static content => content.Key)];

    private static JsonObject Schema(JsonNode document, string path, string mediaType) =>
        Ok(document, path)["content"]![mediaType]!["schema"]!.AsObject();

    private static JsonObject Resolve(JsonObject schema, JsonNode document) =>
        (string?)schema["$ref"] is { } reference
            ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!.AsObject()
            : schema;

    /// <summary>A schema's <c>type</c>: one name, or several (<c>["integer", "string"]</c> where numbers may be read from strings).</summary>
    private static string[] Types(JsonObject schema) =>
        schema["type"] is JsonArray types ? [.. types.Select(static t => (string)t!)] : [(string)schema["type"]!];

    private static string[] Properties(JsonObject schema) =>
        [.. (schema["properties"]?.AsObject() ?? []).Select(static property => property.Key).Order(StringComparer.Ordinal)];

    /// <summary>Whether a schema admits JSON null: <c>"type": [..., "null"]</c>, or an <c>anyOf</c>/<c>oneOf</c> branch that does.</summary>
    private static bool AllowsNull(JsonObject schema, JsonNode document)
    {
        schema = Resolve(schema, document);
        if (schema["type"] is JsonArray types && types.Any(static t => (string?)t == "null") || (string?)schema["type"] == "null")
        {
            return true;
        }

        return new[] { "anyOf", "oneOf" }.Any(keyword => schema[keyword] is JsonArray branches
            && branches.Any(branch => branch is JsonObject branchSchema && AllowsNull(branchSchema, document)));
    }
}
