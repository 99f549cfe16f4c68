using System;
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

/// <summary>The people who wrote the books: <c>/authors</c> and <c>/authors/{id}</c>.</summary>
/// <remarks>Synchronous handlers work as well as asynchronous ones; the generator calls each the way it is declared.</remarks>
[Resource("/authors")]
public sealed partial class Authors(AuthorStore authors, BookStore books, TimeProvider clock)
{
    /// <summary><c>GET /authors?name=le</c>: every author, or those whose name contains <paramref name="name"/>.</summary>
    /// <remarks>A plain <c>T</c> result is written as <c>200 OK</c> JSON.</remarks>
    [Get]
    public IReadOnlyList<Author> List(string? name) => authors.List(name);

    /// <summary><c>GET /authors/1</c>: one author.</summary>
    /// <remarks>
    /// An <see cref="IResult"/> works too; a <c>Results&lt;Ok&lt;Author&gt;, NotFound&gt;</c> would also tell the
    /// generator (and so <c>OPTIONS</c>) which statuses to expect.
    /// </remarks>
    [Get("{id:int}")]
    public IResult Find(int id)
        => authors.Find(id) is { } author
            ? TypedResults.Ok(author)
            : TypedResults.NotFound();

    /// <summary><c>GET /authors/1/books</c>: the author's books, oldest first; <c>?fields=title,year</c> answers only those members of each.</summary>
    [Get("{id:int}/books"), SparseFieldsets]
    public async Task<Results<Ok<IReadOnlyList<Book>>, NotFound>> ListBooks(int id, CancellationToken cancellationToken)
        => authors.Find(id) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await books.ListByAuthorAsync(id, cancellationToken));

    /// <summary><c>POST /authors</c>: adds an author; <c>201 Created</c> with its <c>Location</c>.</summary>
    [Post]
    [Authorize]
    public Results<Created<Author>, ValidationProblem> Add(AuthorInput body)
    {
        var errors = body.Validate(clock.GetUtcNow().Year);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var author = authors.Add(body);
        return TypedResults.Created(Links.Find(author.Id), author);
    }

    /// <summary><c>PUT /authors/1</c>: replaces an author's name and year of birth.</summary>
    [Put("{id:int}")]
    [Authorize]
    public Results<Ok<Author>, NotFound, ValidationProblem> Replace(int id, AuthorInput body)
    {
        var errors = body.Validate(clock.GetUtcNow().Year);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return authors.Replace(id, body) is { } author
            ? TypedResults.Ok(author)
            : TypedResults.NotFound();
    }

    /// <summary><c>DELETE /authors/1</c>: removes an author who has no books left.</summary>
    /// <remarks><c>409 Conflict</c> while books by the author remain: delete those first.</remarks>
    [Delete("{id:int}")]
    [Authorize(Roles = "admin")]
    public Results<NoContent, NotFound, Conflict> Remove(int id)
    {
        if (authors.Find(id) is null)
        {
            return TypedResults.NotFound();
        }

        if (authors.HasBooks(id))
        {
            return TypedResults.Conflict();
        }

        authors.Remove(id);
        return TypedResults.NoContent();
    }
}
