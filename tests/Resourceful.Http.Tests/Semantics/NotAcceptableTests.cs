using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// §2, row 8: an <c>Accept</c> header that excludes every type the endpoint produces answers <c>406</c> before the
/// handler runs (RFC 9110 §12.5.1: the most specific matching range decides; <c>q=0</c> means "not acceptable").
/// </summary>
public sealed class NotAcceptableTests(SemanticsHostFixture fixture) : IClassFixture<SemanticsHostFixture>
{
    [Theory]
    [InlineData("text/html")]
    [InlineData("text/*")]
    [InlineData("application/xml, text/csv")]
    [InlineData("application/json;q=0")]
    [InlineData("*/*;q=0")]
    [InlineData("application/*;q=0")]
    [InlineData("application/json;q=0, */*")]
    [InlineData("application/json;q=0.0")]
    [InlineData("text/plain;foo=\"x,*/*;q=1\"")]
    public async Task Get_JsonEndpoint_WhenAcceptExcludesJson_Answers406Problem(string accept)
    {
        using var response = await SendWithoutChangeAsync(fixture.Host, Request(HttpMethod.Get, "/semantics/items", null, ("Accept", accept)), HttpStatusCode.NotAcceptable);

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.NotAcceptable);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.7", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("Not Acceptable", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(
            "This resource is available as 'application/json', which the request's Accept header excludes.",
            problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("text/html, application/json;q=0.1")]
    [InlineData("text/html;q=0.9, */*;q=0.1")]
    [InlineData("*/*;q=0, application/json")]
    [InlineData("application/*;q=0, application/json;q=0.2")]
    [InlineData("application/json; charset=utf-8")]
    public async Task Get_JsonEndpoint_WhenAcceptAllowsJson_Answers200(string accept)
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Get, "/semantics/items/1", null, ("Accept", accept)));

        await ResponseAssert.JsonAsync(response, """{"id":1,"name":"Bolt","quantity":10,"sku":"BLT-001"}""");
    }

    [Fact]
    public async Task Get_WithoutAccept_Answers200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/semantics/items/1");
        request.Headers.Accept.Clear();

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_TypedResultUnion_WhenAcceptExcludesJson_Answers406()
    {
        using var response = await SendWithoutChangeAsync(fixture.Host, Request(HttpMethod.Get, "/semantics/items/1", null, ("Accept", "text/html")), HttpStatusCode.NotAcceptable);

        Assert.Null(Header(response, "X-Store-Version"));
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.OK)]
    [InlineData("text/*", HttpStatusCode.OK)]
    [InlineData("text/plain;q=0.3, application/json", HttpStatusCode.OK)]
    [InlineData("application/json", HttpStatusCode.NotAcceptable)]
    [InlineData("text/plain;q=0, */*", HttpStatusCode.NotAcceptable)]
    public async Task Get_TextEndpoint_NegotiatesTextPlain(string accept, HttpStatusCode status)
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Get, "/semantics/items/1/label", null, ("Accept", accept)));

        if (status == HttpStatusCode.OK)
        {
            await ResponseAssert.TextAsync(response, "Bolt (10)");
        }
        else
        {
            using var problem = await ResponseAssert.ProblemAsync(response, status);
            Assert.Contains("'text/plain'", problem.RootElement.GetProperty("detail").GetString(), System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_WhenAcceptExcludesTheCreatedRepresentation_Answers406BeforeReadingTheBody()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            Request(HttpMethod.Post, "/semantics/items", Json("""{"name":"Washer","quantity":5}"""), ("Accept", "text/html")),
            HttpStatusCode.NotAcceptable);

        await ResponseAssert.ProblemAsync(response, HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Get_WhenAcceptExcludesJsonAndAValueIsMissing_Answers406First()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            Request(HttpMethod.Get, "/semantics/queries/search", null, ("Accept", "text/html")),
            HttpStatusCode.NotAcceptable);

        await ResponseAssert.ProblemAsync(response, HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Get_ResultDecidedAtRunTime_IsNotChecked()
    {
        // An IResult picks its own media type when it runs, so there is nothing to hold Accept against beforehand.
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Get, "/semantics/outcomes/1", null, ("Accept", "text/html")));

        await ResponseAssert.JsonAsync(response, """{"id":1,"name":"Bolt","quantity":10,"sku":"BLT-001"}""");
    }

    [Theory]
    [InlineData("DELETE", "/semantics/outcomes/void/999")]
    [InlineData("PUT", "/semantics/outcomes/no-content/1")]
    public async Task ResultWithoutContent_IsNotChecked(string method, string path)
    {
        using var response = await fixture.Client.SendAsync(Request(new HttpMethod(method), path, null, ("Accept", "text/html")));

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.NoContent);
    }
}
