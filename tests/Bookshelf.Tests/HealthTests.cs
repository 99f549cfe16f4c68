using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Bookshelf.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bookshelf.Tests;

/// <summary><c>/health</c> as a readiness probe: 200 while the database (and Redis, when used) answers, 503 when not.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bookshelf-health-" + Guid.NewGuid().ToString("N"));

    public HealthTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task Get_WhenTheDatabaseCannotBeOpened_Returns503ProblemNamingIt()
    {
        var file = Path.Combine(_directory, "gone.db");
        await using var app = await StartAsync(file);
        using var client = app.GetTestClient();
        await (await client.GetAsync("/health")).AssertStatusAsync(HttpStatusCode.OK);

        // The file becomes a folder: SQLite can no longer open it.
        app.Services.GetRequiredService<BookshelfDatabase>().ClosePooledConnections();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        Directory.CreateDirectory(file);

        using var response = await client.GetAsync("/health");
        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("The database (SQLite) is unavailable.", problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(DataExceptionHandler.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Get_WhenRedisIsConfiguredButDown_Returns503ProblemNamingIt()
    {
        await using var app = await StartAsync(Path.Combine(_directory, "redis.db"), "127.0.0.1:1,connectTimeout=300,asyncTimeout=300");
        using var client = app.GetTestClient();

        var problem = await (await client.GetAsync("/health")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Redis is unavailable.", problem.GetProperty("detail").GetString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<WebApplication> StartAsync(string database, string? redis = null)
    {
        // Bookshelf:Redis decides which services are registered, so it comes with the command line, as in production.
        var app = BookshelfApp.Build(redis is null ? [] : [$"--{SharedState.RedisKey}={redis}"], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration[BookshelfDatabase.PathKey] = database;
        });
        await app.StartAsync();
        return app;
    }
}
