using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Bookshelf.Models;
using System.Data.Common;

namespace Bookshelf.Data;

/// <summary>Reads and writes <see cref="Book"/>s and their tags.</summary>
public sealed class BookStore(BookshelfDatabase database)
{
    // One SELECT list for every query that returns books, so ReadBook's ordinals hold everywhere.
    private readonly string SelectBooks = $"""
        SELECT b.id, b.title, b.author_id, b.isbn, b.year, b.genre, b.added_at,
               (SELECT {database.Dialect.JoinWithCommas("t.tag")} FROM book_tags t WHERE t.book_id = b.id) AS tags,
               b.version
        FROM books b
        """;

    /// <summary>One page of the books that pass <paramref name="filter"/>, and how many pass it in all.</summary>
    public async Task<(IReadOnlyList<Book> Items, int Total)> ListAsync(BookFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new List<(string Name, object? Value)>();
        if (!string.IsNullOrEmpty(filter.Search))
        {
            conditions.Add(database.Dialect.ContainsIgnoringCase("b.title", "@search"));
            parameters.Add(("@search", filter.Search));
        }

        if (filter.AuthorId is { } authorId)
        {
            conditions.Add("b.author_id = @authorId");
            parameters.Add(("@authorId", authorId));
        }

        if (filter.Genre is { } genre)
        {
            conditions.Add("b.genre = @genre");
            parameters.Add(("@genre", genre.ToString()));
        }

        if (filter.YearFrom is { } yearFrom)
        {
            conditions.Add("b.year >= @yearFrom");
            parameters.Add(("@yearFrom", yearFrom));
        }

        if (filter.YearTo is { } yearTo)
        {
            conditions.Add("b.year <= @yearTo");
            parameters.Add(("@yearTo", yearTo));
        }

        for (var i = 0; i < filter.Tags.Count; i++)
        {
            conditions.Add($"EXISTS (SELECT 1 FROM book_tags t WHERE t.book_id = b.id AND t.tag = @tag{i})");
            parameters.Add(($"@tag{i}", filter.Tags[i]));
        }

        var where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        var orderBy = filter.Sort switch
        {
            BookSort.Year => " ORDER BY b.year, b.id",
            BookSort.Added => " ORDER BY b.added_at DESC, b.id DESC",
            _ => $" ORDER BY {database.Dialect.OrderIgnoringCase("b.title")}, b.id",
        };

        await using var connection = await database.OpenAsync(cancellationToken);

        await using var count = connection.Command("SELECT COUNT(*) FROM books b" + where, [.. parameters]);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        await using var page = connection.Command(
            SelectBooks + where + orderBy + " LIMIT @limit OFFSET @offset",
            [.. parameters, ("@limit", paging.PageSize), ("@offset", paging.Offset)]);
        return (await ReadBooksAsync(page, cancellationToken), total);
    }

    /// <summary>Every book by the author <paramref name="authorId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Book>> ListByAuthorAsync(int authorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            SelectBooks + " WHERE b.author_id = @authorId ORDER BY b.year, b.id",
            ("@authorId", authorId));
        return await ReadBooksAsync(command, cancellationToken);
    }

    /// <summary>The book <paramref name="id"/>, or <see langword="null"/>.</summary>
    public async Task<Book?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, id, cancellationToken);
    }

    /// <summary>The book with the ISBN <paramref name="isbn"/> (digits only), or <see langword="null"/>.</summary>
    public async Task<Book?> FindByIsbnAsync(string isbn, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(SelectBooks + " WHERE b.isbn = @isbn", ("@isbn", isbn));
        var books = await ReadBooksAsync(command, cancellationToken);
        return books.Count == 0 ? null : books[0];
    }

    /// <summary>Whether the book <paramref name="id"/> exists.</summary>
    /// <remarks>
    /// Synchronous, for synchronous handlers: Microsoft.Data.Sqlite runs its async methods synchronously anyway, so
    /// for SQLite both styles cost the same.
    /// </remarks>
    public bool Exists(int id)
    {
        using var connection = database.Open();
        return connection.ExecuteInt64("SELECT EXISTS (SELECT 1 FROM books WHERE id = @id)", ("@id", id)) == 1;
    }

    /// <summary>Stores a new book from valid <paramref name="input"/>.</summary>
    public async Task<Book> AddAsync(BookInput input, DateTimeOffset addedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using var insert = connection.Command(
            """
            INSERT INTO books (title, author_id, isbn, year, genre, added_at)
            VALUES (@title, @authorId, @isbn, @year, @genre, @addedAt)
            RETURNING id
            """,
            ("@title", input.Title.Trim()),
            ("@authorId", input.AuthorId),
            ("@isbn", input.NormalizedIsbn),
            ("@year", input.Year),
            ("@genre", input.Genre.ToString()),
            ("@addedAt", addedAt));
        var id = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await InsertTagsAsync(connection, id, input.NormalizedTags, cancellationToken);

        var book = await FindAsync(connection, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return book!;
    }

    /// <summary>
    /// Replaces every field of the book <paramref name="id"/> with valid <paramref name="input"/> if it is still at
    /// <paramref name="expectedVersion"/>, and makes it the next version. The check and the write are one
    /// <c>UPDATE … WHERE version = @expected</c>, so of two writers that read the same version exactly one wins.
    /// </summary>
    /// <returns>The new book; <see cref="WriteOutcome.Stale"/> when it has another version; <see cref="WriteOutcome.NotFound"/> when there is none.</returns>
    public async Task<(WriteOutcome Outcome, Book? Book)> ReplaceAsync(int id, BookInput input, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using var update = connection.Command(
            """
            UPDATE books
            SET title = @title, author_id = @authorId, isbn = @isbn, year = @year, genre = @genre, version = version + 1
            WHERE id = @id AND version = @expected
            """,
            ("@id", id),
            ("@expected", expectedVersion),
            ("@title", input.Title.Trim()),
            ("@authorId", input.AuthorId),
            ("@isbn", input.NormalizedIsbn),
            ("@year", input.Year),
            ("@genre", input.Genre.ToString()));
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return (await MissingOrStaleAsync(connection, id, cancellationToken), null);
        }

        await using var deleteTags = connection.Command("DELETE FROM book_tags WHERE book_id = @id", ("@id", id));
        await deleteTags.ExecuteNonQueryAsync(cancellationToken);
        await InsertTagsAsync(connection, id, input.NormalizedTags, cancellationToken);

        var book = await FindAsync(connection, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (WriteOutcome.Written, book);
    }

    /// <summary>
    /// Deletes the book <paramref name="id"/> with its tags, reviews and places on shelves if it is still at
    /// <paramref name="expectedVersion"/>: one <c>DELETE … WHERE version = @expected</c>.
    /// </summary>
    public async Task<WriteOutcome> RemoveAsync(int id, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "DELETE FROM books WHERE id = @id AND version = @expected", ("@id", id), ("@expected", expectedVersion));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1
            ? WriteOutcome.Written
            : await MissingOrStaleAsync(connection, id, cancellationToken);
    }

    // Why a conditional write changed no row: the book is gone, or another write made a newer version first.
    private static async Task<WriteOutcome> MissingOrStaleAsync(DbConnection connection, int id, CancellationToken cancellationToken)
    {
        await using var exists = connection.Command("SELECT EXISTS (SELECT 1 FROM books WHERE id = @id)", ("@id", id));
        return Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1
            ? WriteOutcome.Stale
            : WriteOutcome.NotFound;
    }

    /// <summary>The best-rated books of <paramref name="genre"/> that have at least one review, best first.</summary>
    public async Task<IReadOnlyList<Recommendation>> RecommendAsync(Genre genre, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"""
            SELECT ranked.average, ranked.reviews, books.*
            FROM (
                SELECT book_id, {database.Dialect.AverageOfTwoDecimals("rating")} AS average, CAST(count(*) AS INTEGER) AS reviews
                FROM reviews
                GROUP BY book_id
            ) AS ranked
            JOIN ({SelectBooks}) AS books ON books.id = ranked.book_id
            WHERE books.genre = @genre
            ORDER BY ranked.average DESC, ranked.reviews DESC, books.id
            LIMIT @count
            """,
            ("@genre", genre.ToString()),
            ("@count", count));

        var recommendations = new List<Recommendation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recommendations.Add(new Recommendation(ReadBook(reader, offset: 2), reader.GetDouble(0), reader.GetInt32(1)));
        }

        return recommendations;
    }

    private async Task<Book?> FindAsync(DbConnection connection, int id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(SelectBooks + " WHERE b.id = @id", ("@id", id));
        var books = await ReadBooksAsync(command, cancellationToken);
        return books.Count == 0 ? null : books[0];
    }

    private static async Task InsertTagsAsync(DbConnection connection, int bookId, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags)
        {
            await using var command = connection.Command(
                "INSERT INTO book_tags (book_id, tag) VALUES (@bookId, @tag)",
                ("@bookId", bookId),
                ("@tag", tag));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<Book>> ReadBooksAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var books = new List<Book>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            books.Add(ReadBook(reader, offset: 0));
        }

        return books;
    }

    /// <summary>Reads the columns of <see cref="SelectBooks"/>, starting at <paramref name="offset"/>.</summary>
    private static Book ReadBook(DbDataReader reader, int offset)
    {
        var tags = reader.GetNullableString(offset + 7)?.Split(',') ?? [];
        Array.Sort(tags, StringComparer.Ordinal);
        return new Book(
            Id: reader.GetInt32(offset),
            Title: reader.GetString(offset + 1),
            AuthorId: reader.GetInt32(offset + 2),
            Isbn: reader.GetString(offset + 3),
            Year: reader.GetInt32(offset + 4),
            Genre: Enum.Parse<Genre>(reader.GetString(offset + 5)),
            Tags: tags,
            AddedAt: reader.GetTimestamp(offset + 6),
            Version: reader.GetInt64(offset + 8));
    }
}

/// <summary>What a conditional write (<see cref="BookStore.ReplaceAsync"/>, <see cref="BookStore.RemoveAsync"/>) did.</summary>
public enum WriteOutcome
{
    /// <summary>The row was at the expected version and is written.</summary>
    Written,

    /// <summary>The row has another version: the client's copy is stale (412).</summary>
    Stale,

    /// <summary>There is no such row (404).</summary>
    NotFound,
}
