using System;
using System.Threading;
using System.Threading.Tasks;

namespace Bookshelf.Data;

/// <summary>A book's cover image, as a BLOB in a table of its own (one row per book, gone with the book).</summary>
/// <remarks>Its table is schema version 2 (<see cref="Schema"/>); the SQL runs on SQLite and PostgreSQL alike.</remarks>
public sealed class CoverStore(BookshelfDatabase database)
{
    /// <summary>
    /// Stores <paramref name="bytes"/> as the cover of book <paramref name="bookId"/>, replacing any; <see langword="false"/>
    /// when there is no such book.
    /// </summary>
    public async Task<bool> SaveAsync(int bookId, string contentType, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            INSERT INTO covers (book_id, content_type, bytes)
            SELECT id, @contentType, @bytes FROM books WHERE id = @bookId
            ON CONFLICT (book_id) DO UPDATE SET content_type = excluded.content_type, bytes = excluded.bytes;
            """,
            ("@bookId", bookId),
            ("@contentType", contentType),
            ("@bytes", bytes));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>The cover of book <paramref name="bookId"/>, or <see langword="null"/> when it has none.</summary>
    public async Task<Cover?> FindAsync(int bookId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT content_type, bytes FROM covers WHERE book_id = @bookId;", ("@bookId", bookId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Cover(reader.GetString(0), (byte[])reader.GetValue(1))
            : null;
    }
}

/// <summary>A stored cover image: its media type and its bytes.</summary>
public sealed record Cover(string ContentType, byte[] Bytes);
