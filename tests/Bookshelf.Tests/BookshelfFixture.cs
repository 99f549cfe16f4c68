using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>
/// The sample app on TestServer with a SQLite file of its own, shared by the tests of one class (xunit creates one
/// fixture per class). Tests in a class run one after another, so each may add rows, but none may change the
/// seeded ones: the other tests of the class count on them.
/// </summary>
public sealed class BookshelfFixture : IAsyncLifetime
{
    /// <summary>The time every write is stamped with, so bodies are predictable.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bookshelf-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private HttpClient? _client;

    /// <summary>A client whose requests go straight to the app, in memory.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The database file this fixture's app uses.</summary>
    public string DatabasePath => Path.Combine(_directory, "bookshelf.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _app = BookshelfApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration[BookshelfDatabase.PathKey] = DatabasePath;
            builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        });
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            // Pooled connections keep the file open; return them before deleting it.
            _app.Services.GetRequiredService<BookshelfDatabase>().ClosePooledConnections();
            await _app.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>A clock that always says the same time.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
