using System;
using System.ComponentModel;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.DependencyInjection;

namespace Resourceful.Runtime;

/// <summary>
/// The <c>ISession</c> handler parameter: ASP.NET Core's own session (<c>AddSession()</c> + <c>UseSession()</c>),
/// checked at start-up and loaded asynchronously before the handler runs. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulSession
{
    /// <summary>
    /// Fails at start-up (in <c>MapResources()</c>) when a handler takes <c>ISession</c> and the app never called
    /// <c>AddSession()</c>: without it, every request to the handler would fail. Skipped when the app's container
    /// cannot tell (it does not implement <see cref="IServiceProviderIsService"/>).
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="handler">The handler, for the message: <c>Shop.Cart.Get</c>.</param>
    /// <exception cref="InvalidOperationException">No <see cref="ISessionStore"/> is registered.</exception>
    public static void RequireSessions(IServiceProvider services, string handler)
    {
        if (services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(ISessionStore)))
        {
            throw new InvalidOperationException(
                $"{handler} takes an ISession parameter, but sessions are not configured. Call builder.Services.AddSession() "
                + "(with a distributed cache such as AddDistributedMemoryCache()) and app.UseSession() before the endpoints.");
        }
    }

    /// <summary>
    /// The request's session, loaded from the distributed cache asynchronously (<see cref="ISession.LoadAsync"/>), so
    /// the handler's reads and writes never block a thread on the cache. <c>UseSession()</c>'s position can only be
    /// seen here, per request: without its feature the request fails as minimal APIs' <c>HttpContext.Session</c> does,
    /// with an <see cref="InvalidOperationException"/> (a 500: the app's bug, not the client's).
    /// </summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="handler">The handler, for the message.</param>
    /// <exception cref="InvalidOperationException">The session middleware did not run for this request.</exception>
    public static async ValueTask<ISession> LoadAsync(HttpContext httpContext, string handler)
    {
        var session = httpContext.Features.Get<ISessionFeature>()?.Session
            ?? throw new InvalidOperationException(
                $"{handler} takes an ISession parameter, but the session middleware did not run for this request. "
                + "Call app.UseSession() before the endpoints (after UseRouting() when the app calls it).");
        await session.LoadAsync(httpContext.RequestAborted);
        return session;
    }
}
