using System.Globalization;
using System.Security.Claims;
using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Resourceful.Http.Tests.Resources;

/// <summary>Record with constructor parameters bound through <c>[AsParameters]</c>, mixing sources.</summary>
public sealed record ItemLookup(int Id, [FromQuery(Name = "v")] int? Version, IGreeter Greeter);

/// <summary>Class with settable properties bound through <c>[AsParameters]</c>.</summary>
public sealed class SearchParameters
{
    public string? Q { get; set; }

    public int? Limit { get; set; }

    [FromHeader(Name = "X-Tenant")]
    public string? Tenant { get; set; }
}

/// <summary>Services, keyed services, <c>[AsParameters]</c> and the request objects that are injected.</summary>
[Resource("/services")]
public sealed partial class ServiceValues
{
    [Get("explicit")]
    public string Explicit([FromServices] Clock clock) => clock.Today;

    [Get("inferred")]
    public string Inferred(IGreeter greeter, string name) => greeter.Greet(name);

    [Get("keyed")]
    public string Keyed([FromKeyedServices("k")] IGreeter greeter, string name) => greeter.Greet(name);

    // A concrete type on POST would be the body if DI could not resolve it; AuditLog is registered.
    [Post("audits")]
    public string Audit(AuditLog log) => log.Name;

    [Get("items/{id:int}")]
    public string Lookup([AsParameters] ItemLookup lookup)
        => string.Create(CultureInfo.InvariantCulture, $"{lookup.Id}|{lookup.Version?.ToString(CultureInfo.InvariantCulture) ?? "null"}|{lookup.Greeter.Greet("as-parameters")}");

    [Get("searches")]
    public string Search([AsParameters] SearchParameters search)
        => string.Create(CultureInfo.InvariantCulture, $"{search.Q ?? "null"}|{search.Limit?.ToString(CultureInfo.InvariantCulture) ?? "null"}|{search.Tenant ?? "null"}");

    [Get("context")]
    public string Context(
        HttpContext context,
        HttpRequest request,
        HttpResponse response,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var same = ReferenceEquals(context.Request, request)
            && ReferenceEquals(context.Response, response)
            && ReferenceEquals(context.User, user)
            && cancellationToken == context.RequestAborted;
        response.Headers["X-Same-Request"] = same ? "true" : "false";
        return $"{request.Method} {request.Path}|{user.Identity?.Name ?? "anonymous"}";
    }
}
