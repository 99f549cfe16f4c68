using System.Collections.Generic;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>Authorization from attributes on the class and on methods, as minimal APIs read them.</summary>
[Authorize]
[Resource("/semantics/secured")]
public sealed partial class SecuredItems(SemanticsStore store)
{
    /// <summary>The policy of <see cref="Add"/>: the caller needs the <c>editor</c> role.</summary>
    public const string EditorsPolicy = "Editors";

    [Get]
    public IReadOnlyList<StockItem> List() => store.List();

    [Get("me")]
    public string WhoAmI(ClaimsPrincipal user) => user.Identity?.Name ?? "nobody";

    [AllowAnonymous]
    [Get("public")]
    public string Public() => "open to anyone";

    [Authorize(Policy = EditorsPolicy)]
    [Post]
    public Created<StockItem> Add(NewStockItem item)
    {
        var added = store.Add(item);
        return TypedResults.Created(StockItems.Links.Find(added.Id), added);
    }

    [Authorize(Roles = "admin")]
    [Delete("{id:int}")]
    public Results<NoContent, NotFound> Remove(int id)
        => store.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound();
}
