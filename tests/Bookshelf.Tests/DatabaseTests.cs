using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>The database under the stores: SQLite or PostgreSQL, created and migrated at start-up.</summary>
public sealed class DatabaseTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    [Fact]
    public void Dialect_IsTheOneTheTestRunAsksFor()
    {
        var database = fixture.Services.GetRequiredService<BookshelfDatabase>();

        Assert.Equal(fixture.OnPostgres ? "PostgreSQL" : "SQLite", database.Dialect.Name);
    }

    [Fact]
    public void EnsureCreated_OnAnUpToDateDatabase_ChangesNothingAndRecordsTheVersion()
    {
        var database = fixture.Services.GetRequiredService<BookshelfDatabase>();

        database.EnsureCreated(new FixedTimeProvider(BookshelfFixture.Now));

        using var connection = database.Open();
        Assert.Equal(1, connection.ExecuteInt64("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(Schema.Version, connection.ExecuteInt64("SELECT version FROM schema_version"));
        Assert.Equal(4, connection.ExecuteInt64("SELECT COUNT(*) FROM authors WHERE id <= 4"));
    }

    [Fact]
    public async Task SecondInstance_OnTheSameDatabase_StartsWithoutSeedingAgainAndSeesTheFirstOnesWrites()
    {
        var shelf = await (await fixture.Client.PostAsync("/shelves", Http.Json(new Models.ShelfInput("Shared", null), BookshelfJsonContext.Default.ShelfInput)))
            .ReadJsonAsync(HttpStatusCode.Created, BookshelfJsonContext.Default.Shelf);

        await using var second = BookshelfApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration[BookshelfDatabase.PathKey] = fixture.DatabaseSetting;
        });
        await second.StartAsync();
        using var client = second.GetTestClient();

        var found = await (await client.GetAsync($"/shelves/{shelf.Id}")).ReadJsonAsync(HttpStatusCode.OK, BookshelfJsonContext.Default.Shelf);
        Assert.Equal("Shared", found.Name);
        var page = await (await client.GetAsync("/books?pageSize=1")).ReadJsonAsync(HttpStatusCode.OK, BookshelfJsonContext.Default.BookPage);
        Assert.Equal(6, page.Total);
        await second.StopAsync();
    }

    [Fact]
    public void For_PicksTheDialectFromTheSetting()
    {
        Assert.IsType<PostgresDialect>(SqlDialect.For("Host=db.internal;Database=bookshelf;Username=app", "/srv"));
        Assert.IsType<SqliteDialect>(SqlDialect.For("bookshelf.db", "/srv"));
        Assert.Equal("/srv/data/shelf.db", Assert.IsType<SqliteDialect>(SqlDialect.For("data/shelf.db", "/srv")).FilePath);
    }
}
