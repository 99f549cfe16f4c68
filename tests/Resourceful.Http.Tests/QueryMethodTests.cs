using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>HTTP <c>QUERY</c> (RFC 10008) through Kestrel: a body bound as POST's, and every negotiation and error case.</summary>
public sealed class QueryMethodTests(KestrelResourceHostFixture fixture) : IClassFixture<KestrelResourceHostFixture>
{
    private static readonly HttpMethod Query = new("QUERY");

    private readonly HttpClient _client = fixture.Client;

    private static HttpRequestMessage Request(string path, string? json, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(Query, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }

    [Fact]
    public async Task Query_WithAJsonFilter_AnswersTheMatches()
    {
        using var response = await _client.SendAsync(Request("/search", """{"titleContains":"u","minPages":300}"""));

        await ResponseAssert.JsonAsync(response, """[{"title":"Dune","pages":412}]""");
    }

    [Fact]
    public async Task Query_WrongContentType_Answers415WithAcceptQuery()
    {
        using var response = await _client.SendAsync(Request("/search", "title=Dune", "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/json", Assert.Single(response.Headers.GetValues("Accept-Query")));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Query_MalformedJson_Answers400()
    {
        using var response = await _client.SendAsync(Request("/search", """{"titleContains":"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Query_WithoutBody_Answers400()
    {
        using var response = await _client.SendAsync(Request("/search", json: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Query_AcceptExcludesJson_Answers406()
    {
        using var request = Request("/search", "{}");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Query_RawStreamBody_TakesAnyMediaType()
    {
        using var response = await _client.SendAsync(Request("/search/raw", "a=1", "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("raw:a=1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Options_OnAPathWithQuery_ListsQueryAndSendsAcceptQuery()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/search"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET, HEAD, QUERY, OPTIONS", string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("application/json", Assert.Single(response.Headers.GetValues("Accept-Query")));
    }

    [Fact]
    public async Task Options_OnARawQueryPath_AcceptsAnyMediaType()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/search/raw"));

        Assert.Equal("QUERY, OPTIONS", string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("*/*", Assert.Single(response.Headers.GetValues("Accept-Query")));
    }

    [Fact]
    public async Task Options_OnAPathWithoutQuery_SendsNoAcceptQuery()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/body/explicit"));

        Assert.False(response.Headers.Contains("Accept-Query"));
    }

    [Fact]
    public async Task Post_OnAQueryPath_Answers405WithAllowIncludingQuery()
    {
        using var response = await _client.PostAsync("/search", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD, QUERY, OPTIONS", string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Head_OnAQueryOnlyPath_Answers405_QueryImpliesNoHead()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/search/raw"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["QUERY", "OPTIONS"], response.Content.Headers.Allow.ToArray());
    }

    [Fact]
    public async Task Query_OnAPathWithoutQuery_Answers405()
    {
        using var response = await _client.SendAsync(Request("/body/explicit", "{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.DoesNotContain("QUERY", response.Content.Headers.Allow);
    }
}
