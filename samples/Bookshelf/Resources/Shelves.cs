using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Bookshelf.Data;
using Bookshelf.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Resourceful;

namespace Bookshelf.Resources;

/// <summary>Named shelves of books: <c>/shelves</c>, <c>/shelves/{id}</c> and <c>/shelves/{id}/books/{bookId}</c>.</summary>
/// <remarks>
/// These templates say <c>{id}</c> where <see cref="Books"/> says <c>{id:int}</c>, to show the difference: here
/// <c>/shelves/abc</c> matches the route and fails to bind, so the answer is a <c>400</c> problem naming <c>id</c>;
/// with a constraint it would be a <c>404</c>.
/// </remarks>
[Resource("/shelves")]
public sealed partial class Shelves(ShelfStore shelves, BookStore books)
{
    /// <summary><c>GET /shelves</c>: every shelf, by name.</summary>
    /// <remarks>A <c>Task&lt;T&gt;</c> is awaited and written as <c>200 OK</c> JSON.</remarks>
    [Get]
    public Task<IReadOnlyList<Shelf>> List(CancellationToken cancellationToken) => shelves.ListAsync(cancellationToken);

    /// <summary><c>GET /shelves/1</c>: one shelf and the ids of its books.</summary>
    [Get("{id}")]
    public async Task<Results<Ok<Shelf>, NotFound>> Find(int id, CancellationToken cancellationToken)
        => await shelves.FindAsync(id, cancellationToken) is { } shelf
            ? TypedResults.Ok(shelf)
            : TypedResults.NotFound();

    /// <summary><c>POST /shelves</c>: adds an empty shelf; <c>201 Created</c> with its <c>Location</c>.</summary>
    /// <remarks><c>409 Conflict</c> when another shelf has the same name.</remarks>
    [Post]
    [Authorize]
    public async Task<Results<Created<Shelf>, ValidationProblem, Conflict>> Add(ShelfInput body, CancellationToken cancellationToken)
    {
        var errors = body.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await shelves.NameTakenAsync(body.Name, exceptId: null, cancellationToken))
        {
            return TypedResults.Conflict();
        }

        var shelf = await shelves.AddAsync(body, cancellationToken);
        return TypedResults.Created(Links.Find(shelf.Id), shelf);
    }

    /// <summary><c>PUT /shelves/1</c>: renames and redescribes a shelf; its books stay.</summary>
    [Put("{id}")]
    [Authorize]
    public async Task<Results<Ok<Shelf>, NotFound, ValidationProblem, Conflict>> Replace(
        int id,
        ShelfInput body,
        CancellationToken cancellationToken)
    {
        var errors = body.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await shelves.NameTakenAsync(body.Name, exceptId: id, cancellationToken))
        {
            return TypedResults.Conflict();
        }

        return await shelves.ReplaceAsync(id, body, cancellationToken) is { } shelf
            ? TypedResults.Ok(shelf)
            : TypedResults.NotFound();
    }

    /// <summary><c>DELETE /shelves/1</c>: removes a shelf; its books stay in the library.</summary>
    [Delete("{id}")]
    [Authorize(Roles = "admin")]
    public async Task<Results<NoContent, NotFound>> Remove(int id, CancellationToken cancellationToken)
        => await shelves.RemoveAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    /// <summary><c>PUT /shelves/1/books/3</c>: puts a book on a shelf. Idempotent, as <c>PUT</c> must be.</summary>
    [Put("{id}/books/{bookId}")]
    [Authorize]
    public async Task<Results<NoContent, NotFound>> AddBook(int id, int bookId, CancellationToken cancellationToken)
    {
        if (await shelves.FindAsync(id, cancellationToken) is null || await books.FindAsync(bookId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        await shelves.AddBookAsync(id, bookId, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary><c>DELETE /shelves/1/books/3</c>: takes a book off a shelf.</summary>
    /// <remarks>
    /// A handler that returns a plain <see cref="Task"/> answers <c>204 No Content</c>. Taking off a book that is
    /// not there is not an error: the shelf ends up as the client asked either way.
    /// </remarks>
    [Delete("{id}/books/{bookId}")]
    [Authorize(Roles = "admin")]
    public Task RemoveBook(int id, int bookId, CancellationToken cancellationToken)
        => shelves.RemoveBookAsync(id, bookId, cancellationToken);
}
