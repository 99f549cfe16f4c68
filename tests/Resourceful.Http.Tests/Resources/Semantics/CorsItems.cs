using System.Collections.Generic;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>Served under the app's default CORS policy, when it has one.</summary>
[Resource("/semantics/cors")]
public sealed partial class CorsItems(SemanticsStore store)
{
    [Get]
    public IReadOnlyList<StockItem> List() => store.List();

    [Put("{id:int}")]
    public Results<NoContent, NotFound> Replace(int id, NewStockItem item)
        => store.Replace(id, item) ? TypedResults.NoContent() : TypedResults.NotFound();
}

/// <summary>Names its CORS policy with <c>[EnableCors]</c>, which reaches the endpoints as metadata.</summary>
[EnableCors(PartnersPolicy)]
[Resource("/semantics/partners")]
public sealed partial class PartnerItems(SemanticsStore store)
{
    public const string PartnersPolicy = "partners";

    [Get]
    public IReadOnlyList<StockItem> List() => store.List();

    [Put("{id:int}")]
    public Results<NoContent, NotFound> Replace(int id, NewStockItem item)
        => store.Replace(id, item) ? TypedResults.NoContent() : TypedResults.NotFound();
}

/// <summary>Names its CORS policy on one method only: the preflight for that method must still find it.</summary>
[Resource("/semantics/partner-methods")]
public sealed partial class PartnerMethods(SemanticsStore store)
{
    [Get]
    public IReadOnlyList<StockItem> List() => store.List();

    [EnableCors(PartnerItems.PartnersPolicy)]
    [Put("{id:int}")]
    public Results<NoContent, NotFound> Replace(int id, NewStockItem item)
        => store.Replace(id, item) ? TypedResults.NoContent() : TypedResults.NotFound();
}
