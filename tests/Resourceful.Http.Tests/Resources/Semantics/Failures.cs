using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>Handlers that throw, synchronously, asynchronously, after binding a body, and through a null result.</summary>
[Resource("/semantics/failures")]
public sealed partial class Failures(SemanticsStore store)
{
    /// <summary>Appears in every exception message here: it must never reach a client outside Development.</summary>
    public const string Secret = "secret-connection-string=Server=db;Password=hunter2";

    [Get("sync")]
    public string Sync() => throw new InvalidOperationException(Secret);

    [Get("async")]
    public async Task<StockItem> Async()
    {
        await Task.Yield();
        throw new InvalidOperationException(Secret);
    }

    [Post]
    public void Add(NewStockItem item)
    {
        // Fails before touching the store, as a real handler might after a failed check.
        if (item.Name.Length > 0)
        {
            throw new InvalidOperationException(Secret);
        }

        store.Add(item);
    }

    [Get("null-result")]
    public IResult NullResult() => null!;

    [Get("fine")]
    public string Fine() => "still serving";
}
