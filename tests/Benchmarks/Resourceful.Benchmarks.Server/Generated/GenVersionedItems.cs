using System.ComponentModel.DataAnnotations;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Benchmarks.Server.Generated;

/// <summary>An item with a <c>[ConcurrencyCheck]</c> version: its <c>GET</c> answers an <c>ETag</c> and revalidates.</summary>
public sealed record VersionedItem(int Id, string Name, decimal Price, bool InStock, [property: ConcurrencyCheck] long Version);

/// <summary>
/// The conditional-request benchmark (issue 15): <c>GET /gen/versioned/{id}</c> answered <c>200</c> with the body, or
/// <c>304</c> without it when <c>If-None-Match</c> names the current version. The items are made once, so neither
/// path allocates for the store and the figures are the endpoint's.
/// </summary>
[Resource("/gen/versioned")]
public sealed partial class GenVersionedItems
{
    private static readonly VersionedItem[] Items = Enumerable.Range(0, ItemStore.SeedCount + 1)
        .Select(static id => new VersionedItem(id, "Item " + id, 9.5m + id, id % 2 == 0, Version: 7))
        .ToArray();

    /// <summary><c>GET /gen/versioned/{id}</c>: the item as JSON with <c>ETag: "7"</c>, or 404.</summary>
    [Get("{id:int}")]
    public static Results<Ok<VersionedItem>, NotFound> Find(int id) =>
        id is > 0 and <= ItemStore.SeedCount ? TypedResults.Ok(Items[id]) : TypedResults.NotFound();
}
