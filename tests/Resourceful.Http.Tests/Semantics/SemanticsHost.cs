using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Resourceful.Http.Tests.Resources;
using Resourceful.Http.Tests.Resources.Semantics;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>How to build one app for the HTTP semantics tests; every part has the plain default.</summary>
public sealed class SemanticsHostOptions
{
    /// <summary>Serve through Kestrel on 127.0.0.1 instead of TestServer, for what only a real server does on the wire.</summary>
    public bool Kestrel { get; init; }

    /// <summary>The host environment; Production unless a test is about Development.</summary>
    public string Environment { get; init; } = Environments.Production;

    /// <summary>Services on top of the project's test services and the semantics store.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Kestrel's own limits, when <see cref="Kestrel"/> is set.</summary>
    public Action<KestrelServerOptions>? ConfigureKestrel { get; init; }

    /// <summary>Middleware that runs before the endpoints (CORS, authentication, exception handling).</summary>
    public Action<WebApplication>? Pipeline { get; init; }
}

/// <summary>
/// A running app built the way users build one (<c>CreateSlimBuilder</c>, services, middleware,
/// <c>app.MapResources()</c>), whose client never follows redirects, and whose log lines are kept for assertions.
/// </summary>
public sealed class SemanticsHost : IAsyncDisposable
{
    private SemanticsHost(WebApplication app, HttpClient client, LogSink logs)
    {
        App = app;
        Client = client;
        Logs = logs;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public LogSink Logs { get; }

    /// <summary>The app's singleton store, to compare before and after a request.</summary>
    public SemanticsStore Store => App.Services.GetRequiredService<SemanticsStore>();

    public static async Task<SemanticsHost> StartAsync(SemanticsHostOptions? options = null)
    {
        options ??= new SemanticsHostOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = options.Environment });
        if (options.Kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            if (options.ConfigureKestrel is { } configure)
            {
                builder.WebHost.ConfigureKestrel(configure);
            }
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        var logs = new LogSink();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddTestServices();
        builder.Services.AddSemanticsServices();
        options.Services?.Invoke(builder.Services);

        var app = builder.Build();
        options.Pipeline?.Invoke(app);
        app.MapResources();
        await app.StartAsync();

        // Redirects are what the MovedFrom tests look at, so no client here follows them.
        var client = options.Kestrel
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) }
            : app.GetTestClient();
        return new SemanticsHost(app, client, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
