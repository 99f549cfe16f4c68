using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Resourceful.Runtime;

/// <summary>
/// Executes the typed results that REST handlers return most (<see cref="Ok{TValue}"/>, <see cref="Created{TValue}"/>,
/// <see cref="NotFound"/>, …) with the response the built-in <c>ExecuteAsync</c> writes, byte for byte and log line for
/// log line, but with the loggers and each body's <see cref="JsonTypeInfo{T}"/> resolved once at start-up: the built-in
/// resolves <see cref="ILoggerFactory"/>, <see cref="JsonOptions"/> and the type info from the request's services on
/// every request. Whatever this class cannot reproduce exactly is left to the built-in. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResourcefulTypedResults
{
    // The categories, event ids, names and templates of ASP.NET Core's own result logging, so that log filters and
    // dashboards see the same lines whichever code executed the result.
    private static readonly Action<ILogger, int, Exception?> LogStatusCode = LoggerMessage.Define<int>(
        LogLevel.Information, new EventId(1, "WritingResultAsStatusCode"), "Setting HTTP status code {StatusCode}.");

    private static readonly Action<ILogger, string, Exception?> LogJson = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(3, "WritingResultAsJson"), "Writing value of type '{Type}' as Json.");

    private static readonly ConditionalWeakTable<IServiceProvider, ResourcefulTypedResults> PerApp = new();

    private readonly JsonSerializerOptions _jsonOptions;
    private readonly ILogger _okLogger;
    private readonly ILogger _createdLogger;
    private readonly ILogger _acceptedLogger;
    private readonly ILogger _noContentLogger;
    private readonly ILogger _notFoundLogger;
    private readonly ILogger _badRequestLogger;
    private readonly ILogger _conflictLogger;
    private readonly ILogger _unprocessableEntityLogger;

    private ResourcefulTypedResults(IServiceProvider services)
    {
        // Routing itself needs logging, so an app that maps endpoints always has a logger factory.
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        _okLogger = loggerFactory.CreateLogger("Microsoft.AspNetCore.Http.Result.OkObjectResult");
        _createdLogger = loggerFactory.CreateLogger("Microsoft.AspNetCore.Http.Result.CreatedResult");
        _acceptedLogger = loggerFactory.CreateLogger("Microsoft.AspNetCore.Http.Result.AcceptedResult");
        _noContentLogger = loggerFactory.CreateLogger("Microsoft.AspNetCore.Http.Result.NoContentResult");
        _notFoundLogger = loggerFactory.CreateLogger("Microsoft.AspNetCore.Http.Result.NotFoundObjectResult");
        _badRequestLogger = loggerFactory.CreateLogger("Microsoft.AspNetCore.Http.Result.BadRequestObjectResult");
        _conflictLogger = loggerFactory.CreateLogger("Microsoft.AspNetCore.Http.Result.ConflictObjectResult");
        _unprocessableEntityLogger = loggerFactory.CreateLogger("Microsoft.AspNetCore.Http.Result.UnprocessableEntityObjectResult");

        // The options the built-in results resolve per request: the app's singleton, or defaults when there is none.
        _jsonOptions = ResourcefulJson.SerializerOptions(services);
    }

    /// <summary>Fails as <c>Results&lt;…&gt;.ExecuteAsync</c> fails for a union whose member is null.</summary>
    public static Task NullUnionMember() =>
        throw new InvalidOperationException("The IResult assigned to the Result property must not be null.");

    /// <summary>
    /// Executes a union member that carries no body (<see cref="NotFound"/>, <see cref="NoContent"/>, <see cref="Ok"/>,
    /// <see cref="Created"/>, …), the same way for every handler: the generated code writes only the members with a
    /// body itself. Any other member executes itself, and a null one fails, as <c>Results&lt;…&gt;.ExecuteAsync</c> does.
    /// </summary>
    public Task WriteAsync(IResult? result, HttpContext httpContext) => result switch
    {
        NotFound => NotFoundAsync(httpContext),
        NoContent => NoContentAsync(httpContext),
        Ok => OkAsync(httpContext),
        Created created => CreatedAsync(httpContext, created.Location),
        Accepted accepted => AcceptedAsync(httpContext, accepted.Location),
        BadRequest => BadRequestAsync(httpContext),
        Conflict => ConflictAsync(httpContext),
        UnprocessableEntity => UnprocessableEntityAsync(httpContext),
        RedirectHttpResult redirect => RedirectAsync(redirect, httpContext),
        null => NullUnionMember(),
        _ => result.ExecuteAsync(httpContext),
    };

    /// <summary>
    /// The loggers and JSON options of the app whose services these are: resolved once, when its first endpoint is
    /// mapped, and shared by all of them.
    /// </summary>
    public static ResourcefulTypedResults Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return PerApp.GetValue(services, static app => new ResourcefulTypedResults(app));
    }

    /// <summary>
    /// The JSON metadata for bodies declared as <typeparamref name="T"/>, or <see langword="null"/> when the app's
    /// resolver cannot provide it. The built-in results meet that failure only on a request that returns such a body,
    /// so those requests are left to them and the app starts as it did before.
    /// </summary>
    public JsonResultBody<T>? JsonBody<T>()
    {
        JsonTypeInfo typeInfo;
        try
        {
            typeInfo = _jsonOptions.GetTypeInfo(typeof(T));
        }
        catch (Exception)
        {
            return null;
        }

        return typeInfo is JsonTypeInfo<T> typed ? new JsonResultBody<T>(typed) : null;
    }

    // Generated code hands over a result's parts (its value, its location), never the result object itself: an object
    // that does not leave the handler is one the JIT can keep off the heap, as it does for minimal APIs' results.
    // Where this class cannot write what the built-in would, it rebuilds the result and lets the built-in execute it.

    /// <summary>Writes <see cref="Ok"/>: <c>200</c>, no body.</summary>
    public Task OkAsync(HttpContext httpContext) =>
        WriteStatus(httpContext, _okLogger, StatusCodes.Status200OK);

    /// <summary>Writes <see cref="Ok{TValue}"/> with <paramref name="value"/>: <c>200</c> and the value as JSON.</summary>
    public Task OkAsync<T>(HttpContext httpContext, T? value, JsonResultBody<T>? body) =>
        CanWrite(body, value)
            ? WriteJson(httpContext, _okLogger, StatusCodes.Status200OK, value, body)
            : TypedResults.Ok(value).ExecuteAsync(httpContext);

    /// <summary>Writes <see cref="Created"/>: <c>201</c>, <c>Location</c> when it has one, no body.</summary>
    public Task CreatedAsync(HttpContext httpContext, string? location)
    {
        SetLocation(httpContext, location);
        return WriteStatus(httpContext, _createdLogger, StatusCodes.Status201Created);
    }

    /// <summary>Writes <see cref="Created{TValue}"/>: <c>201</c>, <c>Location</c> when it has one, the value as JSON.</summary>
    public Task CreatedAsync<T>(HttpContext httpContext, string? location, T? value, JsonResultBody<T>? body)
    {
        if (!CanWrite(body, value))
        {
            return TypedResults.Created(WithPathBase(httpContext, location), value).ExecuteAsync(httpContext);
        }

        SetLocation(httpContext, location);
        return WriteJson(httpContext, _createdLogger, StatusCodes.Status201Created, value, body);
    }

    /// <summary>Writes <see cref="Accepted"/>: <c>202</c>, <c>Location</c> when it has one, no body.</summary>
    public Task AcceptedAsync(HttpContext httpContext, string? location)
    {
        SetLocation(httpContext, location);
        return WriteStatus(httpContext, _acceptedLogger, StatusCodes.Status202Accepted);
    }

    /// <summary>Writes <see cref="Accepted{TValue}"/>: <c>202</c>, <c>Location</c> when it has one, the value as JSON.</summary>
    public Task AcceptedAsync<T>(HttpContext httpContext, string? location, T? value, JsonResultBody<T>? body)
    {
        if (!CanWrite(body, value))
        {
            return TypedResults.Accepted(WithPathBase(httpContext, location), value).ExecuteAsync(httpContext);
        }

        SetLocation(httpContext, location);
        return WriteJson(httpContext, _acceptedLogger, StatusCodes.Status202Accepted, value, body);
    }

    /// <summary>Writes <see cref="NoContent"/>: <c>204</c>.</summary>
    public Task NoContentAsync(HttpContext httpContext) =>
        WriteStatus(httpContext, _noContentLogger, StatusCodes.Status204NoContent);

    /// <summary>Writes <see cref="NotFound"/>: <c>404</c>, no body.</summary>
    public Task NotFoundAsync(HttpContext httpContext) =>
        WriteStatus(httpContext, _notFoundLogger, StatusCodes.Status404NotFound);

    /// <summary>Writes <see cref="NotFound{TValue}"/>: <c>404</c> and the value as JSON.</summary>
    public Task NotFoundAsync<T>(HttpContext httpContext, T? value, JsonResultBody<T>? body) =>
        CanWrite(body, value)
            ? WriteJson(httpContext, _notFoundLogger, StatusCodes.Status404NotFound, value, body)
            : TypedResults.NotFound(value).ExecuteAsync(httpContext);

    /// <summary>Writes <see cref="BadRequest"/>: <c>400</c>, no body.</summary>
    public Task BadRequestAsync(HttpContext httpContext) =>
        WriteStatus(httpContext, _badRequestLogger, StatusCodes.Status400BadRequest);

    /// <summary>Writes <see cref="BadRequest{TValue}"/>: <c>400</c> and the value as JSON.</summary>
    public Task BadRequestAsync<T>(HttpContext httpContext, T? value, JsonResultBody<T>? body) =>
        CanWrite(body, value)
            ? WriteJson(httpContext, _badRequestLogger, StatusCodes.Status400BadRequest, value, body)
            : TypedResults.BadRequest(value).ExecuteAsync(httpContext);

    /// <summary>Writes <see cref="Conflict"/>: <c>409</c>, no body.</summary>
    public Task ConflictAsync(HttpContext httpContext) =>
        WriteStatus(httpContext, _conflictLogger, StatusCodes.Status409Conflict);

    /// <summary>Writes <see cref="Conflict{TValue}"/>: <c>409</c> and the value as JSON.</summary>
    public Task ConflictAsync<T>(HttpContext httpContext, T? value, JsonResultBody<T>? body) =>
        CanWrite(body, value)
            ? WriteJson(httpContext, _conflictLogger, StatusCodes.Status409Conflict, value, body)
            : TypedResults.Conflict(value).ExecuteAsync(httpContext);

    /// <summary>Writes <see cref="UnprocessableEntity"/>: <c>422</c>, no body.</summary>
    public Task UnprocessableEntityAsync(HttpContext httpContext) =>
        WriteStatus(httpContext, _unprocessableEntityLogger, StatusCodes.Status422UnprocessableEntity);

    /// <summary>Writes <see cref="UnprocessableEntity{TValue}"/>: <c>422</c> and the value as JSON.</summary>
    public Task UnprocessableEntityAsync<T>(HttpContext httpContext, T? value, JsonResultBody<T>? body) =>
        CanWrite(body, value)
            ? WriteJson(httpContext, _unprocessableEntityLogger, StatusCodes.Status422UnprocessableEntity, value, body)
            : TypedResults.UnprocessableEntity(value).ExecuteAsync(httpContext);

    /// <summary>
    /// Whether the declared type's metadata writes <paramref name="value"/> as the built-in would. The built-in
    /// writes a value whose runtime type differs from an unsealed, non-polymorphic declared type as <c>object</c>
    /// (its runtime type's properties); that case, rare in REST handlers, stays with the built-in.
    /// </summary>
    private static bool CanWrite<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] JsonResultBody<T>? body, T? value) =>
        body is not null && (value is null || body.HasKnownPolymorphism || value.GetType() == typeof(T));

    /// <summary>
    /// Executes a redirect as the built-in does, with the app's path base before an app-relative target (see
    /// <see cref="WithPathBase"/>): the built-in adds it only to <c>~/</c> targets, never to a <c>Links</c> value.
    /// </summary>
    internal static Task RedirectAsync(RedirectHttpResult redirect, HttpContext httpContext)
    {
        var url = WithPathBase(httpContext, redirect.Url);
        if (ReferenceEquals(url, redirect.Url))
        {
            return redirect.ExecuteAsync(httpContext);
        }

        var rebased = redirect.AcceptLocalUrlOnly
            ? TypedResults.LocalRedirect(url!, redirect.Permanent, redirect.PreserveMethod)
            : TypedResults.Redirect(url!, redirect.Permanent, redirect.PreserveMethod);
        return rebased.ExecuteAsync(httpContext);
    }

    private static void SetLocation(HttpContext httpContext, string? location)
    {
        if (!string.IsNullOrEmpty(location))
        {
            httpContext.Response.Headers.Location = WithPathBase(httpContext, location);
        }
    }

    /// <summary>
    /// <paramref name="location"/> with the request's path base (<c>app.UsePathBase("/api")</c>) before it when it is
    /// app-relative (one <c>/</c> first): <c>Links</c> values are constants, the same behind any path base, so the base
    /// is added here, where the response is written. Anything else (absolute URIs, <c>//host</c>, relative
    /// references) and any location without a path base is returned as it is, without allocating.
    /// </summary>
    private static string? WithPathBase(HttpContext httpContext, string? location)
    {
        var pathBase = httpContext.Request.PathBase;
        return pathBase.HasValue && ResourcefulLinks.IsAppRelative(location) ? pathBase.ToUriComponent() + location : location;
    }

    private static Task WriteStatus(HttpContext httpContext, ILogger logger, int statusCode)
    {
        LogStatusCode(logger, statusCode, null);
        httpContext.Response.StatusCode = statusCode;
        return Task.CompletedTask;
    }

    private static Task WriteJson<T>(HttpContext httpContext, ILogger logger, int statusCode, T? value, JsonResultBody<T> body)
    {
        WriteStatus(httpContext, logger, statusCode);
        if (value is null)
        {
            // As the built-in: a null value is no body at all, not the JSON literal null.
            return Task.CompletedTask;
        }

        LogJson(logger, body.TypeName, null);

        // No cancellation token, as the built-in: the write then observes RequestAborted and a client that goes
        // away ends it quietly instead of with an OperationCanceledException.
        return httpContext.Response.WriteAsJsonAsync(value, body.TypeInfo, contentType: null);
    }
}

/// <summary>
/// The JSON metadata of one declared body type, resolved once at start-up by
/// <see cref="ResourcefulTypedResults.JsonBody{T}"/>. Used only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonResultBody<T>
{
    internal JsonResultBody(JsonTypeInfo<T> typeInfo)
    {
        TypeInfo = typeInfo;
        TypeName = typeInfo.Type.Name;

        // The built-in's rule: these metadata serve any runtime type of the value, so no per-request check is needed.
        HasKnownPolymorphism = typeInfo.Type.IsSealed || typeInfo.Type.IsValueType || typeInfo.PolymorphismOptions is not null;
    }

    internal JsonTypeInfo<T> TypeInfo { get; }

    internal string TypeName { get; }

    internal bool HasKnownPolymorphism { get; }
}
