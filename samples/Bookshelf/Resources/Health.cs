using Bookshelf.Data;
using Microsoft.AspNetCore.Mvc;
using Resourceful;

namespace Bookshelf.Resources;

/// <summary>A liveness probe for load balancers and orchestrators: <c>GET /health</c>.</summary>
/// <remarks>A static class works as a resource: its handlers take everything they need as parameters.</remarks>
[Resource("/health")]
public static partial class Health
{
    /// <summary><c>GET /health</c>: <c>Healthy</c> as <c>text/plain</c> when the database answers.</summary>
    /// <remarks>A <see cref="string"/> result is written as <c>200 OK</c> <c>text/plain</c>.</remarks>
    [Get]
    public static string Check([FromServices] BookshelfDatabase database)
    {
        database.Ping();
        return "Healthy";
    }
}
