using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>RFC 9110 §9.3.2: HEAD answers what GET would, headers included, without the content.</summary>
/// <remarks>
/// Served by Kestrel: generated GET handlers also answer HEAD and leave dropping the body to the server, and
/// TestServer (unlike every real server) passes a HEAD response's body through to the client.
/// </remarks>
public sealed class HeadTests(KestrelResourceHostFixture fixture) : IClassFixture<KestrelResourceHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/results/value")]
    [InlineData("/results/text")]
    [InlineData("/books/42")]
    [InlineData("/books/999")]
    [InlineData("/route/ints/5")]
    [InlineData("/route/ints/abc")]
    [InlineData("/query/required-int")]
    public async Task Head_OnAGetPath_AnswersTheGetStatusAndHeadersWithoutBody(string path)
    {
        using var get = await _client.GetAsync(path);
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_OnAGetPath_KeepsHeadersTheHandlerSets()
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/services/context"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("true", Assert.Single(head.Headers.GetValues("X-Same-Request")));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
