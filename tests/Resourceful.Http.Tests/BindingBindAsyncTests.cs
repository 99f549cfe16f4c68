using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>
/// A parameter type with a static <c>BindAsync</c> (or <c>IBindableFromHttpContext&lt;T&gt;</c>) binds itself, as in
/// minimal APIs; before, it was looked up in DI and every request answered 500.
/// </summary>
public sealed class BindingBindAsyncTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    [Theory]
    [InlineData("/bind-async/optional-tenant", null, "none")]
    [InlineData("/bind-async/optional-tenant", "acme", "acme")]
    [InlineData("/bind-async/tenant", "acme", "acme")]
    [InlineData("/bind-async/slice?page=20", null, "20|page")]
    [InlineData("/bind-async/marker?marker=m", null, "m@Marker")]
    [InlineData("/bind-async/point?x=3&y=4", null, "3,4")]
    public async Task BindAsync_EveryShape_BindsAsMinimalApisDo(string path, string? tenant, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (tenant is not null)
        {
            request.Headers.Add("X-Tenant", tenant);
        }

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/bind-async/tenant", "tenant")]
    [InlineData("/bind-async/slice?page=x", "page")]
    [InlineData("/bind-async/marker", "marker")]
    [InlineData("/bind-async/point?x=1", "point")]
    public async Task BindAsync_RequiredAndNull_Answers400NamingTheParameter(string path, string name)
    {
        using var response = await fixture.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(name, out _));
    }
}
