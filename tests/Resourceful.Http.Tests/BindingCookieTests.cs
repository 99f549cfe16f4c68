using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary><c>[FromCookie]</c>: present, missing (optional and required), and unparsable cookies.</summary>
public sealed class BindingCookieTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<HttpResponseMessage> GetAsync(string path, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await _client.SendAsync(request);
    }

    [Theory]
    [InlineData("/cookies/required", "theme=dark", "dark")]
    [InlineData("/cookies/required", "other=1; theme=light", "light")]
    [InlineData("/cookies/optional", "theme=dark", "dark")]
    [InlineData("/cookies/optional", null, "none")]
    [InlineData("/cookies/typed", "page-size=21", "42")]
    [InlineData("/cookies/defaulted", null, "25")]
    [InlineData("/cookies/defaulted", "page-size=10", "10")]
    [InlineData("/cookies/nullable", null, "none")]
    [InlineData("/cookies/nullable", "visitor=8e5b7f43-3b3c-4b8e-9a4c-2f1f8f0c6d11", "8e5b7f43-3b3c-4b8e-9a4c-2f1f8f0c6d11")]
    [InlineData("/cookies/enum", "day=friday", "Friday")]
    public async Task Cookie_Bound(string path, string? cookie, string expected)
    {
        using var response = await GetAsync(path, cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/cookies/required", null, "theme", "The cookie value 'theme' is required.")]
    [InlineData("/cookies/typed", null, "page-size", "The cookie value 'page-size' is required.")]
    [InlineData("/cookies/typed", "page-size=many", "page-size", "The value 'many' is not a valid int.")]
    [InlineData("/cookies/defaulted", "page-size=many", "page-size", "The value 'many' is not a valid int.")]
    [InlineData("/cookies/nullable", "visitor=nope", "visitor", "The value 'nope' is not a valid Guid.")]
    [InlineData("/cookies/enum", "day=someday", "day", null)]
    public async Task Cookie_MissingOrUnparsable_Answers400NamingIt(string path, string? cookie, string name, string? message)
    {
        using var response = await GetAsync(path, cookie);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var errors = problem["errors"]![name]!.AsArray();
        if (message is not null)
        {
            Assert.Equal(message, (string?)errors[0]);
        }
    }
}
