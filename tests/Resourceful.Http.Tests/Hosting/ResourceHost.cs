using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Resourceful.Http.Tests.Resources;
using Resourceful.Http.Tests.Resources.Semantics;

namespace Resourceful.Http.Tests.Hosting;

/// <summary>
/// A running app on TestServer, built the way a user builds one: <c>CreateSlimBuilder</c>, the test services,
/// then whatever mapping the caller asks for.
/// </summary>
public sealed class ResourceHost : IAsyncDisposable
{
    /// <summary>Header that makes the test middleware sign the request in as the given user name.</summary>
    public const string UserHeader = "X-Test-User";

    // German formats 1.5 as "1,5" and reads "1.5" as 15, so any parsing or formatting that forgets the
    // invariant culture shows up as a wrong value rather than passing by luck on an en-US machine.
    private static readonly CultureInfo ServerCulture = CultureInfo.GetCultureInfo("de-DE");

    private ResourceHost(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Starts an app whose endpoints come from <paramref name="map"/> (e.g. <c>app.MapResources()</c>).</summary>
    /// <param name="map">Maps the endpoints under test.</param>
    /// <param name="kestrel">
    /// Serve through Kestrel on a loopback port instead of TestServer, for behaviour that the real server owns on
    /// the wire (TestServer passes a HEAD response's body through; Kestrel drops it, as RFC 9110 requires).
    /// </param>
    /// <param name="configure">Adds to the test services and logging before the app is built.</param>
    public static async Task<ResourceHost> StartAsync(Action<WebApplication> map, bool kestrel = false, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(map);

        // Production, whatever the machine says, so error responses are the ones users' clients see.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        // Every resource of this assembly can be mapped here, and MapResources() checks at start-up that each one's
        // required services are registered: so all of them are.
        builder.Services.AddTestServices();
        builder.Services.AddSemanticsServices();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Use(static (context, next) =>
        {
            CultureInfo.CurrentCulture = ServerCulture;
            CultureInfo.CurrentUICulture = ServerCulture;
            if (context.Request.Headers[UserHeader] is [{ } name])
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "Test"));
            }

            return next(context);
        });
        app.UseSession();
        map(app);

        await app.StartAsync();
        var client = kestrel ? new HttpClient { BaseAddress = new Uri(app.Urls.First()) } : app.GetTestClient();
        return new ResourceHost(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
