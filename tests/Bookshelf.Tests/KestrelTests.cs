using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>The app as <c>dotnet run</c> starts it: on Kestrel, over a real socket, with a fresh database file.</summary>
public sealed class KestrelTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bookshelf-kestrel-" + Guid.NewGuid().ToString("N"));

    public KestrelTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task Run_OnAFreeLoopbackPort_CreatesTheDatabaseAndServesBooks()
    {
        var database = Path.Combine(_directory, "run.db");
        await using var running = await RunningApp.StartAsync(database);

        var page = await (await running.Client.GetAsync("/books")).ReadJsonAsync(HttpStatusCode.OK, BookshelfJsonContext.Default.BookPage);

        Assert.Equal(6, page.Total);
        Assert.True(File.Exists(database));
    }

    [Fact]
    public async Task Head_OnBook_ReturnsTheGetHeadersWithoutABody()
    {
        await using var running = await RunningApp.StartAsync(Path.Combine(_directory, "head.db"));

        using var get = await running.Client.GetAsync("/books/3");
        using var head = await running.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/books/3"));

        await head.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Build_WithoutConfiguredUrls_ListensOnTheDefaultUrl()
    {
        await using var app = BookshelfApp.Build([DatabaseArgument(Path.Combine(_directory, "default.db"))], builder => builder.WebHost.UseTestServer());

        Assert.Equal(BookshelfApp.DefaultUrl, app.Configuration[WebHostDefaults.ServerUrlsKey]);
        app.Services.GetRequiredService<BookshelfDatabase>().ClosePooledConnections();
    }

    [Fact]
    public async Task Build_WithUrlsArgument_KeepsIt()
    {
        await using var app = BookshelfApp.Build(["--urls", "http://127.0.0.1:5999", DatabaseArgument(Path.Combine(_directory, "urls.db"))], builder => builder.WebHost.UseTestServer());

        Assert.Equal("http://127.0.0.1:5999", app.Configuration[WebHostDefaults.ServerUrlsKey]);
        app.Services.GetRequiredService<BookshelfDatabase>().ClosePooledConnections();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string DatabaseArgument(string path) => $"--{BookshelfDatabase.PathKey}={path}";

    /// <summary>The app started on Kestrel, and a client pointed at it; disposing stops both.</summary>
    private sealed class RunningApp(WebApplication app, HttpClient client) : IAsyncDisposable
    {
        public HttpClient Client => client;

        public static async Task<RunningApp> StartAsync(string database)
        {
            // Port 0 asks the OS for a free port; once started, Kestrel reports the one it bound.
            var app = BookshelfApp.Build(["--urls", "http://127.0.0.1:0", DatabaseArgument(database)]);
            await app.StartAsync();
            return new RunningApp(app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            app.Services.GetRequiredService<BookshelfDatabase>().ClosePooledConnections();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
