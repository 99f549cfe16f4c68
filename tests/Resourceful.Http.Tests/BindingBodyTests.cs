using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

public sealed class BindingBodyTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Body_ExplicitFromBodyOnPost_BindsJson()
    {
        using var response = await _client.PostAsync("/body/explicit", Json("""{"title":"Dune","pages":412}"""));

        await ResponseAssert.JsonAsync(response, """{"title":"Dune","pages":412}""");
    }

    [Fact]
    public async Task Body_InferredOnPost_BindsJson()
    {
        using var response = await _client.PostAsync("/body/inferred", Json("""{"title":"Emma","pages":474}"""));

        await ResponseAssert.JsonAsync(response, """{"title":"Emma","pages":474}""");
    }

    [Fact]
    public async Task Body_PropertyNames_MatchCaseInsensitivelyAsInWebDefaults()
    {
        using var response = await _client.PostAsync("/body/inferred", Json("""{"Title":"Emma","PAGES":474}"""));

        await ResponseAssert.JsonAsync(response, """{"title":"Emma","pages":474}""");
    }

    [Fact]
    public async Task Body_InferredOnPut_BindsJsonNextToRouteValue()
    {
        using var response = await _client.PutAsync("/body/12", Json("""{"title":"Ulysses","pages":730}"""));

        await ResponseAssert.TextAsync(response, "12|Ulysses|730");
    }

    [Fact]
    public async Task Body_InferredOnPatch_BindsPartialJson()
    {
        using var response = await _client.PatchAsync("/body/12", Json("""{"pages":731}"""));

        await ResponseAssert.TextAsync(response, "12|null|731");
    }

    [Fact]
    public async Task Body_JsonWithCharsetParameter_IsAccepted()
    {
        using var content = new StringContent("""{"title":"Dune","pages":1}""", Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        using var response = await _client.PostAsync("/body/inferred", content);

        await ResponseAssert.JsonAsync(response, """{"title":"Dune","pages":1}""");
    }

    [Fact]
    public async Task Body_NullableAndAbsent_BindsNull()
    {
        using var response = await _client.PostAsync("/body/optional", content: null);

        await ResponseAssert.TextAsync(response, "none");
    }

    [Fact]
    public async Task Body_NullableAndSent_Binds()
    {
        using var response = await _client.PostAsync("/body/optional", Json("""{"title":"Persuasion","pages":249}"""));

        await ResponseAssert.TextAsync(response, "Persuasion");
    }
}
