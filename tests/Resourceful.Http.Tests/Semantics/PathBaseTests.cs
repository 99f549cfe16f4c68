using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>The app behind <c>app.UsePathBase("/api")</c>, as a reverse proxy that mounts it below a prefix sets it up.</summary>
public sealed class PathBaseHostFixture() : SemanticsHostFixture(new SemanticsHostOptions
{
    Pipeline = static app =>
    {
        app.UsePathBase("/api");
        app.UseRouting();
    },
});

/// <summary>
/// <c>Links</c> values are constants (<c>/semantics/items/3</c>), the same behind any path base; a <c>Location</c> built
/// from one must still name the URI the client can reach (<c>/api/semantics/items/3</c>), as the redirects of
/// <c>[MovedFrom]</c> already do. Absolute URIs are left as they are.
/// </summary>
public sealed class PathBaseTests(PathBaseHostFixture fixture) : IClassFixture<PathBaseHostFixture>
{
    [Fact]
    public async Task Post_CreatedWithALinksValue_LocationHasThePathBase()
    {
        using var response = await fixture.Client.PostAsync("/api/semantics/items", Json("""{"name":"Washer","quantity":5}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var location = response.Headers.Location?.OriginalString;
        Assert.StartsWith("/api/semantics/items/", location, System.StringComparison.Ordinal);

        using var followed = await fixture.Client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Theory]
    [InlineData("/api/parity/created", "/api/parity/books/7")]
    [InlineData("/api/parity/created-empty", "/api/parity/7")]
    [InlineData("/api/parity/created-null", "/api/parity/7")]
    [InlineData("/api/parity/accepted", "/api/parity/jobs/1")]
    [InlineData("/api/parity/accepted-empty", "/api/parity/jobs/1")]
    [InlineData("/api/parity/created-uri", "https://example.test/parity/7?a=b%20c")]
    [InlineData("/api/home-page", "/api/")]
    [InlineData("/api/semantics/old-articles/3", "/api/semantics/articles/3")]
    public async Task Get_LocationOfAnAppRelativeUri_HasThePathBase(string path, string location)
    {
        using var response = await fixture.Client.GetAsync(path);

        Assert.True((int)response.StatusCode is 201 or 202 or 301 or 302, $"{(int)response.StatusCode}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

}
