using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>Every way a client can send something unusable: a 4xx naming the problem, never a 500.</summary>
public sealed class BadInputTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task RouteValue_NotParsingOnUnconstrainedRoute_Answers400NamingIt()
    {
        using var response = await _client.GetAsync("/route/ints/abc");

        await ResponseAssert.ValidationProblemAsync(response, "id");
    }

    [Fact]
    public async Task QueryValue_NotParsing_Answers400NamingIt()
    {
        using var response = await _client.GetAsync("/query/required-int?value=abc");

        await ResponseAssert.ValidationProblemAsync(response, "value");
    }

    [Fact]
    public async Task QueryValue_RequiredAndMissing_Answers400NamingIt()
    {
        using var response = await _client.GetAsync("/query/required-int");

        await ResponseAssert.ValidationProblemAsync(response, "value");
    }

    [Fact]
    public async Task QueryValue_RequiredStringMissing_Answers400NamingIt()
    {
        using var response = await _client.GetAsync("/query/required-string");

        await ResponseAssert.ValidationProblemAsync(response, "text");
    }

    [Fact]
    public async Task QueryValue_BoolNotParsing_Answers400NamingIt()
    {
        using var response = await _client.GetAsync("/query/flags?flag=yes");

        await ResponseAssert.ValidationProblemAsync(response, "flag");
    }

    [Fact]
    public async Task QueryValues_SeveralBad_AreAllReportedAtOnce()
    {
        using var response = await _client.GetAsync("/query/numbers?amount=x&ratio=y");

        await ResponseAssert.ValidationProblemAsync(response, "amount", "ratio");
    }

    [Fact]
    public async Task Header_RequiredAndMissing_Answers400NamingIt()
    {
        using var response = await _client.GetAsync("/headers/required");

        await ResponseAssert.ValidationProblemAsync(response, "X-Request-Tag");
    }

    [Fact]
    public async Task Body_MalformedJson_Answers400NamingTheBody()
    {
        using var response = await _client.PostAsync("/body/inferred", BindingBodyTests.Json("""{"title": "Dune", """));

        await ResponseAssert.ValidationProblemAsync(response, "book");
    }

    [Fact]
    public async Task Body_JsonOfTheWrongShape_Answers400NamingTheMember()
    {
        using var response = await _client.PostAsync("/body/inferred", BindingBodyTests.Json("""{"title":"Dune","pages":"many"}"""));

        await ResponseAssert.ValidationProblemAsync(response, "book.pages");
    }

    [Fact]
    public async Task Body_EmptyOnRequiredBody_Answers400NamingTheBody()
    {
        using var response = await _client.PostAsync("/body/inferred", BindingBodyTests.Json(string.Empty));

        await ResponseAssert.ValidationProblemAsync(response, "book");
    }

    [Fact]
    public async Task Body_AbsentOnRequiredBody_Answers400NamingTheBody()
    {
        using var response = await _client.PostAsync("/body/explicit", content: null);

        await ResponseAssert.ValidationProblemAsync(response, "book");
    }

    [Fact]
    public async Task Body_JsonNullOnRequiredBody_Answers400NamingTheBody()
    {
        using var response = await _client.PostAsync("/body/explicit", BindingBodyTests.Json("null"));

        await ResponseAssert.ValidationProblemAsync(response, "book");
    }

    [Fact]
    public async Task Body_TextPlain_Answers415()
    {
        using var content = new StringContent("""{"title":"Dune","pages":412}""", Encoding.UTF8, "text/plain");

        using var response = await _client.PostAsync("/body/inferred", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Body_WithoutContentType_Answers415()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"title":"Dune","pages":412}"""));

        using var response = await _client.PutAsync("/body/3", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Body_TextPlainOnPatch_Answers415()
    {
        using var content = new StringContent("""{"pages":1}""", Encoding.UTF8, "text/plain");

        using var response = await _client.PatchAsync("/body/3", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
