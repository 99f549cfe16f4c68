using System.Collections.Generic;
using Bookshelf.Models;
using System.Data.Common;

namespace Bookshelf.Data;

/// <summary>Reads and writes <see cref="Author"/>s.</summary>
/// <remarks>
/// Synchronous, to serve the sample's synchronous handlers: Microsoft.Data.Sqlite runs its async methods
/// synchronously anyway, so for SQLite both styles cost the same.
/// </remarks>
public sealed class AuthorStore(BookshelfDatabase database)
{
    /// <summary>Every author whose name contains <paramref name="name"/> (ignoring case), or every author; by name.</summary>
    public IReadOnlyList<Author> List(string? name)
    {
        using var connection = database.Open();
        var where = name is null ? string.Empty : "WHERE " + database.Dialect.ContainsIgnoringCase("name", "@name");
        using var command = connection.Command(
            $"SELECT id, name, born_year FROM authors {where} ORDER BY {database.Dialect.OrderIgnoringCase("name")}, id",
            ("@name", name));
        return ReadAuthors(command);
    }

    /// <summary>The author <paramref name="id"/>, or <see langword="null"/>.</summary>
    public Author? Find(int id)
    {
        using var connection = database.Open();
        using var command = connection.Command("SELECT id, name, born_year FROM authors WHERE id = @id", ("@id", id));
        var authors = ReadAuthors(command);
        return authors.Count == 0 ? null : authors[0];
    }

    /// <summary>Stores a new author from valid <paramref name="input"/>.</summary>
    public Author Add(AuthorInput input)
    {
        using var connection = database.Open();
        var id = connection.ExecuteInt64(
            "INSERT INTO authors (name, born_year) VALUES (@name, @bornYear) RETURNING id",
            ("@name", input.Name.Trim()),
            ("@bornYear", input.BornYear));
        return new Author((int)id, input.Name.Trim(), input.BornYear);
    }

    /// <summary>Replaces the author <paramref name="id"/> with valid <paramref name="input"/>; <see langword="null"/> when there is no such author.</summary>
    public Author? Replace(int id, AuthorInput input)
    {
        using var connection = database.Open();
        var changed = connection.Execute(
            "UPDATE authors SET name = @name, born_year = @bornYear WHERE id = @id",
            ("@id", id),
            ("@name", input.Name.Trim()),
            ("@bornYear", input.BornYear));
        return changed == 0 ? null : new Author(id, input.Name.Trim(), input.BornYear);
    }

    /// <summary>Whether the author <paramref name="id"/> has books on the shelf, which keep them from being deleted.</summary>
    public bool HasBooks(int id)
    {
        using var connection = database.Open();
        return connection.ExecuteInt64("SELECT EXISTS (SELECT 1 FROM books WHERE author_id = @id)", ("@id", id)) == 1;
    }

    /// <summary>Deletes the author <paramref name="id"/>; whether they existed.</summary>
    public bool Remove(int id)
    {
        using var connection = database.Open();
        return connection.Execute("DELETE FROM authors WHERE id = @id", ("@id", id)) == 1;
    }

    private static List<Author> ReadAuthors(DbCommand command)
    {
        var authors = new List<Author>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            authors.Add(new Author(reader.GetInt32(0), reader.GetString(1), reader.GetNullableInt32(2)));
        }

        return authors;
    }
}
