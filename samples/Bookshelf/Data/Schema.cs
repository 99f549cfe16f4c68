using System;

namespace Bookshelf.Data;

/// <summary>
/// The tables, as numbered migrations: a database records the last one it ran in <c>schema_version</c>, and
/// <see cref="BookshelfDatabase.EnsureCreated"/> runs the ones after it. A change to the schema is a new migration,
/// never an edit of a shipped one.
/// </summary>
internal static class Schema
{
    /// <summary>The version the app's code expects.</summary>
    public const int Version = 2;

    /// <summary>The SQL of migration <paramref name="version"/> in <paramref name="dialect"/>.</summary>
    public static string Migration(int version, SqlDialect dialect) => version switch
    {
        1 => Initial(dialect),
        2 => VersionsAndCovers(dialect),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "There is no such migration."),
    };

    /// <summary>
    /// Version 1. The database enforces every uniqueness rule (<c>UNIQUE</c>), so that two requests racing past the
    /// handlers' checks cannot both win; ids come from <see cref="SqlDialect.IdentityColumn"/>, never reused.
    /// A shelf's name is unique ignoring case: <c>name_key</c> is the name as <see cref="Models.ShelfInput.NameKey"/>
    /// folds it, and carries the unique constraint.
    /// </summary>
    private static string Initial(SqlDialect dialect) => $"""
        CREATE TABLE IF NOT EXISTS authors (
            id         {dialect.IdentityColumn},
            name       TEXT    NOT NULL,
            born_year  INTEGER NULL
        );

        CREATE TABLE IF NOT EXISTS books (
            id         {dialect.IdentityColumn},
            title      TEXT    NOT NULL,
            author_id  INTEGER NOT NULL REFERENCES authors (id),
            isbn       TEXT    NOT NULL UNIQUE,
            year       INTEGER NOT NULL,
            genre      TEXT    NOT NULL,
            added_at   {dialect.TimestampType} NOT NULL
        );

        CREATE INDEX IF NOT EXISTS books_author_id ON books (author_id);

        CREATE TABLE IF NOT EXISTS book_tags (
            book_id    INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
            tag        TEXT    NOT NULL,
            PRIMARY KEY (book_id, tag)
        );

        CREATE TABLE IF NOT EXISTS shelves (
            id          {dialect.IdentityColumn},
            name        TEXT    NOT NULL,
            name_key    TEXT    NOT NULL UNIQUE,
            description TEXT    NULL
        );

        CREATE TABLE IF NOT EXISTS shelf_books (
            shelf_id   INTEGER NOT NULL REFERENCES shelves (id) ON DELETE CASCADE,
            book_id    INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
            PRIMARY KEY (shelf_id, book_id)
        );

        CREATE INDEX IF NOT EXISTS shelf_books_book_id ON shelf_books (book_id);

        CREATE TABLE IF NOT EXISTS reviews (
            id         {dialect.IdentityColumn},
            book_id    INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
            reviewer   TEXT    NOT NULL,
            rating     INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
            text       TEXT    NULL,
            created_at {dialect.TimestampType} NOT NULL
        );

        CREATE INDEX IF NOT EXISTS reviews_book_id ON reviews (book_id);
        """;

    /// <summary>
    /// Version 2. Every book carries a version (its <c>ETag</c>), incremented by every write; rows that existed
    /// before start at 1. A book's cover image is a row of <c>covers</c>, gone with the book.
    /// </summary>
    private static string VersionsAndCovers(SqlDialect dialect) => $"""
        ALTER TABLE books ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

        CREATE TABLE IF NOT EXISTS covers (
            book_id      INTEGER PRIMARY KEY REFERENCES books (id) ON DELETE CASCADE,
            content_type TEXT    NOT NULL,
            bytes        {dialect.BinaryType} NOT NULL
        );
        """;
}
