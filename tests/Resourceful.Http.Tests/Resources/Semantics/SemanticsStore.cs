using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>
/// The in-memory data behind the <c>/semantics/...</c> resources, one per app (a singleton), so a test can prove
/// that a rejected request changed nothing: every write bumps <see cref="Version"/> and shows in <see cref="Snapshot"/>.
/// </summary>
public sealed class SemanticsStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, StockItem> _items = new()
    {
        [1] = new StockItem(1, "Bolt", 10, "BLT-001"),
        [2] = new StockItem(2, "Nut", 20, null),
    };

    private int _nextId = 3;
    private int _version;

    /// <summary>How many writes the store has taken.</summary>
    public int Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public IReadOnlyList<StockItem> List()
    {
        lock (_gate)
        {
            return _items.Values.ToArray();
        }
    }

    public StockItem? Find(int id)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(id);
        }
    }

    public StockItem Add(NewStockItem item)
    {
        lock (_gate)
        {
            var added = new StockItem(_nextId++, item.Name, item.Quantity, item.StockKeepingUnit);
            _items.Add(added.Id, added);
            _version++;
            return added;
        }
    }

    public bool Replace(int id, NewStockItem item)
    {
        lock (_gate)
        {
            if (!_items.ContainsKey(id))
            {
                return false;
            }

            _items[id] = new StockItem(id, item.Name, item.Quantity, item.StockKeepingUnit);
            _version++;
            return true;
        }
    }

    public StockItem? Update(int id, StockItemPatch patch)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(id, out var item))
            {
                return null;
            }

            var updated = item with { Name = patch.Name ?? item.Name, Quantity = patch.Quantity ?? item.Quantity };
            _items[id] = updated;
            _version++;
            return updated;
        }
    }

    public bool Remove(int id)
    {
        lock (_gate)
        {
            if (!_items.Remove(id))
            {
                return false;
            }

            _version++;
            return true;
        }
    }

    /// <summary>Every item and the version as one string, to compare the whole store before and after a request.</summary>
    public string Snapshot()
    {
        lock (_gate)
        {
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"v{_version}");
            foreach (var item in _items.Values)
            {
                text.Append(CultureInfo.InvariantCulture, $";{item.Id}|{item.Name}|{item.Quantity}|{item.Sku}");
            }

            return text.ToString();
        }
    }
}

public static class SemanticsServices
{
    /// <summary>What the <c>/semantics/...</c> resources need, on top of the project's test services.</summary>
    public static IServiceCollection AddSemanticsServices(this IServiceCollection services)
    {
        services.AddSingleton<SemanticsStore>();
        return services;
    }
}
