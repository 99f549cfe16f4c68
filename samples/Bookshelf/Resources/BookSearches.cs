using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Bookshelf.Data;
using Bookshelf.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Resourceful;

namespace Bookshelf.Resources;

/// <summary>
/// <c>QUERY /books/search</c>: a search too structured for a query string, sent as a JSON body with the HTTP
/// <c>QUERY</c> method (RFC 10008), which is safe and idempotent like <c>GET</c>.
/// </summary>
[Resource("/books/search")]
public sealed partial class BookSearches(BookStore books)
{
    /// <summary>The books that pass every filter of the body, oldest first, at most <c>limit</c> of them.</summary>
    [Query]
    public async Task<Results<Ok<IReadOnlyList<Book>>, ValidationProblem>> Search(BookSearch search, CancellationToken cancellationToken)
    {
        var errors = search.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (items, _) = await books.ListAsync(search.ToFilter(), new Paging(1, search.Limit ?? BookSearch.DefaultLimit), cancellationToken);
        return TypedResults.Ok(items);
    }
}
