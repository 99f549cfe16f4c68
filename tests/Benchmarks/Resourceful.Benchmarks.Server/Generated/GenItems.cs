using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Benchmarks.Server.Generated;

/// <summary>The generated variant: the handlers as a Resourceful user writes them. OPTIONS and 405 are generated.</summary>
[Resource("/gen/items")]
public sealed partial class GenItems(ItemStore store)
{
    /// <summary><c>GET /gen/items/{id}</c>: the item as JSON, or 404.</summary>
    [Get("{id:int}")]
    public Results<Ok<Item>, NotFound> Find(int id) =>
        store.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    /// <summary><c>POST /gen/items</c>: 201 with <c>Location</c> and the new item.</summary>
    [Post]
    public Created<Item> Add(NewItem item)
    {
        var created = store.Add(item);
        return TypedResults.Created(Links.Find(created.Id), created);
    }
}
