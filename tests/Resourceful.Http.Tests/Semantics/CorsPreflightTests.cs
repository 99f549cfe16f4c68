using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Resources.Semantics;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// §2, row 5: a CORS preflight (<c>OPTIONS</c> + <c>Origin</c> + <c>Access-Control-Request-Method</c>) is left to
/// ASP.NET Core's CORS middleware, never shadowed by the generated <c>OPTIONS</c> answer. Each test builds the
/// CORS set-up it is about.
/// </summary>
public sealed class CorsPreflightTests
{
    private const string Client = "https://client.test";
    private const string Partner = "https://partner.test";
    private const string Stranger = "https://stranger.test";

    private static SemanticsHostOptions DefaultPolicy() => new()
    {
        Services = static services => services.AddCors(static cors => cors.AddDefaultPolicy(
            static policy => policy.WithOrigins(Client).WithMethods("GET", "PUT").WithHeaders("content-type"))),
        Pipeline = static app => app.UseCors(),
    };

    private static SemanticsHostOptions NamedPolicyOnly() => new()
    {
        Services = static services => services.AddCors(static cors => cors.AddPolicy(
            PartnerItems.PartnersPolicy,
            static policy => policy.WithOrigins(Partner).WithMethods("PUT").WithHeaders("content-type"))),
        Pipeline = static app => app.UseCors(),
    };

    private static HttpRequestMessage Preflight(string path, string origin, string method) =>
        Request(
            HttpMethod.Options,
            path,
            null,
            ("Origin", origin),
            ("Access-Control-Request-Method", method),
            ("Access-Control-Request-Headers", "content-type"));

    [Theory]
    [InlineData("/semantics/cors/1", "PUT")]
    [InlineData("/semantics/cors", "GET")]
    public async Task Preflight_WithADefaultPolicy_IsAnsweredByTheCorsMiddleware(string path, string method)
    {
        await using var host = await SemanticsHost.StartAsync(DefaultPolicy());

        using var response = await host.Client.SendAsync(Preflight(path, Client, method));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Client, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods") ?? string.Empty, System.StringComparison.Ordinal);
        Assert.Equal("content-type", Header(response, "Access-Control-Allow-Headers"));

        // The generated OPTIONS answer did not run: it would have added Allow.
        Assert.Null(Allow(response));
    }

    [Fact]
    public async Task Preflight_FromAnOriginThePolicyRefuses_GetsNoCorsHeaders()
    {
        await using var host = await SemanticsHost.StartAsync(DefaultPolicy());

        using var response = await host.Client.SendAsync(Preflight("/semantics/cors/1", Stranger, "PUT"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Allow(response));
    }

    [Fact]
    public async Task Preflight_ForANamedPolicyOnTheResource_IsAnsweredWithThatPolicy()
    {
        await using var host = await SemanticsHost.StartAsync(NamedPolicyOnly());

        using var response = await host.Client.SendAsync(Preflight("/semantics/partners/1", Partner, "PUT"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Partner, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("PUT", Header(response, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Preflight_ForANamedPolicyOnOneMethod_IsAnsweredWithThatPolicy()
    {
        await using var host = await SemanticsHost.StartAsync(NamedPolicyOnly());

        using var response = await host.Client.SendAsync(Preflight("/semantics/partner-methods/1", Partner, "PUT"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Partner, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("PUT", Header(response, "Access-Control-Allow-Methods"));
        Assert.Null(Allow(response));
    }

    [Fact]
    public async Task Preflight_WithoutAnyCorsPolicy_IsAnOrdinaryOptionsRequest()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.SendAsync(Preflight("/semantics/cors/1", Client, "PUT"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("PUT, OPTIONS", Allow(response));
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Options_WithoutOrigin_IsAnsweredByTheGeneratedEndpointEvenWithAPolicy()
    {
        await using var host = await SemanticsHost.StartAsync(DefaultPolicy());

        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/semantics/cors/1"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("PUT, OPTIONS", Allow(response));
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task CrossOriginGet_WithADefaultPolicy_CarriesTheCorsHeaderOnTheHandlersResponse()
    {
        await using var host = await SemanticsHost.StartAsync(DefaultPolicy());

        using var response = await host.Client.SendAsync(Request(HttpMethod.Get, "/semantics/cors", null, ("Origin", Client)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Client, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task CrossOriginPut_WithANamedPolicyOnTheResource_CarriesTheCorsHeaderOnTheHandlersResponse()
    {
        await using var host = await SemanticsHost.StartAsync(NamedPolicyOnly());

        using var response = await host.Client.SendAsync(
            Request(HttpMethod.Put, "/semantics/partners/1", Json("""{"name":"Bolt","quantity":3}"""), ("Origin", Partner)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Partner, Header(response, "Access-Control-Allow-Origin"));
    }
}
