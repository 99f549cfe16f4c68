using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Bookshelf.Data;

/// <summary>
/// What instances of the app must share to stand in for each other behind a load balancer, besides the database:
/// the data-protection key ring and the distributed cache. One setting, <see cref="RedisKey"/>, puts both in Redis.
/// </summary>
/// <remarks>
/// Data protection encrypts and signs cookies (the session cookie) and antiforgery tokens; an instance can read
/// only what was made with a key it has, so every instance must load the same key ring, under the same
/// application name (by default the name is derived from the content root, which differs between machines).
/// The distributed cache (<c>IDistributedCache</c>) holds session state, so a visitor's session follows them to
/// whichever instance answers. The sample uses no output cache (<c>AddOutputCache</c>); an app that does would add
/// <c>AddStackExchangeRedisOutputCache</c> here the same way.
/// Without the setting — one instance, <c>dotnet run</c> — keys stay in the default local key ring and the
/// cache in memory.
/// </remarks>
public static class SharedState
{
    /// <summary>The configuration key of the Redis connection (StackExchange.Redis syntax, <c>host:port,password=…</c>).</summary>
    public const string RedisKey = "Bookshelf:Redis";

    /// <summary>The data-protection application name every instance shares.</summary>
    public const string ApplicationName = "Bookshelf";

    /// <summary>Where in Redis the key ring is kept.</summary>
    public const string KeyRingKey = "bookshelf:data-protection-keys";

    /// <summary>The prefix of the cache's (and so the sessions') keys in Redis.</summary>
    public const string CachePrefix = "bookshelf:cache:";

    /// <summary>Registers data protection with the shared application name, and Redis for it and the cache when <see cref="RedisKey"/> is set.</summary>
    public static void AddBookshelfSharedState(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);

        var setting = builder.Configuration[RedisKey];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return;
        }

        var options = ConfigurationOptions.Parse(setting);

        // Start (and keep retrying) while Redis is down rather than fail: /health reports it meanwhile.
        options.AbortOnConnectFail = false;
        var redis = new RedisConnection(options);
        builder.Services.AddSingleton(redis);

        builder.Services.AddStackExchangeRedisCache(cache =>
        {
            cache.InstanceName = CachePrefix;
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer);
        });
        dataProtection.PersistKeysToStackExchangeRedis(() => redis.Multiplexer.GetDatabase(), KeyRingKey);
    }
}

/// <summary>The app's one connection to Redis, opened on first use and shared by the cache, the key ring and <c>/health</c>.</summary>
public sealed class RedisConnection(ConfigurationOptions options) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() => ConnectionMultiplexer.Connect(options), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The multiplexer; connects on first use.</summary>
    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    /// <summary>A round trip to the server; throws when it cannot be made.</summary>
    public void Ping() => Multiplexer.GetDatabase().Ping();

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
