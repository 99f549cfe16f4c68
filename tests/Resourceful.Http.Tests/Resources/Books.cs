using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Http.Tests.Resources;

/// <summary>The resource of the design document, as a user would write it.</summary>
[Resource("/books")]
public sealed partial class Books(BookStore store)
{
    [Get]
    public IReadOnlyList<Book> List(int? limit) => store.List(limit ?? 50);

    [Get("{id:int}")]
    public Results<Ok<Book>, NotFound> Find(int id)
        => store.Find(id) is { } book ? TypedResults.Ok(book) : TypedResults.NotFound();

    [Post]
    public async Task<Results<Created<Book>, ValidationProblem>> Add(NewBook book, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(book.Title))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["title"] = ["A title is required."],
            });
        }

        var added = store.Add(book);
        return TypedResults.Created(Links.Find(added.Id), added);
    }
}
