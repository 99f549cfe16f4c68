using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Resources.Semantics;
using Xunit;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>One plain app (TestServer, Production) shared by the tests of one class.</summary>
public class SemanticsHostFixture : IAsyncLifetime
{
    private readonly SemanticsHostOptions _options;
    private SemanticsHost? _host;

    public SemanticsHostFixture()
        : this(new SemanticsHostOptions())
    {
    }

    protected SemanticsHostFixture(SemanticsHostOptions options) => _options = options;

    public SemanticsHost Host => _host ?? throw new System.InvalidOperationException("The host has not started.");

    public HttpClient Client => Host.Client;

    public SemanticsStore Store => Host.Store;

    public async Task InitializeAsync() => _host = await SemanticsHost.StartAsync(_options);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>The same app on Kestrel (127.0.0.1), for HEAD bodies and body limits, which the real server enforces.</summary>
public sealed class KestrelSemanticsHostFixture() : SemanticsHostFixture(new SemanticsHostOptions { Kestrel = true });
