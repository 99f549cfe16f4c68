using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests.Negotiation;

/// <summary>
/// <c>[ResponseCache]</c> headers (held against MVC's own filter) and <c>[SparseFieldsets]</c> (<c>?fields=</c>) served
/// by Kestrel, HEAD included.
/// </summary>
public sealed class CacheAndFieldsTests(KestrelResourceHostFixture fixture) : IClassFixture<KestrelResourceHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    public static TheoryData<string, ResponseCacheAttribute, string?> Endpoints => new()
    {
        { "/novels", new ResponseCacheAttribute { Duration = 30 }, null },
        { "/novels/1", new ResponseCacheAttribute { Duration = 5, Location = ResponseCacheLocation.Client, VaryByHeader = "Accept-Language" }, null },
        { "/novels/1/summary", new ResponseCacheAttribute { Duration = 30 }, null },
        { "/novels/1/events", new ResponseCacheAttribute { Duration = 30 }, "Accept" },
        { "/novels/private", new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None }, null },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task CacheHeaders_AreWhatMvcsFilterWrites(string path, ResponseCacheAttribute attribute, string? addedVary)
    {
        var oracle = MvcHeaders(attribute);

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var response = await _client.SendAsync(new HttpRequestMessage(method, path));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // As written on the wire: HttpClient's parsed Cache-Control reorders directives.
            Assert.Equal(oracle.CacheControl.ToString(), Raw(response, "Cache-Control"));
            Assert.Equal(oracle.Pragma.ToString(), Raw(response, "Pragma"));
            var vary = string.Join(",", new[] { oracle.Vary.ToString(), addedVary ?? string.Empty }.Where(static v => v.Length > 0));
            Assert.Equal(vary, Raw(response, "Vary"));
        }
    }

    [Fact]
    public async Task CacheHeaders_NotOnFailuresOrWrites()
    {
        using var missing = await _client.GetAsync("/novels/99");
        using var created = await _client.PostAsync("/novels", JsonContent("""{"id":3,"title":"New"}"""));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(missing.Headers.Contains("Cache-Control"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(created.Headers.Contains("Cache-Control"));
    }

    [Fact]
    public async Task Fields_OnObject_WritesOnlyThose_NestedWhole_NullsKept()
    {
        using var dune = await _client.GetAsync("/novels/1?fields=title,author,isbn_13");
        using var emma = await _client.GetAsync("/novels/2?fields=subtitle,id");

        Assert.Equal("""{"title":"Dune","isbn_13":"9780441172719","author":{"name":"Frank Herbert","born":1920}}""", await dune.Content.ReadAsStringAsync());
        Assert.Equal("application/json; charset=utf-8", dune.Content.Headers.ContentType?.ToString());
        Assert.Equal("""{"id":2,"subtitle":null}""", await emma.Content.ReadAsStringAsync());
        Assert.Equal("private,max-age=5", Raw(dune, "Cache-Control"));
    }

    [Fact]
    public async Task Fields_OnList_WritesThoseOfEachElement()
    {
        using var response = await _client.GetAsync("/novels?fields=id,tags&fields=id");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""[{"id":1,"tags":["sf"]},{"id":2,"tags":[]}]""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/novels")]
    [InlineData("/novels?fields=")]
    [InlineData("/novels?fields=,")]
    public async Task Fields_AbsentOrEmpty_IsTheFullRepresentation(string path)
    {
        using var full = await _client.GetAsync("/novels");
        using var response = await _client.GetAsync(path);

        Assert.Equal(await full.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        Assert.Contains("\"publishedYear\":1965", await response.Content.ReadAsStringAsync(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/novels?fields=id,secret", "secret")]
    [InlineData("/novels/1?fields=Title", "Title")]
    [InlineData("/novels/1/summary?fields=isbn", "isbn")]
    public async Task Fields_UnknownName_Is400NamingIt(string path, string name)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty("fields").EnumerateArray()).GetString();
        Assert.StartsWith($"'{name}' is not a field of this representation", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_OnHead_HasNoBody()
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/novels/1?fields=id"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Fields_FollowTheAppsNamingPolicy()
    {
        await using var host = await ResourceHost.StartAsync(
            static app => app.MapResources(),
            configure: static builder => builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower));

        using var snake = await host.Client.GetAsync("/novels/1?fields=published_year,isbn_13");
        using var camel = await host.Client.GetAsync("/novels/1?fields=publishedYear");

        Assert.Equal("""{"isbn_13":"9780441172719","published_year":1965}""", await snake.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, camel.StatusCode);
    }

    private static string Raw(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>The headers MVC's own <c>ResponseCacheFilter</c> writes for <paramref name="attribute"/>.</summary>
    private static IHeaderDictionary MvcHeaders(ResponseCacheAttribute attribute)
    {
        using var services = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
        var filter = attribute.CreateInstance(services);
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor());
        var context = new ActionExecutingContext(actionContext, new List<IFilterMetadata> { filter }, new Dictionary<string, object?>(), new object());
        ((IActionFilter)filter).OnActionExecuting(context);
        return httpContext.Response.Headers;
    }
}
