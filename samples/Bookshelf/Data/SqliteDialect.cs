using System;
using System.Data.Common;
using System.IO;
using Microsoft.Data.Sqlite;

namespace Bookshelf.Data;

/// <summary>SQLite, the embedded default: one file, nothing to install.</summary>
public sealed class SqliteDialect : SqlDialect
{
    // SQLite's extended result codes for the constraints the schema declares.
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintForeignKey = 787;

    private readonly string _connectionString;

    /// <summary>The database file <paramref name="path"/>; nothing is opened until a connection is asked for.</summary>
    public SqliteDialect(string path)
    {
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

    /// <inheritdoc/>
    public override string Name => "SQLite";

    /// <inheritdoc/>
    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    /// <inheritdoc/>
    public override void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc/>
    /// <remarks>Without <c>AUTOINCREMENT</c> SQLite hands out the largest id + 1, so a deleted last row's id comes back.</remarks>
    public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    /// <inheritdoc/>
    public override string TimestampType => "TEXT";

    /// <inheritdoc/>
    public override string BinaryType => "BLOB";

    /// <inheritdoc/>
    /// <remarks>Microsoft.Data.Sqlite begins transactions with <c>BEGIN IMMEDIATE</c>, which already takes the write lock.</remarks>
    public override string LockSchema => "SELECT 1;";

    /// <inheritdoc/>
    /// <remarks>Write-ahead logging lets requests read while another one writes.</remarks>
    public override string Prepare => "PRAGMA journal_mode = WAL;";

    /// <inheritdoc/>
    public override string AfterSeed => "SELECT 1;";

    /// <inheritdoc/>
    /// <remarks>
    /// The sample's first files had the tables of version 1 but no <c>schema_version</c>, ids without
    /// <c>AUTOINCREMENT</c> (so a deleted last id came back) and shelf names unique only case-sensitively. SQLite
    /// cannot add <c>AUTOINCREMENT</c> or a column with a constraint to a table, so each such table is copied into
    /// a new one, as SQLite's documentation prescribes (foreign keys off while the tables are swapped, checked after).
    /// </remarks>
    public override void UpgradeUnversioned(DbConnection connection)
    {
        if (connection.ExecuteInt64("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_version', 'authors')") != 1
            || connection.ExecuteInt64("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'authors'") != 1)
        {
            return;
        }

        connection.Execute("PRAGMA foreign_keys = OFF;");
        try
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("ALTER TABLE authors RENAME TO legacy_authors;");
            connection.Execute("ALTER TABLE books RENAME TO legacy_books;");
            connection.Execute("ALTER TABLE shelves RENAME TO legacy_shelves;");
            connection.Execute("ALTER TABLE reviews RENAME TO legacy_reviews;");
            connection.Execute("ALTER TABLE book_tags RENAME TO legacy_book_tags;");
            connection.Execute("ALTER TABLE shelf_books RENAME TO legacy_shelf_books;");
            connection.Execute("DROP INDEX IF EXISTS books_author_id; DROP INDEX IF EXISTS reviews_book_id;");
            connection.Execute(Schema.Migration(1, this));
            connection.Execute("""
                INSERT INTO authors (id, name, born_year) SELECT id, name, born_year FROM legacy_authors;
                INSERT INTO books (id, title, author_id, isbn, year, genre, added_at)
                    SELECT id, title, author_id, isbn, year, genre, added_at FROM legacy_books;
                INSERT INTO book_tags (book_id, tag) SELECT book_id, tag FROM legacy_book_tags;
                INSERT INTO shelves (id, name, name_key, description)
                    SELECT id, name, lower(trim(name)), description FROM legacy_shelves;
                INSERT INTO shelf_books (shelf_id, book_id) SELECT shelf_id, book_id FROM legacy_shelf_books;
                INSERT INTO reviews (id, book_id, reviewer, rating, text, created_at)
                    SELECT id, book_id, reviewer, rating, text, created_at FROM legacy_reviews;
                DROP TABLE legacy_shelf_books; DROP TABLE legacy_book_tags; DROP TABLE legacy_reviews;
                DROP TABLE legacy_shelves; DROP TABLE legacy_books; DROP TABLE legacy_authors;
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                INSERT INTO schema_version (version) VALUES (1);
                """);
            if (connection.ExecuteInt64("SELECT COUNT(*) FROM pragma_foreign_key_check") != 0)
            {
                throw new InvalidOperationException("The database's rows break its foreign keys; it was not upgraded.");
            }

            transaction.Commit();
        }
        finally
        {
            connection.Execute("PRAGMA foreign_keys = ON;");
        }
    }

    /// <inheritdoc/>
    public override string ContainsIgnoringCase(string text, string part) => $"instr(lower({text}), lower({part})) > 0";

    /// <inheritdoc/>
    public override string OrderIgnoringCase(string text) => $"{text} COLLATE NOCASE";

    /// <inheritdoc/>
    public override string JoinWithCommas(string column) => $"group_concat({column}, ',')";

    /// <inheritdoc/>
    public override string AverageOfTwoDecimals(string column) => $"round(avg({column}), 2)";

    /// <inheritdoc/>
    /// <remarks>Busy or locked past the command timeout, an I/O error, or a file that cannot be opened.</remarks>
    public override bool IsUnavailable(Exception exception)
        => exception is SqliteException
        {
            SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED or SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_CANTOPEN,
        };

    /// <inheritdoc/>
    public override ConstraintConflict? Classify(Exception exception)
        => exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CONSTRAINT } sqlite
            ? sqlite.SqliteExtendedErrorCode switch
            {
                ConstraintUnique or ConstraintPrimaryKey => ConstraintConflict.Duplicate,
                ConstraintForeignKey => ConstraintConflict.Reference,
                _ => null,
            }
            : null;
}
