using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>
/// A small resource whose <c>OPTIONS</c> JSON description a test compares byte for byte: route, query, header and
/// body parameters, closed and open results, and two handlers that name the same route value differently.
/// </summary>
[Resource("/semantics/described")]
public sealed partial class Described
{
    [Get("{id:int}")]
    public Results<Ok<StockItem>, NotFound> Find(int id, [FromHeader(Name = "X-Tenant")] string? tenant, bool verbose = false)
        => id == 1 ? TypedResults.Ok(new StockItem(1, verbose ? "Bolt (verbose)" : "Bolt", 10, tenant)) : TypedResults.NotFound();

    [Put("{id:int}")]
    public void Replace(int id, NewStockItem item)
    {
    }

    [Patch("{number:int}")]
    public string Rename(int number, StockItemPatch patch) => patch.Name ?? "unchanged";

    [Delete("{id:int}")]
    public IResult Remove(int id) => Results.NoContent();

    [Post]
    public Created<StockItem> Add(NewStockItem item) => TypedResults.Created("/semantics/described/3", new StockItem(3, item.Name, item.Quantity, null));
}
