using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// §2, row 4: <c>OPTIONS</c> with <c>Accept: application/json</c> answers <c>200</c> with a compact description of
/// the path's methods, parameters and status codes, written at compile time.
/// </summary>
public sealed class OptionsJsonDescriptionTests(SemanticsHostFixture fixture) : IClassFixture<SemanticsHostFixture>
{
    // Handlers sorted by method; parameters by the names the client sends, in declaration order, with JSON Schema
    // types; the body by its media type and JSON type (never a C# name); services and HttpContext left out; an IResult
    // handler lists no codes and says other responses are possible.
    private const string ItemPathDescription =
        """{"path":"/semantics/described/{id:int}","allow":["GET","HEAD","PUT","PATCH","DELETE","OPTIONS"],"methods":[""" +
        """{"method":"GET","parameters":[{"name":"id","in":"route","type":"integer","required":true},{"name":"X-Tenant","in":"header","type":"string","required":false},{"name":"verbose","in":"query","type":"boolean","required":false}],"responses":[200,404],"produces":"application/json"},""" +
        """{"method":"PUT","parameters":[{"name":"id","in":"route","type":"integer","required":true}],"body":{"mediaType":"application/json","type":"object","required":true},"responses":[204]},""" +
        """{"method":"PATCH","parameters":[{"name":"number","in":"route","type":"integer","required":true}],"body":{"mediaType":"application/json","type":"object","required":true},"responses":[200],"produces":"text/plain"},""" +
        """{"method":"DELETE","parameters":[{"name":"id","in":"route","type":"integer","required":true}],"responses":[],"otherResponses":true}]}""";

    private const string CollectionDescription =
        """{"path":"/semantics/described","allow":["POST","OPTIONS"],"methods":[""" +
        """{"method":"POST","parameters":[],"body":{"mediaType":"application/json","type":"object","required":true},"responses":[201],"produces":"application/json"}]}""";

    [Fact]
    public async Task OptionsJson_OnAnItemPath_DescribesEveryHandlerOfThePath()
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Options, "/semantics/described/1", null, ("Accept", "application/json")));

        await ResponseAssert.JsonAsync(response, ItemPathDescription);
        Assert.Equal("GET, HEAD, PUT, PATCH, DELETE, OPTIONS", Allow(response));
    }

    [Fact]
    public async Task OptionsJson_OnACollectionPath_DescribesItsHandlers()
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Options, "/semantics/described", null, ("Accept", "application/json")));

        await ResponseAssert.JsonAsync(response, CollectionDescription);
        Assert.Equal("POST, OPTIONS", Allow(response));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("text/html, application/json;q=0.5")]
    [InlineData("application/json; charset=utf-8")]
    public async Task OptionsJson_WhenAcceptNamesJson_AnswersTheDescription(string accept)
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Options, "/semantics/described", null, ("Accept", accept)));

        await ResponseAssert.JsonAsync(response, CollectionDescription);
    }

    [Fact]
    public async Task OptionsJson_OnTheItemsResource_AgreesWithTheAllowHeader()
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Options, "/semantics/items/1", null, ("Accept", "application/json")));

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.OK, body);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal("/semantics/items/{id:int}", root.GetProperty("path").GetString());
        var allow = root.GetProperty("allow").EnumerateArray().Select(static m => m.GetString()).ToArray();
        Assert.Equal(Allow(response), string.Join(", ", allow));
        var methods = root.GetProperty("methods").EnumerateArray().Select(static m => m.GetProperty("method").GetString() ?? string.Empty).ToArray();
        Assert.Equal(["GET", "PUT", "PATCH", "DELETE"], methods);
        Assert.Equal(
            [200, 404],
            root.GetProperty("methods")[0].GetProperty("responses").EnumerateArray().Select(static c => c.GetInt32()).ToArray());
    }

    [Fact]
    public async Task OptionsJson_OnTheItemsCollection_ListsTheCodesOfAValueAndACreatedResult()
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Options, "/semantics/items", null, ("Accept", "application/json")));

        await ResponseAssert.JsonAsync(
            response,
            """{"path":"/semantics/items","allow":["GET","HEAD","POST","OPTIONS"],"methods":[""" +
            """{"method":"GET","parameters":[],"responses":[200],"produces":"application/json"},""" +
            """{"method":"POST","parameters":[],"body":{"mediaType":"application/json","type":"object","required":true},"responses":[201],"produces":"application/json"}]}""");
    }

    [Fact]
    public async Task OptionsJson_IsTheSameBytesOnEveryRequest()
    {
        using var first = await fixture.Client.SendAsync(Request(HttpMethod.Options, "/semantics/described/1", null, ("Accept", "application/json")));
        using var second = await fixture.Client.SendAsync(Request(HttpMethod.Options, "/semantics/described/2", null, ("Accept", "application/json")));

        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(ItemPathDescription.Length, first.Content.Headers.ContentLength);
    }
}
