using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>
/// A resource that moved from <c>/semantics/old-articles</c> (every path below it too), and one handler with old
/// URIs of its own: an absolute one and one relative to the resource.
/// </summary>
[MovedFrom("/semantics/old-articles")]
[Resource("/semantics/articles")]
public sealed partial class Articles
{
    private static readonly string[] Titles = ["Zero", "One", "Two", "Three", "Four", "Five"];

    [Get]
    public IReadOnlyList<string> List() => Titles;

    [MovedFrom("/semantics/legacy/{id}")]
    [MovedFrom("by-number/{id}")]
    [Get("{id:int}")]
    public Results<Ok<string>, NotFound> Find(int id)
        => id >= 0 && id < Titles.Length ? TypedResults.Ok(Titles[id]) : TypedResults.NotFound();

    [Post]
    public Created<string> Add(NewStockItem item) => TypedResults.Created(Links.Find(6), item.Name);

    [Put("{id:int}")]
    public void Replace(int id, NewStockItem item)
    {
    }
}
