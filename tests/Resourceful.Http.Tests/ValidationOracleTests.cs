using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Resourceful.Http.Tests.Resources;
using Resourceful.Http.Tests.Semantics;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests;

/// <summary>
/// One app (Production) with ASP.NET Core 10's <c>AddValidation()</c>, serving the same handlers as generated
/// endpoints (<c>/oracle/orders</c>) and as minimal APIs (<c>/minimal/orders</c>), which the framework validates.
/// </summary>
public sealed class ValidationOracleHostFixture() : SemanticsHostFixture(new SemanticsHostOptions
{
    Services = static services => services.AddValidation(),
    Pipeline = static app =>
    {
        app.MapPost("/minimal/orders", (OracleOrder order) => TypedResults.Created("/minimal/orders/1", order));
        app.MapGet("/minimal/orders", ([Range(1, 10)] int page = 1, [FromHeader(Name = "X-Count")][Range(1, 5)] int? count = null, [FromQuery(Name = "q")][StringLength(3)] string? search = null) => "ok");
        app.MapGet("/minimal/orders/{id:int}", ([Range(1, 1000)] int id) => "ok");
    },
});

/// <summary>
/// Issue 14, item 3: generated endpoints validate what minimal APIs with <c>AddValidation()</c> validate, rule for
/// rule (nested objects, collection items, <c>IValidatableObject</c> only when the members broke no rule, attributes on
/// route, query and header values), with the framework as the oracle. One difference, on purpose: errors are keyed by
/// the names the client sent (the JSON naming policy, <c>[JsonPropertyName]</c>, <c>[FromQuery(Name)]</c>), where the
/// framework uses C# member names (<c>Ship.Street</c> for our <c>ship.street</c>).
/// </summary>
public sealed class ValidationOracleTests(ValidationOracleHostFixture fixture) : IClassFixture<ValidationOracleHostFixture>
{
    // The [JsonPropertyName] of the oracle's types: the one name the naming policy does not give.
    private static readonly Dictionary<string, string> Renamed = new() { ["DueInDays"] = "due" };

    [Fact]
    public async Task Body_NestedObjectBreakingARule_Answers400UnderItsPath()
    {
        // Was 201: only the body's own members were validated.
        using var response = await PostAsync("/oracle/orders", """{"customer":"a","ship":{"street":null}}""");

        await ValidationProblemWithExactlyAsync(response, "ship.street");
    }

    [Fact]
    public async Task Body_ObjectNestedTwoLevelsDown_Answers400UnderItsPath()
    {
        using var response = await PostAsync("/oracle/orders", """{"customer":"a","ship":{"street":"x","country":{"code":"x"}}}""");

        await ValidationProblemWithExactlyAsync(response, "ship.country.code");
    }

    [Fact]
    public async Task Body_CollectionItemsBreakingRules_Answer400UnderTheirIndex()
    {
        using var response = await PostAsync("/oracle/orders", """{"customer":"a","lines":[{"sku":"a","quantity":1},{"sku":null,"quantity":0},{"sku":"gone","quantity":1}]}""");

        await ValidationProblemWithExactlyAsync(response, "lines[1].sku", "lines[1].quantity", "lines[2].sku");
        Assert.Equal(["Discontinued."], await ErrorsOfAsync(response, "lines[2].sku"));
    }

    [Fact]
    public async Task Query_ValueOutOfRange_Answers400NamingIt()
    {
        // Was 200: [Range] on a query value was ignored.
        using var response = await fixture.Client.GetAsync("/oracle/orders?page=99");

        await ValidationProblemWithExactlyAsync(response, "page");
    }

    [Fact]
    public async Task Values_BreakingRules_Answer400UnderTheNamesTheClientSent()
    {
        using var query = await fixture.Client.GetAsync("/oracle/orders?q=abcdef");
        using var route = await fixture.Client.GetAsync("/oracle/orders/5000");
        using var header = await fixture.Client.SendAsync(Request(HttpMethod.Get, "/oracle/orders", null, ("X-Count", "9")));

        await ValidationProblemWithExactlyAsync(query, "q");
        await ValidationProblemWithExactlyAsync(route, "id");
        await ValidationProblemWithExactlyAsync(header, "X-Count");
    }

    [Fact]
    public async Task Query_ValueThatDoesNotParse_IsReportedOnceNotValidated()
    {
        using var response = await fixture.Client.GetAsync("/oracle/orders?page=x");

        await ValidationProblemWithExactlyAsync(response, "page");
        Assert.Single(await ErrorsOfAsync(response, "page"));
    }

    [Theory]
    [InlineData("""{"customer":"a"}""")]
    [InlineData("""{"customer":null}""")]
    [InlineData("""{"customer":"a","ship":{"street":null}}""")]
    [InlineData("""{"customer":"a","ship":{"street":"x","postalCode":"123456","country":{"code":"x"}}}""")]
    [InlineData("""{"customer":"a","ship":{"street":"x","country":null}}""")]
    [InlineData("""{"customer":"a","lines":[{"sku":"a","quantity":1},{"sku":null,"quantity":0},{"sku":"gone","quantity":1}]}""")]
    [InlineData("""{"customer":"a","lines":[]}""")]
    [InlineData("""{"customer":"nobody"}""")]
    [InlineData("""{"customer":"nobody","due":99}""")]
    [InlineData("""{"customer":"nobody","ship":{"street":null}}""")]
    [InlineData("""{"customer":"nobody","lines":[{"sku":"gone","quantity":0}]}""")]
    [InlineData("""{"customer":"a very long customer name indeed","due":-1,"ship":{"street":""},"lines":[{"sku":"","quantity":101}]}""")]
    public async Task Body_SameInputAsAMinimalApiWithAddValidation_SameStatusKeysAndMessages(string json)
    {
        using var expected = await PostAsync("/minimal/orders", json);
        using var actual = await PostAsync("/oracle/orders", json);

        await AssertSameAsync(expected, actual);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?page=10")]
    [InlineData("?page=99")]
    [InlineData("?page=0")]
    [InlineData("/5000")]
    [InlineData("/0")]
    [InlineData("/1")]
    public async Task Values_SameInputAsAMinimalApiWithAddValidation_SameStatusKeysAndMessages(string pathAndQuery)
    {
        using var expected = await fixture.Client.GetAsync("/minimal/orders" + pathAndQuery);
        using var actual = await fixture.Client.GetAsync("/oracle/orders" + pathAndQuery);

        await AssertSameAsync(expected, actual);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json) =>
        await fixture.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task AssertSameAsync(HttpResponseMessage expected, HttpResponseMessage actual)
    {
        var expectedBody = await expected.Content.ReadAsStringAsync();
        var actualBody = await actual.Content.ReadAsStringAsync();
        Assert.True(expected.StatusCode == actual.StatusCode, $"Framework: {(int)expected.StatusCode} {expectedBody}\nResourceful: {(int)actual.StatusCode} {actualBody}");
        if (expected.StatusCode != HttpStatusCode.BadRequest)
        {
            return;
        }

        var expectedErrors = Errors(expectedBody).ToDictionary(static e => ClientKey(e.Key), static e => e.Value);
        var actualErrors = Errors(actualBody);
        Assert.Equal(expectedErrors.Keys.Order(), actualErrors.Keys.Order());
        foreach (var (key, messages) in expectedErrors)
        {
            Assert.Equal(messages, actualErrors[key]);
        }
    }

    private static Dictionary<string, string[]> Errors(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(static e => e.Name, static e => e.Value.EnumerateArray().Select(static m => m.GetString() ?? string.Empty).ToArray());
    }

    // "Lines[1].Sku" (C# names, as the framework keys them) → "lines[1].sku" (what the client sent).
    private static string ClientKey(string frameworkKey) =>
        string.Join(".", frameworkKey.Split('.').Select(static segment =>
        {
            var match = Regex.Match(segment, @"^(?<name>[^\[]+)(?<index>(\[\d+\])*)$");
            var name = match.Groups["name"].Value;
            var clientName = Renamed.TryGetValue(name, out var renamed) ? renamed : JsonNamingPolicy.CamelCase.ConvertName(name);
            return clientName + match.Groups["index"].Value;
        }));
}
