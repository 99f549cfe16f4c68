using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>§2, row 3: <c>OPTIONS</c> on a declared path answers <c>204</c> with <c>Allow</c> listing every method of the path.</summary>
public sealed class OptionsTests(SemanticsHostFixture fixture) : IClassFixture<SemanticsHostFixture>
{
    [Theory]
    [InlineData("/semantics/items", "GET, HEAD, POST, OPTIONS")]
    [InlineData("/semantics/items/1", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS")]
    [InlineData("/semantics/items/1/label", "GET, HEAD, OPTIONS")]
    [InlineData("/semantics/limited", "POST, OPTIONS")]
    [InlineData("/semantics/limited/1", "PUT, PATCH, OPTIONS")]
    [InlineData("/semantics/outcomes/void/1", "DELETE, OPTIONS")]
    public async Task Options_OnADeclaredPath_Answers204WithEveryMethodInCanonicalOrder(string path, string allow)
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.NoContent, body);
        Assert.Equal(allow, Allow(response));
        Assert.Equal(string.Empty, body);
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Options_OnHandlersThatNameTheRouteValueDifferently_ListsThemAsOnePath()
    {
        // PUT, DELETE and GET say {id:int}, PATCH says {number:int}: one URI, so one Allow list.
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/semantics/described/7"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET, HEAD, PUT, PATCH, DELETE, OPTIONS", Allow(response));
    }

    [Theory]
    [InlineData("/semantics/split", "GET, HEAD, POST, OPTIONS")]
    [InlineData("/semantics/split/4", "GET, HEAD, DELETE, OPTIONS")]
    public async Task Options_OnAPathServedByTwoResourceClasses_ListsTheMethodsOfBoth(string path, string allow)
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.NoContent, body);
        Assert.Equal(allow, Allow(response));
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("text/html")]
    [InlineData("application/json;q=0")]
    public async Task Options_WithoutAnExplicitAskForJson_Answers204(string accept)
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Options, "/semantics/items", null, ("Accept", accept)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET, HEAD, POST, OPTIONS", Allow(response));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Options_WithABody_IgnoresItAndChangesNothing()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Options, "/semantics/items") { Content = Json("""{"name":"Sneaky","quantity":1}""") },
            HttpStatusCode.NoContent);

        Assert.Equal("GET, HEAD, POST, OPTIONS", Allow(response));
    }

    [Theory]
    [InlineData("/semantics/nowhere")]
    [InlineData("/semantics/items/abc")]
    public async Task Options_OnAPathNoTemplateMatches_Answers404(string path)
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(Allow(response));
    }
}
