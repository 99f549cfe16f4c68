using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bookshelf.Models;
using System.Data.Common;

namespace Bookshelf.Data;

/// <summary>Reads and writes <see cref="Shelf"/>s and which books stand on them.</summary>
public sealed class ShelfStore(BookshelfDatabase database)
{
    private readonly string SelectShelves = $"""
        SELECT s.id, s.name, s.description,
               (SELECT {database.Dialect.JoinWithCommas("sb.book_id")} FROM shelf_books sb WHERE sb.shelf_id = s.id) AS book_ids
        FROM shelves s
        """;

    /// <summary>Every shelf, by name.</summary>
    public async Task<IReadOnlyList<Shelf>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(SelectShelves + $" ORDER BY {database.Dialect.OrderIgnoringCase("s.name")}, s.id");
        return await ReadShelvesAsync(command, cancellationToken);
    }

    /// <summary>The shelf <paramref name="id"/>, or <see langword="null"/>.</summary>
    public async Task<Shelf?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, id, cancellationToken);
    }

    /// <summary>Whether a shelf other than <paramref name="exceptId"/> is named <paramref name="name"/> (ignoring case).</summary>
    public async Task<bool> NameTakenAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT EXISTS (SELECT 1 FROM shelves WHERE name_key = @nameKey AND id <> @exceptId)",
            ("@nameKey", ShelfInput.NameKey(name)),
            ("@exceptId", exceptId ?? 0));
        return await command.ExecuteInt64Async(cancellationToken) == 1;
    }

    /// <summary>Stores a new, empty shelf from valid <paramref name="input"/>.</summary>
    public async Task<Shelf> AddAsync(ShelfInput input, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO shelves (name, name_key, description) VALUES (@name, @nameKey, @description) RETURNING id",
            ("@name", input.Name.Trim()),
            ("@nameKey", ShelfInput.NameKey(input.Name)),
            ("@description", input.Description));
        var id = await command.ExecuteInt64Async(cancellationToken);
        return new Shelf((int)id, input.Name.Trim(), input.Description, []);
    }

    /// <summary>Renames and redescribes the shelf <paramref name="id"/>, keeping its books; <see langword="null"/> when there is no such shelf.</summary>
    public async Task<Shelf?> ReplaceAsync(int id, ShelfInput input, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "UPDATE shelves SET name = @name, name_key = @nameKey, description = @description WHERE id = @id",
            ("@id", id),
            ("@name", input.Name.Trim()),
            ("@nameKey", ShelfInput.NameKey(input.Name)),
            ("@description", input.Description));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 0
            ? null
            : await FindAsync(connection, id, cancellationToken);
    }

    /// <summary>Deletes the shelf <paramref name="id"/> (not its books); whether it existed.</summary>
    public async Task<bool> RemoveAsync(int id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM shelves WHERE id = @id", ("@id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Puts the book <paramref name="bookId"/> on the shelf <paramref name="id"/>; doing it twice changes nothing.</summary>
    public async Task AddBookAsync(int id, int bookId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO shelf_books (shelf_id, book_id) VALUES (@id, @bookId) ON CONFLICT DO NOTHING",
            ("@id", id),
            ("@bookId", bookId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Takes the book <paramref name="bookId"/> off the shelf <paramref name="id"/>, if it is there.</summary>
    public async Task RemoveBookAsync(int id, int bookId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "DELETE FROM shelf_books WHERE shelf_id = @id AND book_id = @bookId",
            ("@id", id),
            ("@bookId", bookId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Shelf?> FindAsync(DbConnection connection, int id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(SelectShelves + " WHERE s.id = @id", ("@id", id));
        var shelves = await ReadShelvesAsync(command, cancellationToken);
        return shelves.Count == 0 ? null : shelves[0];
    }

    private static async Task<IReadOnlyList<Shelf>> ReadShelvesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var shelves = new List<Shelf>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bookIds = reader.GetNullableString(3)?.Split(',').Select(id => int.Parse(id, CultureInfo.InvariantCulture)).Order().ToArray() ?? [];
            shelves.Add(new Shelf(reader.GetInt32(0), reader.GetString(1), reader.GetNullableString(2), bookIds));
        }

        return shelves;
    }
}
