using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// Issue 14, item 8: <c>[Resource(AutomaticOptions = false, AutomaticHead = false)]</c> take the method out of
/// <c>Allow</c> and answer <c>405</c>; the <c>OPTIONS</c> description names only wire-level facts and nothing the app
/// hides from API descriptions. (The project-wide MSBuild properties are covered by the generator's tests.)
/// </summary>
public sealed class SwitchesTests(SemanticsHostFixture fixture) : IClassFixture<SemanticsHostFixture>
{
    [Fact]
    public async Task Options_WhenAutomaticOptionsIsOff_Answers405WithoutOptionsInAllow()
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/semantics/switches/no-options"));

        Status(response, HttpStatusCode.MethodNotAllowed, await response.Content.ReadAsStringAsync());
        Assert.Equal("GET, HEAD, POST", Allow(response));

        // The same 405 as any other method the path does not take: a problem, not routing's empty answer.
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Options_WhenAutomaticOptionsIsOff_StillServesHead()
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/semantics/switches/no-options"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Head_WhenAutomaticHeadIsOff_Answers405WithoutHeadInAllow()
    {
        using var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/semantics/switches/no-head"));
        using var options = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/semantics/switches/no-head"));
        using var get = await fixture.Client.GetAsync("/semantics/switches/no-head");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.DoesNotContain("HEAD", Allow(head));
        Assert.Equal("GET, OPTIONS", Allow(options));
        Assert.Equal("read", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OptionsJson_NamesNoHandlerNoCSharpTypeAndNoHiddenHandler()
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Options, "/semantics/switches/hidden", null, ("Accept", "application/json")));

        // POST stays in Allow (the method exists, and routing's 405 would say so too); its handler, and the query
        // option only it reads, are not described.
        await ResponseAssert.JsonAsync(
            response,
            """{"path":"/semantics/switches/hidden","allow":["GET","HEAD","POST","OPTIONS"],"methods":[""" +
            """{"method":"GET","parameters":[{"name":"page","in":"query","type":"integer","required":false}],"responses":[200],"produces":"text/plain"}]}""");
    }

    [Theory]
    [InlineData("/semantics/described/1")]
    [InlineData("/semantics/described")]
    [InlineData("/semantics/items/1")]
    public async Task OptionsJson_DisclosesNoCSharpName(string path)
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Options, path, null, ("Accept", "application/json")));

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.OK, body);
        Assert.DoesNotContain("handler", body);
        Assert.DoesNotContain("Resourceful.", body);
        Assert.DoesNotContain("StockItem", body);
        Assert.DoesNotContain("\"item\"", body);
        Assert.DoesNotContain("\"int\"", body);
    }
}
