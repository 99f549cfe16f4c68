using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Resourceful.Http.Tests.Hosting;

/// <summary>One app with every resource mapped through <c>app.MapResources()</c>, shared by one test class.</summary>
public class ResourceHostFixture : IAsyncLifetime
{
    private readonly bool _kestrel;
    private ResourceHost? _host;

    public ResourceHostFixture()
        : this(kestrel: false)
    {
    }

    protected ResourceHostFixture(bool kestrel) => _kestrel = kestrel;

    public HttpClient Client => Host.Client;

    public ResourceHost Host => _host ?? throw new System.InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await ResourceHost.StartAsync(static app => app.MapResources(), _kestrel);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>The same app served by Kestrel on a loopback port, for what only the real server does on the wire.</summary>
public sealed class KestrelResourceHostFixture() : ResourceHostFixture(kestrel: true);
