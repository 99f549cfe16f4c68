using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Benchmarks.Server.Generated;

/// <summary>A representation of eight members, for the sparse-fieldsets benchmark (2 of 8 against all 8).</summary>
public sealed record CatalogRecord(
    int Id,
    string Name,
    string Description,
    decimal Price,
    bool InStock,
    string Category,
    DateTimeOffset UpdatedAt,
    string[] Tags);

/// <summary><c>GET /gen/records/{id}</c>: the record, or only the members <c>?fields=</c> names.</summary>
[Resource("/gen/records")]
public sealed partial class GenRecords
{
    private static readonly CatalogRecord Record = new(
        1,
        "Widget",
        "A widget of medium size, for all the usual purposes, in a box.",
        12.5m,
        true,
        "hardware",
        new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
        ["blue", "metal", "boxed"]);

    [Get("{id:int}"), SparseFieldsets]
    public static Ok<CatalogRecord> Find(int id) => TypedResults.Ok(Record with { Id = id });
}
