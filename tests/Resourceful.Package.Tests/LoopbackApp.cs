using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Resourceful.Package.Tests;

/// <summary>Serves a built consumer app on a free loopback port, for tests that send it real requests.</summary>
internal static class LoopbackApp
{
    /// <summary>A cold start of a just-built app on a busy CI box can take a while.</summary>
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Starts the built app <paramref name="assembly"/> in the Production environment (as users deploy it, unlike
    /// WebApplicationFactory's Development) on a free loopback port, and gives a client for it; the caller stops it.
    /// </summary>
    public static Process StartInProduction(string directory, string assembly, out HttpClient client, out StringBuilder output)
    {
        string baseAddress = $"http://127.0.0.1:{FreePort()}";
        Process app = DotnetCli.Start(
            directory,
            [assembly, "--urls", baseAddress],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            out output);
        client = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(10) };
        return app;
    }

    /// <summary>Asks the OS for a free port; the tiny window before Kestrel binds it is acceptable here.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until Kestrel answers; fails at once, with the app's output, if the app dies.</summary>
    public static async Task<HttpResponseMessage> GetOnceListeningAsync(
        HttpClient client, string path, Process app, StringBuilder appOutput)
    {
        var clock = Stopwatch.StartNew();
        Exception? lastError = null;
        while (clock.Elapsed < StartupTimeout)
        {
            if (app.HasExited)
            {
                Assert.Fail($"The app exited with {app.ExitCode} before answering.\nApp output:\n{DotnetCli.Snapshot(appOutput)}");
            }

            try
            {
                return await client.GetAsync(path);
            }
            catch (HttpRequestException error)
            {
                // Not listening yet.
                lastError = error;
            }
            catch (TaskCanceledException error)
            {
                lastError = error;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Assert.Fail($"The app did not answer within {StartupTimeout}: {lastError?.Message}\nApp output:\n{DotnetCli.Snapshot(appOutput)}");
        throw new InvalidOperationException("Unreachable: Assert.Fail throws.");
    }
}
