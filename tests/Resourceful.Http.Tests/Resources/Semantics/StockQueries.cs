using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>Values from the route (unconstrained, so a bad one reaches the binder), the query and a header.</summary>
[Resource("/semantics/queries")]
public sealed partial class StockQueries(SemanticsStore store)
{
    public const string TenantHeader = "X-Tenant";

    [Get("by-id/{id}")]
    public Results<Ok<StockItem>, NotFound> ById(int id)
        => store.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    [Put("by-id/{id}")]
    public Results<NoContent, NotFound> Replace(int id, NewStockItem item)
        => store.Replace(id, item) ? TypedResults.NoContent() : TypedResults.NotFound();

    [Get("search")]
    public IReadOnlyList<StockItem> Search(int minQuantity, [FromHeader(Name = TenantHeader)] string tenant, string? name)
        => store.List().Where(i => i.Quantity >= minQuantity && (name is null || i.Name == name)).ToArray();
}
