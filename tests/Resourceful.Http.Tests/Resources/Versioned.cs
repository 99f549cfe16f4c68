using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Http.Tests.Resources;

/// <summary>A representation whose <c>[ConcurrencyCheck]</c> version is its ETag.</summary>
public sealed class Document
{
    private readonly string _text = string.Empty;

    /// <summary>How often the body was serialised (its <see cref="Text"/> read): a 304 never reads it.</summary>
    public static int TextReads;

    public int Id { get; init; }

    public string Text
    {
        get
        {
            Interlocked.Increment(ref TextReads);
            return _text;
        }

        init => _text = value;
    }

    [ConcurrencyCheck]
    public int Version { get; init; }
}

public sealed record DocumentEdit(string Text);

/// <summary>Documents with a version each; a write succeeds only against the version it read (compare-and-set).</summary>
public sealed class DocumentStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Document> _documents = [];

    public Document? Find(int id)
    {
        lock (_gate)
        {
            return _documents.GetValueOrDefault(id);
        }
    }

    public Document Reset(int id, string text)
    {
        lock (_gate)
        {
            return _documents[id] = new Document { Id = id, Text = text, Version = 1 };
        }
    }

    /// <summary>Replaces the document if <paramref name="allows"/> accepts its current version; null when absent.</summary>
    public (Document? Current, bool Written) Replace(int id, string text, Func<int, bool> allows)
    {
        lock (_gate)
        {
            if (!_documents.TryGetValue(id, out var current))
            {
                return (null, false);
            }

            if (!allows(current.Version))
            {
                return (current, false);
            }

            return (_documents[id] = new Document { Id = id, Text = text, Version = current.Version + 1 }, true);
        }
    }
}

[Resource("/documents")]
public sealed partial class Documents(DocumentStore store)
{
    [Get("{id:int}")]
    public Results<Ok<Document>, NotFound> Find(int id)
        => store.Find(id) is { } document ? TypedResults.Ok(document) : TypedResults.NotFound();

    /// <summary>The plain-value result shape: the representation itself, not a typed result.</summary>
    [Get("{id:int}/plain")]
    public Document? FindPlain(int id) => store.Find(id);

    [Get("{id:int}/async")]
    public async Task<Ok<Document>> FindAsync(int id)
    {
        await Task.Yield();
        return TypedResults.Ok(store.Find(id) ?? store.Reset(id, "new"));
    }

    /// <summary>Resets a document to version 1, so each test starts from a known state.</summary>
    [Post("{id:int}/reset")]
    public Ok<Document> Reset(int id, DocumentEdit edit) => TypedResults.Ok(store.Reset(id, edit.Text));

    [Put("{id:int}", RequireIfMatch = true)]
    public async Task<Results<Ok<Document>, NotFound, PreconditionFailed>> Replace(int id, DocumentEdit edit, Preconditions preconditions)
    {
        // Under load a second request reaches the store while the first is still between its check and write.
        await Task.Yield();
        var (current, written) = store.Replace(id, edit.Text, version => preconditions.Allows(version));
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        return written ? TypedResults.Ok(current) : new PreconditionFailed();
    }

    /// <summary>Preconditions without RequireIfMatch: If-None-Match and an absent If-Match are evaluated by the handler.</summary>
    [Patch("{id:int}")]
    public Results<Ok<Document>, NotFound, PreconditionFailed> Edit(int id, DocumentEdit edit, Preconditions preconditions)
    {
        var (current, written) = store.Replace(id, edit.Text, version => preconditions.Allows(version));
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        return written ? TypedResults.Ok(current) : new PreconditionFailed();
    }

    [Delete("{id:int}", RequireIfMatch = true)]
    public Results<NoContent, PreconditionRequired> Remove(int id) => id == 0 ? new PreconditionRequired() : TypedResults.NoContent();
}

/// <summary>A representation whose <c>[Timestamp]</c> date is its version: ETag and Last-Modified.</summary>
public sealed record Event(int Id, string Name, [property: Timestamp] DateTimeOffset Updated);

public sealed class EventStore
{
    public static readonly DateTimeOffset Updated = new(2024, 2, 29, 12, 30, 15, 250, TimeSpan.Zero);

    public Event Find(int id) => new(id, "Launch", Updated);
}

[Resource("/events")]
public sealed partial class Events(EventStore store)
{
    [Get("{id:int}")]
    public Event Find(int id) => store.Find(id);

    [Put("{id:int}")]
    public Results<Ok<Event>, PreconditionFailed> Replace(int id, Preconditions preconditions)
    {
        var current = store.Find(id);
        return preconditions.Allows(current.Updated) ? TypedResults.Ok(current) : new PreconditionFailed();
    }
}
