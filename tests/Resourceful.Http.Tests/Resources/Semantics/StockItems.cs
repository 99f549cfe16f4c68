using System.Collections.Generic;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>A complete collection resource: every method, a JSON body with rules, a text representation.</summary>
[Resource("/semantics/items")]
public sealed partial class StockItems(SemanticsStore store)
{
    /// <summary>Set by <see cref="Find"/>, so tests can see a handler's own headers survive (HEAD included).</summary>
    public const string VersionHeader = "X-Store-Version";

    [Get]
    public IReadOnlyList<StockItem> List() => store.List();

    [Get("{id:int}")]
    public Results<Ok<StockItem>, NotFound> Find(int id, HttpResponse response)
    {
        response.Headers[VersionHeader] = store.Version.ToString(CultureInfo.InvariantCulture);
        return store.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();
    }

    [Get("{id:int}/label")]
    public string Label(int id) => store.Find(id) is { } item ? $"{item.Name} ({item.Quantity})" : "unknown";

    [Post]
    public Created<StockItem> Add(NewStockItem item)
    {
        var added = store.Add(item);
        return TypedResults.Created(Links.Find(added.Id), added);
    }

    [Put("{id:int}")]
    public Results<NoContent, NotFound> Replace(int id, NewStockItem item)
        => store.Replace(id, item) ? TypedResults.NoContent() : TypedResults.NotFound();

    [Patch("{id:int}")]
    public Results<Ok<StockItem>, NotFound> Update(int id, StockItemPatch patch)
        => store.Update(id, patch) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound();

    [Delete("{id:int}")]
    public Results<NoContent, NotFound> Remove(int id)
        => store.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound();
}
