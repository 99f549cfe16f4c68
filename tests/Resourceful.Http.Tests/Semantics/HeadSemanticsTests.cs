using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>§2, row 2: <c>HEAD</c> on a path with <c>GET</c> answers the <c>GET</c> status and headers, without a body.</summary>
/// <remarks>
/// Served by Kestrel on 127.0.0.1: generated GET handlers also answer HEAD and leave dropping the body to the
/// server, and TestServer (unlike a real server) passes a HEAD response's body through.
/// </remarks>
public sealed class HeadSemanticsTests(KestrelSemanticsHostFixture fixture) : IClassFixture<KestrelSemanticsHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/semantics/items", HttpStatusCode.OK, true)]
    [InlineData("/semantics/items/1", HttpStatusCode.OK, true)]
    [InlineData("/semantics/items/999", HttpStatusCode.NotFound, false)]
    [InlineData("/semantics/items/1/label", HttpStatusCode.OK, true)]
    [InlineData("/semantics/queries/by-id/abc", HttpStatusCode.BadRequest, true)]
    [InlineData("/semantics/queries/search", HttpStatusCode.BadRequest, true)]
    public async Task Head_OnAGetPath_AnswersTheGetStatusAndContentTypeWithoutBody(string path, HttpStatusCode status, bool getHasBody)
    {
        using var get = await _client.GetAsync(path);
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(getHasBody, (await get.Content.ReadAsByteArrayAsync()).Length > 0);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_OnAGetPath_KeepsTheHeadersTheHandlerSets()
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/semantics/items/1"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(fixture.Store.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(head, "X-Store-Version"));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_WhenAcceptExcludesJson_Answers406WithoutBody()
    {
        using var head = await _client.SendAsync(Request(HttpMethod.Head, "/semantics/items", null, ("Accept", "text/html")));

        Assert.Equal(HttpStatusCode.NotAcceptable, head.StatusCode);
        Assert.Equal("application/problem+json", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_OnAPathWithoutGet_Answers405WithAllowAndWithoutBody()
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/semantics/limited"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Equal("POST, OPTIONS", AllowedMethods(head));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_OnAnUnknownPath_Answers404()
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/semantics/nowhere"));

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }
}
