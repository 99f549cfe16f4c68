using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>An <c>ISession</c> parameter, through Kestrel with a real cookie jar; and the start-up failure without sessions.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task Session_WithACookieJar_KeepsStateAcrossRequests()
    {
        await using var host = await ResourceHost.StartAsync(static app => app.MapSessionValues(), kestrel: true);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = host.Client.BaseAddress };

        Assert.Equal("0", await client.GetStringAsync("/session/visits"));
        using (var first = await client.PostAsync("/session/visits", content: null))
        {
            Assert.Equal("1", await first.Content.ReadAsStringAsync());
            Assert.Contains(first.Headers.GetValues("Set-Cookie"), static c => c.StartsWith(SessionDefaults.CookieName + "=", StringComparison.Ordinal));
        }

        using (var second = await client.PostAsync("/session/visits", content: null))
        {
            Assert.Equal("2", await second.Content.ReadAsStringAsync());
        }

        Assert.Equal("2", await client.GetStringAsync("/session/visits"));
        Assert.Equal("yes", await client.GetStringAsync("/session/available"));

        // Another visitor (no cookie) has a session of its own.
        using var stranger = new HttpClient { BaseAddress = host.Client.BaseAddress };
        Assert.Equal("0", await stranger.GetStringAsync("/session/visits"));
    }

    [Fact]
    public async Task Map_SessionsNotConfigured_FailsAtStartupNamingTheHandler()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ResourceHost.StartAsync(
            static app => app.MapSessionValues(),
            configure: static builder => builder.Services.RemoveAll<ISessionStore>()));

        Assert.Contains("Resourceful.Http.Tests.Resources.SessionValues.", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddSession()", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseSession()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_UseSessionNotCalled_FailsWithAClearMessage()
    {
        // The session middleware's position can only be seen per request: a context without its feature.
        var context = new DefaultHttpContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Resourceful.Runtime.ResourcefulSession.LoadAsync(context, "Shop.Cart.Get"));

        Assert.Contains("Shop.Cart.Get", error.Message, StringComparison.Ordinal);
        Assert.Contains("app.UseSession()", error.Message, StringComparison.Ordinal);
    }
}
