using System;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// The rest of an old URI is the client's to choose, so a <c>[MovedFrom]</c> redirect whose new URI starts with it
/// (a resource at <c>/</c>, a new template that starts with a catch-all) must still answer a <c>Location</c> on the
/// app's own origin: never <c>//evil.com</c> or <c>/\evil.com</c>, which browsers follow to another host. Sent over
/// raw sockets to Kestrel, so the paths reach the server exactly as written.
/// </summary>
public sealed class OpenRedirectTests(KestrelSemanticsHostFixture fixture) : IClassFixture<KestrelSemanticsHostFixture>
{
    [Theory]
    [InlineData("/old-root//evil.com", "/evil.com")]
    [InlineData("/old-root///evil.com", "/evil.com")]
    [InlineData("/old-root////evil.com/phish?next=1", "/evil.com/phish?next=1")]
    [InlineData("/old-root/\\evil.com", "/%5Cevil.com")]
    [InlineData("/old-root//\\evil.com", "/%5Cevil.com")]
    [InlineData("/old-root/%5Cevil.com", "/%5Cevil.com")]
    [InlineData("/old-root/%2F%2Fevil.com", "/%2F%2Fevil.com")]
    [InlineData("/old-root/evil.com", "/evil.com")]
    [InlineData("/old-wiki//evil.com/phish", "/evil.com/phish")]
    [InlineData("/old-wiki///evil.com", "/evil.com")]
    [InlineData("/old-wiki/\\evil.com", "/%5Cevil.com")]
    [InlineData("/old-wiki/Main_Page", "/Main_Page")]
    public async Task Get_OldUriWhoseRestStartsTheNewUri_RedirectsOnTheAppsOrigin(string path, string location)
    {
        var server = fixture.Client.BaseAddress!;

        var response = await RawHttp.SendAsync(server, RawHttp.Request($"GET {path} HTTP/1.1\r\nHost: {server.Authority}\r\n\r\n"));

        Assert.True(response.Status == 301, response.Text);
        Assert.Equal(location, response.Header("Location"));
        SameOrigin(server, response.Header("Location"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task AnyMethod_OldRootUriStartingWithTwoSlashes_RedirectsOnTheAppsOrigin(string method)
    {
        var server = fixture.Client.BaseAddress!;

        var response = await RawHttp.SendAsync(server, RawHttp.Request($"{method} /old-root//evil.com HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Length: 0\r\n\r\n"));

        Assert.True(response.Status == 308, response.Text);
        Assert.Equal("/evil.com", response.Header("Location"));
    }
}
