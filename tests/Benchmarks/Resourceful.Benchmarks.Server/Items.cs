using System.Threading;

namespace Resourceful.Benchmarks.Server;

/// <summary>An item as every variant returns it.</summary>
public sealed record Item(int Id, string Name, decimal Price, bool InStock);

/// <summary>The body every variant's <c>POST</c> reads.</summary>
public sealed record NewItem(string Name, decimal Price);

/// <summary>
/// The one in-memory store behind all four variants, so only the framework differs between them. Lock-free and
/// bounded: a load test that posts millions of items keeps a constant heap, so no variant pays for the garbage
/// of another.
/// </summary>
public sealed class ItemStore
{
    /// <summary>Items 1..<see cref="SeedCount"/> always exist: the <c>GET</c> cases read them.</summary>
    public const int SeedCount = 100;

    /// <summary>An id that is never found: the 404 cases ask for it.</summary>
    public const int MissingId = 0;

    // Posted items live in a ring: only the most recent ones can be read back.
    private const int RecentCapacity = 1024;

    private readonly Item[] _seeded = new Item[SeedCount];
    private readonly Item?[] _recent = new Item?[RecentCapacity];
    private int _lastId = SeedCount;

    /// <summary>Seeds items 1..<see cref="SeedCount"/>.</summary>
    public ItemStore()
    {
        for (var i = 0; i < SeedCount; i++)
        {
            _seeded[i] = new Item(i + 1, "Item " + (i + 1), 9.99m + i, InStock: i % 3 != 0);
        }
    }

    /// <summary>The item with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public Item? Find(int id)
    {
        if (id is >= 1 and <= SeedCount)
        {
            return _seeded[id - 1];
        }

        if (id <= SeedCount || id > Volatile.Read(ref _lastId))
        {
            return null;
        }

        var item = Volatile.Read(ref _recent[id % RecentCapacity]);
        return item is not null && item.Id == id ? item : null;
    }

    /// <summary>Stores a new item under the next id.</summary>
    public Item Add(NewItem input)
    {
        var id = Interlocked.Increment(ref _lastId);
        var item = new Item(id, input.Name, input.Price, InStock: true);
        Volatile.Write(ref _recent[id % RecentCapacity], item);
        return item;
    }
}
