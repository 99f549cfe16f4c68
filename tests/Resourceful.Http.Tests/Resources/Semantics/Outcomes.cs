using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>Results without content (void, Task, NoContent, 304) next to a creation with a Location.</summary>
[Resource("/semantics/outcomes")]
public sealed partial class Outcomes(SemanticsStore store)
{
    [Post]
    public Created<StockItem> Add(NewStockItem item)
    {
        var added = store.Add(item);
        return TypedResults.Created(StockItems.Links.Find(added.Id), added);
    }

    [Delete("void/{id:int}")]
    public void RemoveQuietly(int id) => store.Remove(id);

    [Delete("task/{id:int}")]
    public async Task RemoveAsync(int id)
    {
        await Task.Yield();
        store.Remove(id);
    }

    [Put("no-content/{id:int}")]
    public NoContent Touch(int id) => TypedResults.NoContent();

    /// <summary>A conditional GET: <c>304</c> when the client already holds the current version.</summary>
    [Get("{id:int}")]
    public IResult Cached(int id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, HttpResponse response)
    {
        if (store.Find(id) is not { } item)
        {
            return TypedResults.NotFound();
        }

        var etag = $"\"v{store.Version}\"";
        response.Headers.ETag = etag;
        return ifNoneMatch == etag ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(item);
    }
}
