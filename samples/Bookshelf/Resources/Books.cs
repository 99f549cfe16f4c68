using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bookshelf.Data;
using Bookshelf.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Resourceful;

namespace Bookshelf.Resources;

/// <summary>The books on the shelf: <c>/books</c> and <c>/books/{id}</c>.</summary>
/// <remarks>
/// Every handler here is asynchronous and returns a <c>Results&lt;…&gt;</c> union, so the generator knows each
/// status code an endpoint can answer with. <c>{id:int}</c> makes <c>/books/abc</c> a 404: no route matches.
/// </remarks>
[Resource("/books")]
public sealed partial class Books(BookStore books, AuthorStore authors, TimeProvider clock)
{
    /// <summary>
    /// <c>GET /books?q=earth&amp;genre=Fantasy&amp;tag=classic&amp;tag=magic&amp;sort=year&amp;page=1&amp;pageSize=20</c>:
    /// one page of the books that match every filter given.
    /// </summary>
    /// <param name="paging">The page, from <c>?page=</c> and <c>?pageSize=</c>.</param>
    /// <param name="search">Text the title contains, ignoring case: <c>?q=</c>.</param>
    /// <param name="authorId">Only this author's books.</param>
    /// <param name="genre">Only books of this genre, by name.</param>
    /// <param name="tags">Only books that carry every tag: <c>?tag=a&amp;tag=b</c>.</param>
    /// <param name="request">The request, to build the next page's link from.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <param name="sort">The order: <c>title</c> (the default), <c>year</c> or <c>added</c>.</param>
    [Get, ResponseCache(Duration = 10)]
    public async Task<Results<Ok<BookPage>, ValidationProblem>> List(
        [AsParameters] Paging paging,
        [FromQuery(Name = "q")] string? search,
        int? authorId,
        Genre? genre,
        [FromQuery(Name = "tag")] string[] tags,
        HttpRequest request,
        CancellationToken cancellationToken,
        BookSort sort = BookSort.Title)
    {
        var filter = new BookFilter(search, authorId, genre, tags, sort);
        var errors = paging.Validate();
        foreach (var (key, messages) in filter.Validate())
        {
            errors[key] = messages;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (items, total) = await books.ListAsync(filter, paging, cancellationToken);
        var next = paging.Offset + items.Count < total ? NextPage(request, paging) : null;
        return TypedResults.Ok(new BookPage(items, paging.Page, paging.PageSize, total, next));
    }

    /// <summary><c>GET /books/42</c>: one book; <c>?fields=id,title</c> answers only those members.</summary>
    /// <remarks>
    /// <c>[ResponseCache]</c> becomes a constant <c>Cache-Control: public,max-age=10</c> on its <c>200</c>;
    /// <c>[SparseFieldsets]</c> adds <c>?fields=</c>, written by a writer generated for <see cref="Book"/>.
    /// </remarks>
    [Get("{id:int}"), ResponseCache(Duration = 10), SparseFieldsets]
    public async ValueTask<Results<Ok<Book>, NotFound>> Find(int id, CancellationToken cancellationToken)
        => await books.FindAsync(id, cancellationToken) is { } book
            ? TypedResults.Ok(book)
            : TypedResults.NotFound();

    /// <summary><c>POST /books</c>: adds a book; <c>201 Created</c> with its <c>Location</c>.</summary>
    /// <remarks><c>409 Conflict</c> when another book has the same ISBN.</remarks>
    [Post]
    [Authorize]
    public async Task<Results<Created<Book>, ValidationProblem, Conflict>> Add(BookInput body, CancellationToken cancellationToken)
    {
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await books.FindByIsbnAsync(body.NormalizedIsbn, cancellationToken) is not null)
        {
            return TypedResults.Conflict();
        }

        var book = await books.AddAsync(body, clock.GetUtcNow(), cancellationToken);

        // Links is generated into this class: Links.Find(7) is "/books/7", with no string building here.
        return TypedResults.Created(Links.Find(book.Id), book);
    }

    /// <summary><c>PUT /books/42</c>: replaces every field of a book.</summary>
    /// <remarks>
    /// Conditional: <c>If-Match</c> must name the book's current version (its <c>ETag</c>), or the answer is
    /// <c>428</c> without it and <c>412</c> when another write came first. <c>409 Conflict</c> when another book has
    /// the new ISBN.
    /// </remarks>
    [Put("{id:int}", RequireIfMatch = true)]
    [Authorize]
    public async Task<Results<Ok<Book>, NotFound, ValidationProblem, Conflict, PreconditionFailed>> Replace(
        int id,
        BookInput body,
        Preconditions preconditions,
        CancellationToken cancellationToken)
    {
        if (await books.FindAsync(id, cancellationToken) is not { } current)
        {
            return TypedResults.NotFound();
        }

        if (!preconditions.Allows(current.Version))
        {
            return new PreconditionFailed();
        }

        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await books.FindByIsbnAsync(body.NormalizedIsbn, cancellationToken) is { } other && other.Id != id)
        {
            return TypedResults.Conflict();
        }

        // The store writes only the version the precondition was checked against: a write in between makes it 412.
        return await books.ReplaceAsync(id, body, current.Version, cancellationToken) switch
        {
            (WriteOutcome.Written, { } book) => TypedResults.Ok(book),
            (WriteOutcome.Stale, _) => new PreconditionFailed(),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary><c>PATCH /books/42</c>: changes the fields the body names and keeps the others.</summary>
    /// <remarks>Conditional as <c>PUT</c> is: <c>If-Match</c> with the current version, else <c>428</c> or <c>412</c>.</remarks>
    [Patch("{id:int}", RequireIfMatch = true)]
    [Authorize]
    public async Task<Results<Ok<Book>, NotFound, ValidationProblem, PreconditionFailed>> Update(
        int id,
        BookPatch body,
        Preconditions preconditions,
        CancellationToken cancellationToken)
    {
        if (await books.FindAsync(id, cancellationToken) is not { } book)
        {
            return TypedResults.NotFound();
        }

        if (!preconditions.Allows(book.Version))
        {
            return new PreconditionFailed();
        }

        var input = body.ApplyTo(book);
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await books.ReplaceAsync(id, input, book.Version, cancellationToken) switch
        {
            (WriteOutcome.Written, { } updated) => TypedResults.Ok(updated),
            (WriteOutcome.Stale, _) => new PreconditionFailed(),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary><c>DELETE /books/42</c>: removes a book, its reviews and its places on shelves.</summary>
    /// <remarks>Conditional as <c>PUT</c> is: <c>If-Match</c> with the current version, else <c>428</c> or <c>412</c>.</remarks>
    [Delete("{id:int}", RequireIfMatch = true)]
    [Authorize(Roles = "admin")]
    public async Task<Results<NoContent, NotFound, PreconditionFailed>> Remove(int id, Preconditions preconditions, CancellationToken cancellationToken)
    {
        if (await books.FindAsync(id, cancellationToken) is not { } book)
        {
            return TypedResults.NotFound();
        }

        if (!preconditions.Allows(book.Version))
        {
            return new PreconditionFailed();
        }

        // The store deletes only the version the precondition was checked against: a write in between makes it 412.
        return await books.RemoveAsync(id, book.Version, cancellationToken) switch
        {
            WriteOutcome.Written => TypedResults.NoContent(),
            WriteOutcome.Stale => new PreconditionFailed(),
            _ => TypedResults.NotFound(),
        };
    }

    private Dictionary<string, string[]> Validate(BookInput input)
    {
        var errors = input.Validate(clock.GetUtcNow().Year);
        if (!errors.ContainsKey("authorId") && authors.Find(input.AuthorId) is null)
        {
            errors["authorId"] = [$"There is no author {input.AuthorId}."];
        }

        return errors;
    }

    /// <summary>The URI of the page after <paramref name="paging"/>: this request's, keeping every filter.</summary>
    private static string NextPage(HttpRequest request, Paging paging)
    {
        var query = request.Query
            .Where(pair => !string.Equals(pair.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value)))
            .Append(KeyValuePair.Create("page", (string?)(paging.Page + 1).ToString(CultureInfo.InvariantCulture)));
        return Links.List() + QueryString.Create(query);
    }
}
