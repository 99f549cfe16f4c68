using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Resourceful.Http.Tests.Resources.Semantics;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// §2, row 9: malformed JSON, a value that does not parse, a missing required value, or a body that breaks its
/// DataAnnotations rules answers <c>400</c> <c>application/problem+json</c> (RFC 9457) whose <c>errors</c> name each
/// field as the client wrote it. Never a 500, never a changed store, and the server keeps serving.
/// </summary>
public sealed class BadRequestTests(SemanticsHostFixture fixture) : IClassFixture<SemanticsHostFixture>
{
    private const string Tenant = StockQueries.TenantHeader;

    private Task<HttpResponseMessage> PostAsync(string json) =>
        SendWithoutChangeAsync(fixture.Host, new HttpRequestMessage(HttpMethod.Post, "/semantics/items") { Content = Json(json) }, HttpStatusCode.BadRequest);

    private Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers) =>
        SendWithoutChangeAsync(fixture.Host, Request(HttpMethod.Get, path, null, headers), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Problem_Always_HasTheRfc9457ShapeAndATraceId()
    {
        using var response = await PostAsync("""{"name":""");

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var root = problem.RootElement;
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", root.GetProperty("type").GetString());
        Assert.Equal("One or more validation errors occurred.", root.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("traceId").GetString()));
        Assert.Equal(["type", "title", "status", "errors", "traceId"], root.EnumerateObject().Select(static p => p.Name).ToArray());
    }

    [Theory]
    [InlineData("""{"name":"Washer","quantity":5""", "item.quantity")]
    [InlineData("""{"name":'Washer'}""", "item.name")]
    [InlineData("""{"name":"Washer",}""", "item")]
    public async Task Body_MalformedJsonInsideAMember_Answers400NamingWhereItBroke(string json, string field)
    {
        // The key is System.Text.Json's path to the failure, below the body's name.
        using var response = await PostAsync(json);

        await ValidationProblemWithExactlyAsync(response, field);
        Assert.Equal("The request body is not valid JSON for this endpoint.", Assert.Single(await ErrorsOfAsync(response, field)));
    }

    [Theory]
    [InlineData("""{name:"Washer"}""")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    public async Task Body_MalformedOrNotAnObject_Answers400NamingTheBody(string json)
    {
        using var response = await PostAsync(json);

        await ValidationProblemWithExactlyAsync(response, "item");
    }

    [Theory]
    [InlineData("""{"name":"Washer","quantity":"many"}""", "item.quantity")]
    [InlineData("""{"name":"Washer","quantity":99999999999}""", "item.quantity")]
    [InlineData("""{"name":"Washer","quantity":1.5}""", "item.quantity")]
    [InlineData("""{"name":42,"quantity":1}""", "item.name")]
    public async Task Body_MemberOfTheWrongType_Answers400NamingTheMember(string json, string field)
    {
        using var response = await PostAsync(json);

        await ValidationProblemWithExactlyAsync(response, field);
    }

    [Theory]
    [InlineData("", "A non-empty request body is required.")]
    [InlineData("null", "A non-null request body is required.")]
    public async Task Body_EmptyOrNullWhenRequired_Answers400NamingTheBody(string json, string message)
    {
        using var response = await PostAsync(json);

        await ValidationProblemWithExactlyAsync(response, "item");
        Assert.Equal(message, Assert.Single(await ErrorsOfAsync(response, "item")));
    }

    [Fact]
    public async Task Body_Absent_Answers400NamingTheBody()
    {
        using var response = await SendWithoutChangeAsync(fixture.Host, new HttpRequestMessage(HttpMethod.Post, "/semantics/items"), HttpStatusCode.BadRequest);

        await ValidationProblemWithExactlyAsync(response, "item");
    }

    [Fact]
    public async Task Body_NestedDeeperThanTheJsonLimit_Answers400()
    {
        var json = """{"name":"Washer","quantity":1,"extra":""" + new string('[', 2000) + new string(']', 2000) + "}";

        using var response = await PostAsync(json);

        await ResponseAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Body_InvalidUtf8_Answers400()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"name":"Wa__er","quantity":1}""");
        bytes[11] = 0xC3;
        bytes[12] = 0x28;
        using var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using var response = await SendWithoutChangeAsync(fixture.Host, new HttpRequestMessage(HttpMethod.Post, "/semantics/items") { Content = content }, HttpStatusCode.BadRequest);

        await ResponseAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/semantics/queries/by-id/abc")]
    [InlineData("/semantics/queries/by-id/99999999999")]
    [InlineData("/semantics/queries/by-id/1.5")]
    public async Task RouteValue_NotParsing_Answers400NamingIt(string path)
    {
        using var response = await GetAsync(path);

        await ValidationProblemWithExactlyAsync(response, "id");
        Assert.Equal(
            $"The value '{path["/semantics/queries/by-id/".Length..]}' is not a valid int.",
            Assert.Single(await ErrorsOfAsync(response, "id")));
    }

    [Theory]
    [InlineData("/semantics/queries/search?minQuantity=x")]
    [InlineData("/semantics/queries/search?minQuantity=1e3")]
    [InlineData("/semantics/queries/search?minQuantity=")]
    [InlineData("/semantics/queries/search")]
    public async Task QueryValue_NotParsingOrMissing_Answers400NamingIt(string path)
    {
        using var response = await GetAsync(path, (Tenant, "acme"));

        await ValidationProblemWithExactlyAsync(response, "minQuantity");
    }

    [Fact]
    public async Task QueryValue_NotParsing_SaysWhichValueAndType()
    {
        using var response = await GetAsync("/semantics/queries/search?minQuantity=x", (Tenant, "acme"));

        Assert.Equal("The value 'x' is not a valid int.", Assert.Single(await ErrorsOfAsync(response, "minQuantity")));
    }

    [Fact]
    public async Task QueryValue_Missing_SaysItIsRequired()
    {
        using var response = await GetAsync("/semantics/queries/search", (Tenant, "acme"));

        Assert.Equal("The query value 'minQuantity' is required.", Assert.Single(await ErrorsOfAsync(response, "minQuantity")));
    }

    [Fact]
    public async Task HeaderValue_Missing_Answers400NamingTheHeader()
    {
        using var response = await GetAsync("/semantics/queries/search?minQuantity=1");

        await ValidationProblemWithExactlyAsync(response, Tenant);
        Assert.Equal("The header value 'X-Tenant' is required.", Assert.Single(await ErrorsOfAsync(response, Tenant)));
    }

    [Fact]
    public async Task Values_SeveralBad_AreAllReportedAtOnce()
    {
        using var response = await GetAsync("/semantics/queries/search?minQuantity=x");

        await ValidationProblemWithExactlyAsync(response, "minQuantity", Tenant);
    }

    [Fact]
    public async Task Values_AllGood_Answer200()
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Get, "/semantics/queries/search?minQuantity=15", null, (Tenant, "acme")));

        await ResponseAssert.JsonAsync(response, """[{"id":2,"name":"Nut","quantity":20,"sku":null}]""");
    }

    [Theory]
    [InlineData("""{"quantity":5}""", "name", "The Name field is required.")]
    [InlineData("""{"name":null,"quantity":5}""", "name", "The Name field is required.")]
    [InlineData("""{"name":"W","quantity":5}""", "name", "The field Name must be a string with a minimum length of 2 and a maximum length of 20.")]
    [InlineData("""{"name":"Washer washer washer washer","quantity":5}""", "name", "The field Name must be a string with a minimum length of 2 and a maximum length of 20.")]
    [InlineData("""{"name":"Washer","quantity":0}""", "quantity", "The field Quantity must be between 1 and 1000.")]
    [InlineData("""{"name":"Washer","quantity":1001,"sku":"WSH-001"}""", "quantity", "The field Quantity must be between 1 and 1000.")]
    public async Task Body_BreakingADataAnnotationsRule_Answers400UnderTheJsonName(string json, string field, string message)
    {
        using var response = await PostAsync(json);

        await ValidationProblemWithExactlyAsync(response, field);
        Assert.Equal(message, Assert.Single(await ErrorsOfAsync(response, field)));
    }

    [Fact]
    public async Task Body_BreakingARuleOnAMemberWithJsonPropertyName_Answers400UnderThatName()
    {
        using var response = await PostAsync("""{"name":"Washer","quantity":5,"sku":"not-a-sku"}""");

        await ValidationProblemWithExactlyAsync(response, "sku");
    }

    [Fact]
    public async Task Body_BreakingSeveralRules_ReportsEveryField()
    {
        using var response = await PostAsync("""{"quantity":0,"sku":"bad"}""");

        await ValidationProblemWithExactlyAsync(response, "name", "quantity", "sku");
    }

    [Fact]
    public async Task Body_FailingIValidatableObjectForAMember_Answers400UnderTheMembersJsonName()
    {
        using var response = await PostAsync($$"""{"name":"{{NewStockItem.ReservedName}}","quantity":5}""");

        await ValidationProblemWithExactlyAsync(response, "name");
        Assert.Equal("This name is reserved.", Assert.Single(await ErrorsOfAsync(response, "name")));
    }

    [Fact]
    public async Task Body_FailingIValidatableObjectWithoutAMember_Answers400UnderTheBodysName()
    {
        using var response = await PostAsync("""{"name":"ABC-123","quantity":5,"sku":"ABC-123"}""");

        await ValidationProblemWithExactlyAsync(response, "item");
    }

    [Fact]
    public async Task Body_FailingIValidatableObjectForAMemberWithJsonPropertyName_Answers400UnderThatName()
    {
        // The client sent (or left out) "sku"; a key built from the C# name (stockKeepingUnit) names nothing it knows.
        using var response = await PostAsync("""{"name":"Washer","quantity":600}""");

        await ValidationProblemWithExactlyAsync(response, "sku");
    }

    [Theory]
    [InlineData("""{"name":"W"}""", "name")]
    [InlineData("""{"quantity":-1}""", "quantity")]
    [InlineData("""{"reorderLevel":101}""", "reorderLevel")]
    public async Task Patch_BreakingARuleOnAClassProperty_Answers400UnderTheJsonName(string json, string field)
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Patch, "/semantics/items/1") { Content = Json(json) },
            HttpStatusCode.BadRequest);

        await ValidationProblemWithExactlyAsync(response, field);
    }

    [Fact]
    public async Task Patch_RuleInsideANestedObject_Answers400UnderItsPath()
    {
        // Nested objects are validated as ASP.NET Core 10's AddValidation() validates them, keyed by their JSON path.
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Patch, "/semantics/items/2") { Content = Json("""{"size":{"width":0}}""") },
            HttpStatusCode.BadRequest);

        await ValidationProblemWithExactlyAsync(response, "size.width");
    }

    [Fact]
    public async Task Patch_RuleBrokenWithASnakeCaseNamingPolicy_Answers400UnderTheNameTheClientSent()
    {
        // The app's JsonOptions decide the JSON names, so they decide the error keys too: the type error and the
        // rule error on the same member must not name it differently.
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions
        {
            Services = static services => services.ConfigureHttpJsonOptions(
                static options => options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower),
        });

        using var typeError = await SendWithoutChangeAsync(
            host,
            new HttpRequestMessage(HttpMethod.Patch, "/semantics/items/1") { Content = Json("""{"reorder_level":"x"}""") },
            HttpStatusCode.BadRequest);
        using var ruleError = await SendWithoutChangeAsync(
            host,
            new HttpRequestMessage(HttpMethod.Patch, "/semantics/items/1") { Content = Json("""{"reorder_level":101}""") },
            HttpStatusCode.BadRequest);

        await ValidationProblemWithExactlyAsync(typeError, "patch.reorder_level");
        await ValidationProblemWithExactlyAsync(ruleError, "reorder_level");
    }

    [Fact]
    public async Task Put_InvalidBody_Answers400AndLeavesTheItemAsItWas()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Put, "/semantics/items/1") { Content = Json("""{"name":"","quantity":5000,"sku":"WSH-001"}""") },
            HttpStatusCode.BadRequest);

        await ValidationProblemWithExactlyAsync(response, "name", "quantity");
    }

    [Fact]
    public async Task Put_BadRouteValueAndMalformedBody_ReportsTheRouteValueWithoutReadingTheBody()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Put, "/semantics/queries/by-id/x") { Content = Json("{") },
            HttpStatusCode.BadRequest);

        await ValidationProblemWithExactlyAsync(response, "id");
    }

    [Fact]
    public async Task BadRequests_ManyAtOnce_LeaveTheStoreAndServerIntact()
    {
        var before = fixture.Store.Snapshot();
        string[] bodies = ["{", "null", "[]", """{"quantity":0}""", """{"name":"x","quantity":"y"}""", ""];

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            fixture.Client.PostAsync("/semantics/items", Json(bodies[i % bodies.Length]))));

        Assert.All(responses, static r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(before, fixture.Store.Snapshot());
        await StillServingAsync(fixture.Client);
    }
}
