using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>The authorization-enabled app: the header scheme, the Editors policy, and the middleware.</summary>
public sealed class AuthorizationHostFixture() : SemanticsHostFixture(HeaderAuthenticationHandler.HostOptions());

/// <summary>
/// DESIGN §1 and the 401/403 rows: <c>[Authorize]</c> and <c>[AllowAnonymous]</c> on the class or a method become
/// endpoint metadata, so no identity answers <c>401</c> and an identity the policy refuses answers <c>403</c>, before
/// any binding. <c>OPTIONS</c> and <c>405</c> describe the interface and stay anonymous.
/// </summary>
public sealed class AuthorizationTests(AuthorizationHostFixture fixture) : IClassFixture<AuthorizationHostFixture>
{
    private const string User = HeaderAuthenticationHandler.UserHeader;
    private const string Roles = HeaderAuthenticationHandler.RolesHeader;

    [Fact]
    public async Task Get_OnAnAuthorizeClassWithoutIdentity_Answers401WithTheChallenge()
    {
        using var response = await SendWithoutChangeAsync(fixture.Host, new HttpRequestMessage(HttpMethod.Get, "/semantics/secured"), HttpStatusCode.Unauthorized);

        Assert.Equal(HeaderAuthenticationHandler.SchemeName, Header(response, "WWW-Authenticate"));
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Head_OnAnAuthorizeClassWithoutIdentity_Answers401()
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/semantics/secured"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_OnAnAuthorizeClassWithAnyIdentity_Answers200()
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Get, "/semantics/secured/me", null, (User, "ada")));

        await ResponseAssert.TextAsync(response, "ada");
    }

    [Fact]
    public async Task Get_AllowAnonymousMethodOnAnAuthorizeClass_Answers200WithoutIdentity()
    {
        using var response = await fixture.Client.GetAsync("/semantics/secured/public");

        await ResponseAssert.TextAsync(response, "open to anyone");
    }

    [Fact]
    public async Task Post_PolicyWithoutIdentity_Answers401()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Post, "/semantics/secured") { Content = Json("""{"name":"Washer","quantity":5}""") },
            HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_IdentityFailingThePolicy_Answers403()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            Request(HttpMethod.Post, "/semantics/secured", Json("""{"name":"Washer","quantity":5}"""), (User, "ada"), (Roles, "reader")),
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_IdentityPassingThePolicy_RunsTheHandler()
    {
        using var response = await fixture.Client.SendAsync(
            Request(HttpMethod.Post, "/semantics/secured", Json("""{"name":"Washer","quantity":5}"""), (User, "ada"), (Roles, "reader, editor")));

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.Created, body);
    }

    [Fact]
    public async Task Post_MalformedBodyWithoutIdentity_Answers401BeforeAnyBinding()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Post, "/semantics/secured") { Content = Json("{") },
            HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Delete_RolesAttributeWithoutTheRole_Answers403()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            Request(HttpMethod.Delete, "/semantics/secured/2", null, (User, "ada"), (Roles, "editor")),
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Delete_RolesAttributeWithTheRole_RunsTheHandler()
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Delete, "/semantics/secured/999", null, (User, "root"), (Roles, "admin")));

        // 404 comes from the handler, which only runs once authorization passed.
        await ResponseAssert.EmptyAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Options_OnAnAuthorizeClassWithoutIdentity_Answers204WithAllow()
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/semantics/secured"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET, HEAD, POST, OPTIONS", AllowedMethods(response));
    }

    [Fact]
    public async Task OptionsJson_OnAnAuthorizeClassWithoutIdentity_Answers200()
    {
        using var response = await fixture.Client.SendAsync(Request(HttpMethod.Options, "/semantics/secured/1", null, ("Accept", "application/json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("""{"path":"/semantics/secured/{id:int}","allow":["DELETE","OPTIONS"]""", await response.Content.ReadAsStringAsync(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndeclaredMethod_OnAnAuthorizeClassWithoutIdentity_Answers405()
    {
        using var response = await SendWithoutChangeAsync(fixture.Host, new HttpRequestMessage(HttpMethod.Put, "/semantics/secured"), HttpStatusCode.MethodNotAllowed);

        Assert.Equal("GET, HEAD, POST, OPTIONS", AllowedMethods(response));
    }
}
