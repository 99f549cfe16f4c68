using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Bookshelf.Data;
using Bookshelf.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>A SQLite file made by the sample before schemas had versions is upgraded at start-up, keeping its rows.</summary>
public sealed class LegacyDatabaseTests : IDisposable
{
    // The schema the sample created before version 1: ids without AUTOINCREMENT, shelf names unique by case.
    private const string LegacySchema = """
        CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL, born_year INTEGER NULL);
        CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author_id INTEGER NOT NULL REFERENCES authors (id),
            isbn TEXT NOT NULL UNIQUE, year INTEGER NOT NULL, genre TEXT NOT NULL, added_at TEXT NOT NULL);
        CREATE INDEX books_author_id ON books (author_id);
        CREATE TABLE book_tags (book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE, tag TEXT NOT NULL, PRIMARY KEY (book_id, tag));
        CREATE TABLE shelves (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NULL);
        CREATE TABLE shelf_books (shelf_id INTEGER NOT NULL REFERENCES shelves (id) ON DELETE CASCADE,
            book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE, PRIMARY KEY (shelf_id, book_id));
        CREATE TABLE reviews (id INTEGER PRIMARY KEY, book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL, rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5), text TEXT NULL, created_at TEXT NOT NULL);
        CREATE INDEX reviews_book_id ON reviews (book_id);
        INSERT INTO authors VALUES (1, 'Old Author', 1950);
        INSERT INTO books VALUES (1, 'Kept', 1, '9780000000095', 1990, 'Fiction', '2024-01-01 00:00:00+00:00');
        INSERT INTO books VALUES (2, 'Deleted last', 1, '9780547928227', 1991, 'Fiction', '2024-01-01 00:00:00+00:00');
        INSERT INTO book_tags VALUES (1, 'old');
        INSERT INTO shelves VALUES (1, 'Old Shelf', NULL);
        INSERT INTO shelf_books VALUES (1, 1);
        INSERT INTO reviews VALUES (1, 1, 'ana', 4, NULL, '2024-01-01 00:00:00+00:00');
        DELETE FROM books WHERE id = 2;
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bookshelf-legacy-" + Guid.NewGuid().ToString("N"));

    public LegacyDatabaseTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task Start_OnAnUnversionedFile_UpgradesItKeepingRowsAndNeverReusingIds()
    {
        var file = Path.Combine(_directory, "legacy.db");
        using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = LegacySchema;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        await using var app = BookshelfApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration[BookshelfDatabase.PathKey] = file;
            TestTokens.AddTo(builder.Configuration);
        });
        await app.StartAsync();
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("admin", "admin"));
        var json = BookshelfJsonContext.Default;

        var kept = await (await client.GetAsync("/books/1")).ReadJsonAsync(HttpStatusCode.OK, json.Book);
        Assert.Equal("Kept", kept.Title);
        Assert.Equal(["old"], kept.Tags);
        var shelf = await (await client.GetAsync("/shelves/1")).ReadJsonAsync(HttpStatusCode.OK, json.Shelf);
        Assert.Equal([1], shelf.BookIds);
        await (await client.GetAsync("/books/1/reviews/1")).AssertStatusAsync(HttpStatusCode.OK);

        // AUTOINCREMENT now: the deleted last id 2 is not handed out again (the seed did not run: authors existed).
        var added = await (await client.PostAsync("/books", Http.Json(new BookInput("New", 1, Isbns.Digits(900600), 2000, Genre.Fantasy, null), json.BookInput)))
            .ReadJsonAsync(HttpStatusCode.Created, json.Book);
        Assert.True(added.Id >= 2);
        await (await client.SendIfMatchAsync(System.Net.Http.HttpMethod.Delete, $"/books/{added.Id}", Http.ETag(added.Version))).AssertStatusAsync(HttpStatusCode.NoContent);
        var next = await (await client.PostAsync("/books", Http.Json(new BookInput("Next", 1, Isbns.Digits(900601), 2000, Genre.Fantasy, null), json.BookInput)))
            .ReadJsonAsync(HttpStatusCode.Created, json.Book);
        Assert.True(next.Id > added.Id);

        // Shelf names are unique ignoring case now.
        await (await client.PostAsync("/shelves", Http.Json(new ShelfInput("OLD SHELF", null), json.ShelfInput))).ReadProblemAsync(HttpStatusCode.Conflict);

        app.Services.GetRequiredService<BookshelfDatabase>().ClosePooledConnections();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
