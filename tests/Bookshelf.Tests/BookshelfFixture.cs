using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Bookshelf.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>
/// The sample app on TestServer with a database of its own, shared by the tests of one class (xunit creates one
/// fixture per class). Tests in a class run one after another, so each may add rows, but none may change the
/// seeded ones: the other tests of the class count on them.
/// </summary>
/// <remarks>
/// The database is a SQLite file in a temporary folder, or, when the environment variable
/// <see cref="PostgresVariable"/> holds a PostgreSQL connection string (to a server, without a database), a new
/// database on that server, dropped afterwards. <c>tests/Bookshelf.Tests/run-on-postgres.sh</c> starts a server
/// and runs every test that way.
/// </remarks>
public sealed class BookshelfFixture : IAsyncLifetime
{
    /// <summary>The environment variable that points the tests at a PostgreSQL server.</summary>
    public const string PostgresVariable = "BOOKSHELF_TEST_POSTGRES";

    /// <summary>The time every write is stamped with, so bodies are predictable.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bookshelf-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgres = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;
    private readonly string _postgresDatabase = "bookshelf_test_" + Guid.NewGuid().ToString("N");
    private WebApplication? _app;
    private HttpClient? _client;

    /// <summary>A client whose requests go straight to the app, in memory, carrying a token with the role <c>admin</c>.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The fixture has not started.")).Services;

    /// <summary>Whether the tests run on PostgreSQL (<see cref="PostgresVariable"/> is set) rather than SQLite.</summary>
    public bool OnPostgres => _postgres is not null;

    /// <summary>The database file this fixture's app uses (on SQLite).</summary>
    public string DatabasePath => Path.Combine(_directory, "bookshelf.db");

    /// <summary>What <c>Bookshelf:Database</c> is set to: the file, or a PostgreSQL connection string.</summary>
    public string DatabaseSetting => _postgres is null
        ? DatabasePath
        : new NpgsqlConnectionStringBuilder(_postgres) { Database = _postgresDatabase }.ConnectionString;

    /// <summary>A new client with no token, or with <paramref name="token"/>, for the tests of 401 and 403.</summary>
    public HttpClient CreateClient(string? token = null)
    {
        var client = (_app ?? throw new InvalidOperationException("The fixture has not started.")).GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        if (_postgres is not null)
        {
            await using var connection = new NpgsqlConnection(_postgres);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync();
        }

        _app = BookshelfApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration[BookshelfDatabase.PathKey] = DatabaseSetting;
            TestTokens.AddTo(builder.Configuration);
            builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        });
        await _app.StartAsync();
        _client = CreateClient(TestTokens.Create("admin-tester", "admin"));
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            // Pooled connections keep the file (or the database) open; return them before deleting it.
            _app.Services.GetRequiredService<BookshelfDatabase>().ClosePooledConnections();
            await _app.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await using var connection = new NpgsqlConnection(_postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>A clock that always says the same time.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
