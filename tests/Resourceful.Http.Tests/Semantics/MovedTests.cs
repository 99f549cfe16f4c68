using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// §2, row 12: an old URI declared with <c>[MovedFrom]</c> answers <c>301</c> (GET/HEAD) or <c>308</c> (every other
/// method, so the client repeats it with its body), with <c>Location</c> set to the new URI, the rest of the old path
/// and the query string. The client here never follows redirects.
/// </summary>
public sealed class MovedTests(SemanticsHostFixture fixture) : IClassFixture<SemanticsHostFixture>
{
    [Theory]
    [InlineData("GET", "/semantics/old-articles", "/semantics/articles", HttpStatusCode.MovedPermanently)]
    [InlineData("HEAD", "/semantics/old-articles", "/semantics/articles", HttpStatusCode.MovedPermanently)]
    [InlineData("POST", "/semantics/old-articles", "/semantics/articles", HttpStatusCode.PermanentRedirect)]
    [InlineData("GET", "/semantics/old-articles/3", "/semantics/articles/3", HttpStatusCode.MovedPermanently)]
    [InlineData("PUT", "/semantics/old-articles/3", "/semantics/articles/3", HttpStatusCode.PermanentRedirect)]
    [InlineData("DELETE", "/semantics/old-articles/3", "/semantics/articles/3", HttpStatusCode.PermanentRedirect)]
    [InlineData("PATCH", "/semantics/old-articles/3", "/semantics/articles/3", HttpStatusCode.PermanentRedirect)]
    [InlineData("GET", "/semantics/old-articles/3?x=1&y=a%20b", "/semantics/articles/3?x=1&y=a%20b", HttpStatusCode.MovedPermanently)]
    [InlineData("GET", "/semantics/old-articles/any/deeper/path", "/semantics/articles/any/deeper/path", HttpStatusCode.MovedPermanently)]
    [InlineData("GET", "/semantics/old-articles/a%20b", "/semantics/articles/a%20b", HttpStatusCode.MovedPermanently)]
    [InlineData("GET", "/semantics/old-articles/caf%C3%A9", "/semantics/articles/caf%C3%A9", HttpStatusCode.MovedPermanently)]
    [InlineData("GET", "/SEMANTICS/Old-Articles/3", "/semantics/articles/3", HttpStatusCode.MovedPermanently)]
    public async Task AnyMethod_OnTheOldUriOfAMovedResource_RedirectsToTheNewUri(string method, string path, string location, HttpStatusCode status)
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ResponseAssert.EmptyAsync(response, status);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("GET", "/semantics/legacy/5?x=1", "/semantics/articles/5?x=1", HttpStatusCode.MovedPermanently)]
    [InlineData("HEAD", "/semantics/legacy/5", "/semantics/articles/5", HttpStatusCode.MovedPermanently)]
    [InlineData("PUT", "/semantics/legacy/5", "/semantics/articles/5", HttpStatusCode.PermanentRedirect)]
    [InlineData("GET", "/semantics/articles/by-number/4", "/semantics/articles/4", HttpStatusCode.MovedPermanently)]
    [InlineData("GET", "/semantics/legacy/a%20b", "/semantics/articles/a%20b", HttpStatusCode.MovedPermanently)]
    public async Task AnyMethod_OnTheOldUriOfAMovedHandler_RedirectsWithTheRouteValuesCarriedOver(string method, string path, string location, HttpStatusCode status)
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ResponseAssert.EmptyAsync(response, status);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_OnAnOldUri_RedirectsWithoutReadingTheBodyOrRunningTheHandler()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Post, "/semantics/old-articles") { Content = Json("{ not even json") },
            HttpStatusCode.PermanentRedirect);

        Assert.Equal("/semantics/articles", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_FollowingTheRedirect_ReachesTheHandler()
    {
        using var moved = await fixture.Client.GetAsync("/semantics/legacy/3");
        using var followed = await fixture.Client.GetAsync(moved.Headers.Location);

        await ResponseAssert.JsonAsync(followed, "\"Three\"");
    }

    [Fact]
    public async Task Get_OnAnOldUriWhoseValueFailsTheNewConstraint_RedirectsAnywayAndTheNewUriIs404()
    {
        using var moved = await fixture.Client.GetAsync("/semantics/legacy/abc");
        using var followed = await fixture.Client.GetAsync(moved.Headers.Location);

        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/semantics/articles/abc", moved.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, followed.StatusCode);
    }

    [Fact]
    public async Task Get_OnTheNewUri_IsNotRedirected()
    {
        using var response = await fixture.Client.GetAsync("/semantics/articles/3");

        await ResponseAssert.JsonAsync(response, "\"Three\"");
    }

    [Fact]
    public async Task Options_OnAnOldUri_IsRedirectedLikeAnyOtherMethod()
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/semantics/old-articles/3"));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/semantics/articles/3", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/semantics/old-articles/a%2Fb/c", "/semantics/articles/a%2Fb/c")]
    [InlineData("/semantics/legacy/a%2Fb", "/semantics/articles/a%2Fb")]
    [InlineData("/semantics/old-articles/a%20b", "/semantics/articles/a%20b")]
    public async Task Get_OnAnOldUriWithEscapedCharactersOnKestrel_KeepsThemEscapedOnce(string path, string location)
    {
        // Servers decode the path except %2F, so a route value can hold "%2F" already escaped; escaping it again
        // (%252F) would send the client to a different resource.
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions { Kestrel = true });

        using var response = await host.Client.GetAsync(path);

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.MovedPermanently);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_OnAnOldUriBelowAPathBase_KeepsThePathBaseInLocation()
    {
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions
        {
            Pipeline = static app =>
            {
                app.UsePathBase("/api");
                app.UseRouting();
            },
        });

        using var response = await host.Client.GetAsync("/api/semantics/old-articles/2?x=1");

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.MovedPermanently);
        Assert.Equal("/api/semantics/articles/2?x=1", response.Headers.Location?.OriginalString);
    }
}
