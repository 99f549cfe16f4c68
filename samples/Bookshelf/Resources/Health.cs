using System;
using System.Data.Common;
using System.Threading.Tasks;
using Bookshelf.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Resourceful;
using StackExchange.Redis;

namespace Bookshelf.Resources;

/// <summary>A readiness probe for load balancers and orchestrators: <c>GET /health</c>.</summary>
/// <remarks>A static class works as a resource: its handlers take everything they need as parameters.</remarks>
[Resource("/health")]
public static partial class Health
{
    /// <summary>
    /// <c>GET /health</c>: <c>Healthy</c> as <c>text/plain</c> when the database answers (and Redis, when the app
    /// uses it); otherwise <c>503 Service Unavailable</c> problem details naming what failed, so a load balancer
    /// takes the instance out of rotation until it recovers.
    /// </summary>
    [Get]
    public static async Task<IResult> Check([FromServices] BookshelfDatabase database, [FromServices] IServiceProvider services)
    {
        try
        {
            database.Ping();
        }
        catch (DbException error)
        {
            return Unavailable($"The database ({database.Dialect.Name}) does not answer: {error.Message}");
        }

        if (services.GetService<RedisConnection>() is { } redis)
        {
            try
            {
                await redis.PingAsync();
            }
            catch (RedisException error)
            {
                return Unavailable($"Redis does not answer: {error.Message}");
            }
        }

        return TypedResults.Text("Healthy");
    }

    private static ProblemHttpResult Unavailable(string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unhealthy");
}
