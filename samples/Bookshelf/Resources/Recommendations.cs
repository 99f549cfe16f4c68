using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Bookshelf.Data;
using Bookshelf.Models;
using Resourceful;

namespace Bookshelf.Resources;

/// <summary>The best-reviewed books of a genre: <c>/recommendations?genre=Fantasy</c>.</summary>
[Resource("/recommendations")]
public sealed partial class Recommendations(BookStore books)
{
    /// <summary>The largest number of recommendations one request returns.</summary>
    public const int MaxCount = 10;

    /// <summary><c>GET /recommendations?genre=ScienceFiction&amp;count=2</c>: the best-rated books of a genre, best first.</summary>
    /// <param name="genre">The genre, by name. Required: without it the request is a <c>400</c> naming <c>genre</c>.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <param name="count">How many books, 1 to <see cref="MaxCount"/>; 3 by default, and clamped to that range.</param>
    [Get]
    public Task<IReadOnlyList<Recommendation>> List(Genre genre, CancellationToken cancellationToken, int count = 3)
        => books.RecommendAsync(genre, Math.Clamp(count, 1, MaxCount), cancellationToken);
}
