using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Bookshelf.Data;

/// <summary>The SQLite file that holds the bookshelf: opens connections to it, and creates and seeds it on first use.</summary>
public sealed class BookshelfDatabase
{
    /// <summary>The configuration key of the database file's path.</summary>
    public const string PathKey = "Bookshelf:Database";

    /// <summary>The database file used when <see cref="PathKey"/> is not configured, relative to the content root.</summary>
    public const string DefaultPath = "bookshelf.db";

    private readonly string _connectionString;

    /// <summary>Points at the database file <paramref name="path"/>; nothing is opened until a connection is asked for.</summary>
    public BookshelfDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // SQLite checks REFERENCES clauses only when each connection asks for it.
            ForeignKeys = true,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Opens a connection. Connections are pooled, so opening one per operation is cheap.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Opens a connection. Connections are pooled, so opening one per operation is cheap.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs the cheapest query there is; throws when the database cannot be opened or read.</summary>
    public void Ping()
    {
        using var connection = Open();
        connection.ExecuteInt64("SELECT 1");
    }

    /// <summary>Returns the pooled connections to this file, so that the file can be deleted.</summary>
    public void ClosePooledConnections()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Creates the tables that do not exist yet, and adds a few books when the shelf is empty.</summary>
    public void EnsureCreated(TimeProvider clock)
    {
        using var connection = Open();

        // Write-ahead logging lets requests read while another one writes.
        connection.Execute("PRAGMA journal_mode = WAL;");

        using var transaction = connection.BeginTransaction();
        connection.Execute(Schema);

        // A file made before books had a version gets the column; every row starts at version 1.
        if (connection.ExecuteInt64("SELECT COUNT(*) FROM pragma_table_info('books') WHERE name = 'version';") == 0)
        {
            connection.Execute("ALTER TABLE books ADD COLUMN version INTEGER NOT NULL DEFAULT 1;");
        }

        if (connection.ExecuteInt64("SELECT COUNT(*) FROM authors;") == 0)
        {
            Seed.Insert(connection, clock.GetUtcNow());
        }

        transaction.Commit();
    }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS authors (
            id         INTEGER PRIMARY KEY,
            name       TEXT    NOT NULL,
            born_year  INTEGER NULL
        );

        CREATE TABLE IF NOT EXISTS books (
            id         INTEGER PRIMARY KEY,
            title      TEXT    NOT NULL,
            author_id  INTEGER NOT NULL REFERENCES authors (id),
            isbn       TEXT    NOT NULL UNIQUE,
            year       INTEGER NOT NULL,
            genre      TEXT    NOT NULL,
            added_at   TEXT    NOT NULL,
            version    INTEGER NOT NULL DEFAULT 1
        );

        CREATE INDEX IF NOT EXISTS books_author_id ON books (author_id);

        CREATE TABLE IF NOT EXISTS book_tags (
            book_id    INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
            tag        TEXT    NOT NULL,
            PRIMARY KEY (book_id, tag)
        );

        CREATE TABLE IF NOT EXISTS shelves (
            id          INTEGER PRIMARY KEY,
            name        TEXT    NOT NULL UNIQUE,
            description TEXT    NULL
        );

        CREATE TABLE IF NOT EXISTS shelf_books (
            shelf_id   INTEGER NOT NULL REFERENCES shelves (id) ON DELETE CASCADE,
            book_id    INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
            PRIMARY KEY (shelf_id, book_id)
        );

        CREATE TABLE IF NOT EXISTS reviews (
            id         INTEGER PRIMARY KEY,
            book_id    INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
            reviewer   TEXT    NOT NULL,
            rating     INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
            text       TEXT    NULL,
            created_at TEXT    NOT NULL
        );

        CREATE INDEX IF NOT EXISTS reviews_book_id ON reviews (book_id);
        """;
}
