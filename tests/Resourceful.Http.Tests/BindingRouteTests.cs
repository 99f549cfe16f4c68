using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

public sealed class BindingRouteTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/route/ints/42", "42")]
    [InlineData("/route/ints/-7", "-7")]
    [InlineData("/route/longs/9007199254740993", "9007199254740993")]
    [InlineData("/route/guids/0F8FAD5B-D9CB-469F-A165-70867728950E", "0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("/route/names/ada", "ada")]
    [InlineData("/route/names/caf%C3%A9%20au%20lait", "café au lait")]
    [InlineData("/route/days/2024-02-29", "2024-02-29")]
    [InlineData("/route/colors/green", "Green")]
    [InlineData("/route/colors/BLUE", "Blue")]
    [InlineData("/route/colors/0", "Red")]
    [InlineData("/route/skus/ABC-123", "ABC|123")]
    [InlineData("/route/pairs/3/three", "3|three")]
    public async Task RouteValue_OfEachType_BindsAndEchoes(string path, string expected)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.TextAsync(response, expected);
    }

    [Fact]
    public async Task RouteValue_WithFromRouteName_BindsFromThatName()
    {
        using var response = await _client.GetAsync("/route/renamed/17");

        await ResponseAssert.TextAsync(response, "17");
    }

    [Fact]
    public async Task RouteValue_MatchingIntConstraint_Binds()
    {
        using var response = await _client.GetAsync("/route/constrained/5");

        await ResponseAssert.TextAsync(response, "5");
    }

    // A constraint is part of matching, not of binding: a value it rejects means there is no such resource.
    [Theory]
    [InlineData("/route/constrained/abc")]
    [InlineData("/route/ranges/11")]
    [InlineData("/route/ranges/0")]
    public async Task RouteValue_FailingConstraint_Answers404(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RouteValue_WithinRangeConstraint_Binds()
    {
        using var response = await _client.GetAsync("/route/ranges/10");

        await ResponseAssert.TextAsync(response, "10");
    }

    [Theory]
    [InlineData("/route/ints/abc", "id")]
    [InlineData("/route/ints/99999999999", "id")]
    [InlineData("/route/longs/1.5", "id")]
    [InlineData("/route/guids/not-a-guid", "id")]
    [InlineData("/route/days/2024-02-30", "day")]
    [InlineData("/route/colors/purple", "color")]
    [InlineData("/route/colors/42", "color")]
    [InlineData("/route/skus/ABC123", "sku")]
    [InlineData("/route/renamed/x", "item")]
    public async Task RouteValue_ThatDoesNotParse_Answers400NamingIt(string path, string field)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.ValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("/route/pages/4", "4")]
    [InlineData("/route/pages", "none")]
    public async Task RouteValue_OptionalInt_BindsOrIsNull(string path, string expected)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.TextAsync(response, expected);
    }

    [Theory]
    [InlineData("/route/defaults/8", "8")]
    [InlineData("/route/defaults", "3")]
    public async Task RouteValue_WithTemplateDefault_BindsTheDefaultWhenOmitted(string path, string expected)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.TextAsync(response, expected);
    }

    [Theory]
    [InlineData("/links/shelves/top", "top")]
    [InlineData("/links/shelves", "none")]
    public async Task RouteValue_OptionalString_BindsOrIsNullWhenOmitted(string path, string expected)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.TextAsync(response, expected);
    }
}
