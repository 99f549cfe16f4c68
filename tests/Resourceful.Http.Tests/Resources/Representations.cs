using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources;

/// <summary>A representation with a renamed member, a nullable one, a nested object and a list.</summary>
public sealed class Novel
{
    public int Id { get; init; }

    public string Title { get; init; } = "";

    [JsonPropertyName("isbn_13")]
    public string? Isbn { get; init; }

    public string? Subtitle { get; init; }

    public int PublishedYear { get; init; }

    public Person? Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    [JsonIgnore]
    public string Secret { get; init; } = "hidden";
}

public sealed record Person(string Name, int Born);

/// <summary>[ResponseCache] on the class and on a handler, [SparseFieldsets] on the class.</summary>
[Resource("/novels"), ResponseCache(Duration = 30), SparseFieldsets]
public sealed partial class Novels
{
    internal static readonly Novel[] All =
    [
        new() { Id = 1, Title = "Dune", Isbn = "9780441172719", PublishedYear = 1965, Author = new("Frank Herbert", 1920), Tags = ["sf"] },
        new() { Id = 2, Title = "Emma", Subtitle = null, PublishedYear = 1815, Author = null, Tags = [] },
    ];

    [Get]
    public IReadOnlyList<Novel> List() => All;

    [Get("{id:int}"), ResponseCache(Duration = 5, Location = ResponseCacheLocation.Client, VaryByHeader = "Accept-Language")]
    public Results<Ok<Novel>, NotFound> Find(int id) =>
        All.FirstOrDefault(n => n.Id == id) is { } novel ? TypedResults.Ok(novel) : TypedResults.NotFound();

    [Get("{id:int}/summary")]
    public Ok<Novel> Summary(int id) => TypedResults.Ok(All[id % 2]);

    [Get("{id:int}/events")]
    public Results<Ok<Novel>, ServerSentEventsResult<Novel>> Events(int id) => TypedResults.Ok(All[id % 2]);

    [Get("private"), ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public string Private() => "secret";

    [Post]
    public Created<Novel> Add(Novel body) => TypedResults.Created("/novels/3", body);
}
