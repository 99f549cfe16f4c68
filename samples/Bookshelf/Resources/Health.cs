using System;
using Bookshelf.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Resourceful;

namespace Bookshelf.Resources;

/// <summary>A readiness probe for load balancers and orchestrators: <c>GET /health</c>.</summary>
/// <remarks>A static class works as a resource: its handlers take everything they need as parameters.</remarks>
[Resource("/health")]
public static partial class Health
{
    /// <summary>
    /// <c>GET /health</c>: <c>Healthy</c> as <c>text/plain</c> when the database answers, and Redis when the app
    /// uses it. When one does not, its error becomes <c>503 Service Unavailable</c> problem details
    /// (<see cref="DataExceptionHandler"/>), so a load balancer takes the instance out of rotation until it recovers.
    /// </summary>
    /// <remarks>A <see cref="string"/> result is written as <c>200 OK</c> <c>text/plain</c>.</remarks>
    [Get]
    public static string Check([FromServices] BookshelfDatabase database, [FromServices] IServiceProvider services)
    {
        database.Ping();
        services.GetService<RedisConnection>()?.Ping();
        return "Healthy";
    }
}
