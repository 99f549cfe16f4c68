using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bookshelf.Data;
using Bookshelf.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Resourceful;

namespace Bookshelf.Resources;

/// <summary>
/// <c>/reading-list</c>: the visitor's own list of books to read, kept in the session (an <c>ISession</c>
/// parameter), so it needs no account: the session cookie (<c>.AspNetCore.Session</c>) says whose list it is.
/// </summary>
[Resource("/reading-list")]
[AllowAnonymous]
public sealed partial class ReadingLists(BookStore books)
{
    private const string Key = "reading-list";

    /// <summary><c>GET /reading-list</c>: the list; empty for a new visitor.</summary>
    [Get]
    public ReadingList Show(ISession session) => new(Read(session));

    /// <summary><c>POST /reading-list</c>: adds a book (once); <c>400</c> when there is no such book.</summary>
    [Post]
    public Results<Ok<ReadingList>, ValidationProblem> Include(ReadingListEntry entry, ISession session)
    {
        if (!books.Exists(entry.BookId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["bookId"] = [$"There is no book {entry.BookId}."],
            });
        }

        var ids = Read(session);
        if (!ids.Contains(entry.BookId))
        {
            ids.Add(entry.BookId);
            Write(session, ids);
        }

        return TypedResults.Ok(new ReadingList(ids));
    }

    /// <summary><c>DELETE /reading-list/7</c>: takes a book off the list (a book not on it is fine: DELETE is idempotent).</summary>
    [Delete("{bookId:int}")]
    public ReadingList Remove(int bookId, ISession session)
    {
        var ids = Read(session);
        if (ids.Remove(bookId))
        {
            Write(session, ids);
        }

        return new ReadingList(ids);
    }

    // "1,3,7": the ids as text, so the session holds no serializer's format.
    private static List<int> Read(ISession session) =>
        session.GetString(Key) is { Length: > 0 } text
            ? text.Split(',').Select(static id => int.Parse(id, CultureInfo.InvariantCulture)).ToList()
            : [];

    private static void Write(ISession session, List<int> ids) =>
        session.SetString(Key, string.Join(',', ids.Select(static id => id.ToString(CultureInfo.InvariantCulture))));
}
