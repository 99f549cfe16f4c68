using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Http.Tests.Resources;

/// <summary>One handler per kind of representation: server-sent events, text, JSON, a JSON stream, a JSON body that may be null.</summary>
[Resource("/negotiated")]
public sealed partial class Negotiated
{
    private static readonly Book Sample = new(7, "Sample", new DateOnly(2024, 2, 29));

    [Get("events")]
    public ServerSentEventsResult<Book> Events() => TypedResults.ServerSentEvents(Books(), eventType: "book");

    [Get("text")]
    public string Text() => "plain text";

    [Get("json")]
    public Book Json() => Sample;

    [Get("numbers")]
    public async IAsyncEnumerable<int> Numbers([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= 3; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    [Get("maybe")]
    public List<Book>? Maybe(bool none) => none ? null : [Sample];

    private static async IAsyncEnumerable<Book> Books()
    {
        await Task.Yield();
        yield return Sample;
        yield return Sample with { Id = 8 };
    }
}
