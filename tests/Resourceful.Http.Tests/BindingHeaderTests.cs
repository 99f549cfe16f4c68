using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

public sealed class BindingHeaderTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Header_Required_BindsFromItsName()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/headers/required");
        request.Headers.Add("X-Request-Tag", "blue");

        using var response = await _client.SendAsync(request);

        await ResponseAssert.TextAsync(response, "blue");
    }

    [Fact]
    public async Task Header_NameIsCaseInsensitive()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/headers/required");
        request.Headers.Add("x-request-tag", "lower");

        using var response = await _client.SendAsync(request);

        await ResponseAssert.TextAsync(response, "lower");
    }

    [Fact]
    public async Task Header_RequiredAndMissing_Answers400NamingTheHeader()
    {
        using var response = await _client.GetAsync("/headers/required");

        await ResponseAssert.ValidationProblemAsync(response, "X-Request-Tag");
    }

    [Fact]
    public async Task Header_Optional_BindsWhenSent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/headers/optional");
        request.Headers.Add("X-Request-Tag", "green");

        using var response = await _client.SendAsync(request);

        await ResponseAssert.TextAsync(response, "green");
    }

    [Fact]
    public async Task Header_OptionalAndMissing_BindsNull()
    {
        using var response = await _client.GetAsync("/headers/optional");

        await ResponseAssert.TextAsync(response, "none");
    }

    [Fact]
    public async Task Header_Typed_ParsesItsValue()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/headers/typed");
        request.Headers.Add("X-Count", "21");

        using var response = await _client.SendAsync(request);

        await ResponseAssert.TextAsync(response, "42");
    }

    [Fact]
    public async Task Header_TypedThatDoesNotParse_Answers400NamingTheHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/headers/typed");
        request.Headers.Add("X-Count", "many");

        using var response = await _client.SendAsync(request);

        await ResponseAssert.ValidationProblemAsync(response, "X-Count");
    }
}
