using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>Body limits: 100 bytes for the resource; a handler's own limit, larger or smaller, wins.</summary>
[Resource("/semantics/limited", MaxBodySize = 100)]
public sealed partial class LimitedUploads(SemanticsStore store)
{
    [Post]
    public Created<StockItem> Add(NewStockItem item)
    {
        var added = store.Add(item);
        return TypedResults.Created(StockItems.Links.Find(added.Id), added);
    }

    [Put("{id:int}", MaxBodySize = 1000)]
    public Results<NoContent, NotFound> Replace(int id, NewStockItem item)
        => store.Replace(id, item) ? TypedResults.NoContent() : TypedResults.NotFound();

    [Patch("{id:int}", MaxBodySize = 50)]
    public Results<Ok<StockItem>, NotFound> Update(int id, StockItemPatch patch)
        => store.Update(id, patch) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound();
}
