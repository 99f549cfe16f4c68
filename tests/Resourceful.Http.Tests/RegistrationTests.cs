using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>What <c>MapResources()</c> and <c>Map{Resource}()</c> register, and that conventions reach it. Each test starts its own app.</summary>
public sealed class RegistrationTests
{
    private static readonly string[] HandlerMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private sealed record Marker(string Name);

    [Fact]
    public async Task MapResources_WithMetadata_ReachesEveryHandlerEndpoint()
    {
        var marker = new Marker("all");
        await using var host = await ResourceHost.StartAsync(app => app.MapResources().WithMetadata(marker));

        var endpoints = HandlerEndpoints(host);

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Same(marker, e.Metadata.GetMetadata<Marker>()));
    }

    [Fact]
    public async Task MapResources_AddConvention_ReachesEveryHandlerEndpoint()
    {
        await using var host = await ResourceHost.StartAsync(
            app => app.MapResources().Add(builder => builder.Metadata.Add(new Marker("added"))));

        var endpoints = HandlerEndpoints(host);

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Equal("added", e.Metadata.GetMetadata<Marker>()?.Name));
    }

    [Fact]
    public async Task MapResources_RequireAuthorization_AddsAuthorizeDataToEveryHandlerEndpoint()
    {
        await using var host = await ResourceHost.StartAsync(app => app.MapResources().RequireAuthorization("readers"));

        var endpoints = HandlerEndpoints(host);

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == "readers"));
    }

    [Fact]
    public async Task MapResources_MapsEveryResourceOfTheAssembly()
    {
        await using var host = await ResourceHost.StartAsync(static app => app.MapResources());

        var patterns = HandlerEndpoints(host).Select(e => e.RoutePattern.RawText ?? string.Empty).ToArray();

        foreach (var prefix in new[] { "/books", "/route/", "/query/", "/headers/", "/body/", "/services/", "/instances", "/results/", "/links/" })
        {
            Assert.Contains(patterns, p => p.StartsWith(prefix, System.StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task MapResources_ReturnsABuilderListingItsEndpoints()
    {
        Resourceful.ResourceConventionBuilder? builder = null;
        await using var host = await ResourceHost.StartAsync(app => builder = app.MapResources());

        Assert.NotNull(builder);
        Assert.NotEmpty(builder.Endpoints);
    }

    [Fact]
    public async Task MapResource_ForOneClass_MapsOnlyThatResource()
    {
        await using var host = await ResourceHost.StartAsync(static app => app.MapBooks());

        var patterns = HandlerEndpoints(host).Select(e => e.RoutePattern.RawText ?? string.Empty).ToArray();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.StartsWith("/books", p, System.StringComparison.Ordinal));
        using var book = await host.Client.GetAsync("/books/42");
        Assert.Equal(HttpStatusCode.OK, book.StatusCode);
        using var other = await host.Client.GetAsync("/results/text");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task MapResource_ForOneClass_ReturnsABuilderForItsEndpointsOnly()
    {
        var marker = new Marker("books");
        await using var host = await ResourceHost.StartAsync(app =>
        {
            app.MapBooks().WithMetadata(marker);
            app.MapResultKinds();
        });

        var endpoints = HandlerEndpoints(host);

        Assert.All(
            endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/books", System.StringComparison.Ordinal)),
            e => Assert.Same(marker, e.Metadata.GetMetadata<Marker>()));
        var results = endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/results", System.StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(results);
        Assert.All(results, e => Assert.Null(e.Metadata.GetMetadata<Marker>()));
    }

    [Fact]
    public async Task MapResources_Endpoints_DeclareTheirHttpMethods()
    {
        await using var host = await ResourceHost.StartAsync(static app => app.MapBooks());

        var methods = HandlerEndpoints(host)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            .ToHashSet();

        Assert.Contains("GET", methods);
        Assert.Contains("POST", methods);
    }

    // Endpoints the generator may add besides the handlers (OPTIONS, 405 answers) are not what conventions
    // like RequireAuthorization are asserted on here; the handlers are.
    private static List<RouteEndpoint> HandlerEndpoints(ResourceHost host)
        => host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
                && methods.HttpMethods.Any(m => HandlerMethods.Contains(m)))
            .ToList();
}
