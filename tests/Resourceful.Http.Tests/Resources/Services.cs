using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace Resourceful.Http.Tests.Resources;

public interface IGreeter
{
    string Greet(string name);
}

public sealed class Greeter : IGreeter
{
    public string Greet(string name) => $"Hello, {name}";
}

/// <summary>Registered under the key <c>"k"</c> only, so a keyed parameter is told apart from the default one.</summary>
public sealed class KeyedGreeter : IGreeter
{
    public string Greet(string name) => $"Keyed hello, {name}";
}

/// <summary>A concrete class registered in DI: on POST it must bind as the service, never as the JSON body.</summary>
public sealed class AuditLog
{
    public string Name => "audit-log";
}

/// <summary>A concrete service injected with <c>[FromServices]</c>.</summary>
public sealed class Clock
{
    public string Today => "2024-02-29";
}

/// <summary>Scoped: one per request, each with its own number, so tests can see request scopes.</summary>
public sealed class ScopedProbe
{
    private static int s_next;

    public int Id { get; } = Interlocked.Increment(ref s_next);
}

/// <summary>Numbers the resource instances that get constructed, to prove one instance per request.</summary>
public sealed class InstanceLog
{
    private int _next;

    public int Next() => Interlocked.Increment(ref _next);
}

public sealed class BookStore
{
    private readonly Lock _gate = new();
    private readonly List<Book> _books =
    [
        new Book(1, "Dune", new System.DateOnly(1965, 8, 1)),
        new Book(42, "The Hitchhiker's Guide", new System.DateOnly(1979, 10, 12)),
    ];

    public IReadOnlyList<Book> List(int limit)
    {
        lock (_gate)
        {
            return _books.Take(limit).ToArray();
        }
    }

    public Book? Find(int id)
    {
        lock (_gate)
        {
            return _books.FirstOrDefault(b => b.Id == id);
        }
    }

    public Book Add(NewBook book)
    {
        lock (_gate)
        {
            var added = new Book(_books.Max(b => b.Id) + 1, book.Title, new System.DateOnly(2024, 2, 29));
            _books.Add(added);
            return added;
        }
    }
}

public static class TestServices
{
    /// <summary>Everything any resource of this project needs, so <c>MapResources()</c> maps them all.</summary>
    public static IServiceCollection AddTestServices(this IServiceCollection services)
    {
        services.AddSingleton<IGreeter, Greeter>();
        services.AddKeyedSingleton<IGreeter, KeyedGreeter>("k");
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Clock>();
        services.AddScoped<ScopedProbe>();
        services.AddSingleton<InstanceLog>();
        services.AddSingleton<BookStore>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<EventStore>();

        // SessionValues takes ISession: MapResources() checks at start-up that sessions are configured.
        services.AddDistributedMemoryCache();
        services.AddSession();
        return services;
    }
}
