using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Resourceful.Runtime;

/// <summary>Registers generated request delegates with routing. Called only by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulEndpoints
{
    /// <summary>
    /// The methods of a <c>[Get]</c> handler. It also answers <c>HEAD</c> (RFC 9110 §9.3.2) through a second
    /// endpoint left out of API descriptions; Kestrel sends no body for it.
    /// </summary>
    public static readonly IReadOnlyList<string> Get = ["GET"];

    private static readonly IReadOnlyList<string> Head = ["HEAD"];

    // "*" is routing's own name for "every method no other endpoint of the path takes" (HttpMethodMatcherPolicy.AnyMethod):
    // listed as a method, it puts the endpoint on that edge only, where routing would otherwise put its 405.
    private static readonly IReadOnlyList<string> OptionsAndOtherMethods = ["OPTIONS", "*"];

    /// <summary>The methods of a <c>[Post]</c> handler.</summary>
    public static readonly IReadOnlyList<string> Post = ["POST"];

    /// <summary>The methods of a <c>[Put]</c> handler.</summary>
    public static readonly IReadOnlyList<string> Put = ["PUT"];

    /// <summary>The methods of a <c>[Patch]</c> handler.</summary>
    public static readonly IReadOnlyList<string> Patch = ["PATCH"];

    /// <summary>The methods of a <c>[Delete]</c> handler.</summary>
    public static readonly IReadOnlyList<string> Delete = ["DELETE"];

    /// <summary>The methods of a <c>[Query]</c> handler (RFC 10008). Unlike <c>GET</c>, it implies no <c>HEAD</c>.</summary>
    public static readonly IReadOnlyList<string> Query = ["QUERY"];

    /// <summary>The <c>maxBodySize</c> of an endpoint that keeps the server's own limit (Kestrel: 30 MB).</summary>
    public const long ServerBodyLimit = 0;

    // The path endpoints (OPTIONS) and redirects rank after every handler of the same path.
    private const int FallbackOrder = 1;

    /// <summary>
    /// Maps a resource from its tables: each handler (with <c>HEAD</c> beside each <c>GET</c>), each path's
    /// <c>OPTIONS</c> answer, and each old URI's redirect, in that order. A handler's display name is
    /// <c>"GET /books => Shop.Books.List"</c>, its summary <c>"Books.List"</c>, as minimal APIs would name it, and its
    /// endpoint name (<c>WithName</c>) its operation id, <c>"Books_List"</c>, as in the compile-time OpenAPI document.
    /// </summary>
    /// <param name="endpoints">Where the resource is mapped.</param>
    /// <param name="resourceType">The resource class, whose handler methods the API explorer reads.</param>
    /// <param name="resourceName">The resource's full name, for display names.</param>
    /// <param name="className">The resource's class name, for summaries.</param>
    /// <param name="handlers">The handler table.</param>
    /// <param name="paths">The path table.</param>
    /// <param name="movedRoutes">The old URIs.</param>
    public static ResourceConventionBuilder MapResource(
        IEndpointRouteBuilder endpoints,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type resourceType,
        string resourceName,
        string className,
        ResourcefulHandler[] handlers,
        ResourcefulPath[] paths,
        ResourcefulMovedRoute[] movedRoutes)
    {
        var services = endpoints.ServiceProvider;
        var builders = new List<IEndpointConventionBuilder>(handlers.Length + paths.Length + movedRoutes.Length);
        foreach (var handler in handlers)
        {
            // Our summary first, so a user's own [EndpointSummary] (later in the list) wins; a form's media types next,
            // so a user's own [Consumes] wins too; the responses last.
            var accepts = handler.Accepts.Length > 0 ? 1 : 0;
            var metadata = new object[1 + accepts + handler.Metadata.Length + handler.Responses.Length];
            metadata[0] = new EndpointSummaryAttribute(className + "." + handler.Name);
            if (accepts == 1)
            {
                metadata[1] = new AcceptsMetadata(handler.Accepts);
            }

            handler.Metadata.CopyTo(metadata, 1 + accepts);
            for (var i = 0; i < handler.Responses.Length; i++)
            {
                var response = handler.Responses[i];
                metadata[1 + accepts + handler.Metadata.Length + i] = response.Type is null
                    ? new ProducesResponseTypeMetadata(response.StatusCode, typeof(void))
                    : new ProducesResponseTypeMetadata(response.StatusCode, response.Type, [response.ContentType]);
            }

            var displayName = $"{handler.HttpMethod} {handler.Template} => {resourceName}.{handler.Name}";
            var endpointName = new EndpointNameMetadata(handler.OperationId ?? className + "_" + handler.Name);
            var builder = Map(endpoints, handler.Template, Methods(handler.HttpMethod), handler.AutomaticHead, handler.Create(services), displayName, handler.MaxBodySize, handler.Produces, endpointName, metadata);
            ResourcefulApiDescription.Describe(builder, services, resourceType, handler.Name, handler.ParameterTypes, handler.Parameters, handler.SparseFields);
            builders.Add(builder);
            if (accepts == 1)
            {
                builders.Add(MapNotAForm(endpoints, handler, displayName, handler.Metadata));
            }
        }

        foreach (var path in paths)
        {
            builders.Add(MapPath(endpoints, path.Template, path.Key, path.Allow, path.Description, path.AcceptQuery));
        }

        foreach (var moved in movedRoutes)
        {
            builders.Add(MapMoved(endpoints, moved.Pattern, moved.Redirect, moved.DisplayName));
        }

        return new ResourceConventionBuilder([.. builders]);
    }

    /// <summary>
    /// A form endpoint's companion: the form endpoint carries <see cref="AcceptsMetadata"/> (as minimal APIs' form
    /// endpoints do, so the API explorer and <c>AddOpenApi()</c> describe the form), and routing then drops it for a
    /// request whose <c>Content-Type</c> is no form. This endpoint, on the same route and method and with no media
    /// types of its own, is what routing picks instead, and answers <c>415</c> problem details with
    /// <c>Accept-Post</c>/<c>Accept-Patch</c> rather than routing's bare <c>415</c>. It carries the handler's own
    /// metadata (authorization, CORS, rate limiting apply alike), ranks after the form endpoint, and is not described.
    /// </summary>
    private static IEndpointConventionBuilder MapNotAForm(IEndpointRouteBuilder endpoints, ResourcefulHandler handler, string displayName, object[] metadata)
    {
        var accepted = string.Join(", ", handler.Accepts);
        var builder = endpoints.MapMethods(handler.Template, Methods(handler.HttpMethod), httpContext => ResourcefulForms.WriteUnsupportedMediaTypeAsync(httpContext, accepted));
        builder.WithDisplayName(displayName + " (not a form: 415)");
        builder.WithMetadata(metadata);
        builder.WithMetadata(new ExcludeFromDescriptionMetadata());
        builder.Add(static endpoint => ((RouteEndpointBuilder)endpoint).Order = 1);
        return builder;
    }

    private static IReadOnlyList<string> Methods(string httpMethod) => httpMethod switch
    {
        "GET" => Get,
        "POST" => Post,
        "PUT" => Put,
        "PATCH" => Patch,
        "DELETE" => Delete,
        "QUERY" => Query,
        _ => [httpMethod],
    };

    /// <summary>
    /// Maps one handler, names it, and adds the attributes of its class and method as endpoint metadata (as
    /// minimal APIs do), so <c>[Authorize]</c>, <c>[EnableCors]</c>, <c>[Tags]</c> and the like take effect.
    /// </summary>
    private static IEndpointConventionBuilder Map(
        IEndpointRouteBuilder endpoints,
        string pattern,
        IReadOnlyList<string> httpMethods,
        bool automaticHead,
        RequestDelegate requestDelegate,
        string displayName,
        long maxBodySize,
        string? produces,
        EndpointNameMetadata endpointName,
        object[] metadata)
    {
        var negotiated = Negotiated(requestDelegate, produces);

        // The name before the handler's own metadata, so a user's [EndpointName] still wins, as it does over
        // minimal APIs' defaults. HEAD stays unnamed: endpoint names must be unique, or naming links fails.
        var builder = MapOne(endpoints, pattern, httpMethods, negotiated, displayName, maxBodySize, endpointName, metadata);
        if (!automaticHead || !ReferenceEquals(httpMethods, Get))
        {
            return builder;
        }

        var head = MapOne(endpoints, pattern, Head, negotiated, "HEAD" + displayName.Substring(3), maxBodySize, endpointName: null, metadata);
        head.WithMetadata(new ExcludeFromDescriptionMetadata());
        return new ResourceConventionBuilder(builder, head);
    }

    private static IEndpointConventionBuilder MapOne(
        IEndpointRouteBuilder endpoints,
        string pattern,
        IReadOnlyList<string> httpMethods,
        RequestDelegate requestDelegate,
        string displayName,
        long maxBodySize,
        EndpointNameMetadata? endpointName,
        object[] metadata)
    {
        var builder = endpoints.MapMethods(pattern, httpMethods, requestDelegate);
        builder.WithDisplayName(displayName);
        if (endpointName is not null)
        {
            builder.WithMetadata(endpointName);
        }

        builder.WithMetadata(metadata);
        if (maxBodySize > 0)
        {
            builder.WithMetadata(new MaxBodySizeMetadata(maxBodySize));
        }

        return builder;
    }

    /// <summary>
    /// Maps the path's <c>OPTIONS</c> answer, with its <c>Allow</c> list, which also answers <c>405</c> to every method
    /// the path does not declare. Anonymous, since it describes the interface and reveals no data, and left out of API
    /// descriptions. Resources that share a path (same <paramref name="key"/>: the template without parameter
    /// names) share one such endpoint, whose <c>Allow</c> list and description hold the methods of all of them.
    /// </summary>
    /// <param name="endpoints">Where the resource is mapped.</param>
    /// <param name="pattern">The route template of the path.</param>
    /// <param name="key">The template with parameter names removed, lower case: routing cannot tell such paths apart.</param>
    /// <param name="methods">The declared methods of this resource on the path, with <c>HEAD</c> and <c>OPTIONS</c> unless switched off, comma-separated.</param>
    /// <param name="description">The items of the description's <c>methods</c> array, as JSON.</param>
    /// <param name="acceptQuery">The media types a <c>QUERY</c> handler on the path accepts (<c>Accept-Query</c>), or <see langword="null"/>.</param>
    public static IEndpointConventionBuilder MapPath(IEndpointRouteBuilder endpoints, string pattern, string key, string methods, string description, string? acceptQuery = null)
    {
        var paths = PathRegistry.GetOrCreateValue(endpoints);
        lock (paths)
        {
            if (paths.TryGetValue(key, out var existing))
            {
                existing.Add(methods, description, acceptQuery);
                return existing.Builder;
            }

            // OPTIONS and "*", never no method at all: an endpoint without methods would be a second candidate for
            // every request to the path, and routing would capture its route values twice (104 B per request). With
            // "*", routing's DFA sends it only the methods no handler takes, instead of routing's own 405 (no body,
            // Allow in alphabetical order), so the 405 goes through the app's problem details with OPTIONS' Allow.
            var path = new PathAnswer(pattern, methods, description, acceptQuery);
            var builder = endpoints.MapMethods(pattern, OptionsAndOtherMethods, path.AnswerAsync);
            builder.WithDisplayName($"OPTIONS {pattern} (and 405)");
            builder.WithMetadata(new AllowAnonymousMetadata(), new ExcludeFromDescriptionMetadata());
            builder.Add(static endpoint => ((RouteEndpointBuilder)endpoint).Order = FallbackOrder);
            path.Builder = builder;
            paths.Add(key, path);
            return builder;
        }
    }

    private static readonly ConditionalWeakTable<IEndpointRouteBuilder, Dictionary<string, PathAnswer>> PathRegistry = new();

    /// <summary>One path's OPTIONS answer; built at start-up, read-only (and allocation-free) per request.</summary>
    private sealed class PathAnswer
    {
        private static readonly string[] MethodOrder = ["GET", "HEAD", "QUERY", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

        private readonly string _pattern;
        private readonly List<string> _methods = [];
        private readonly List<string> _descriptions = [];

        // Derived from the two lists whenever a resource adds to them (Add), never per request.
        private string _allow = string.Empty;
        private bool _answersOptions;
        private byte[] _description = [];
        private string? _acceptQuery;

        public PathAnswer(string pattern, string methods, string description, string? acceptQuery)
        {
            _pattern = pattern;
            Add(methods, description, acceptQuery);
        }

        public IEndpointConventionBuilder Builder { get; set; } = null!;

        public void Add(string methods, string description, string? acceptQuery)
        {
            if (acceptQuery is not null)
            {
                _acceptQuery = _acceptQuery is null ? acceptQuery : string.Join(", ", Split(_acceptQuery).Union(Split(acceptQuery)));
            }

            foreach (var method in Split(methods))
            {
                if (!_methods.Contains(method))
                {
                    _methods.Add(method);
                }
            }

            _methods.Sort(static (left, right) => Rank(left).CompareTo(Rank(right)));
            _descriptions.Add(description);
            _allow = string.Join(", ", _methods);
            _answersOptions = _methods.Contains("OPTIONS");
            _description = Compose(_pattern, _methods, _descriptions);
        }

        // OPTIONS is answered only where a resource on the path keeps automatic OPTIONS; elsewhere it is one more
        // method the path does not take.
        public Task AnswerAsync(HttpContext httpContext) => HttpMethods.IsOptions(httpContext.Request.Method) && _answersOptions
            ? ResourcefulPaths.AnswerAsync(httpContext, _allow, _description, _acceptQuery)
            : ResourcefulPaths.RejectAsync(httpContext, _allow);

        private static string[] Split(string methods) => methods.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        private static int Rank(string method)
        {
            var rank = Array.IndexOf(MethodOrder, method);
            return rank < 0 ? MethodOrder.Length : rank;
        }

        // No description at all when every resource on the path turned it off (ResourcefulOptionsDescription=false):
        // the answer is then the plain 204, whatever the Accept header.
        private static byte[] Compose(string pattern, IEnumerable<string> methods, List<string> descriptions)
        {
            if (descriptions.TrueForAll(static d => d.Length == 0))
            {
                return [];
            }

            var path = JsonEncodedText.Encode(pattern, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
            var allow = string.Join(",", methods.Select(static method => $"\"{method}\""));
            var json = $$"""{"path":"{{path}}","allow":[{{allow}}],"methods":[{{string.Join(",", descriptions.Where(static d => d.Length > 0))}}]}""";
            return Encoding.UTF8.GetBytes(json);
        }
    }

    /// <summary>Maps an old URI declared with <c>[MovedFrom]</c> to its redirect.</summary>
    public static IEndpointConventionBuilder MapMoved(IEndpointRouteBuilder endpoints, string pattern, RequestDelegate redirect, string displayName)
    {
        var builder = endpoints.Map(pattern, redirect);
        builder.WithDisplayName(displayName);
        builder.WithMetadata(new AllowAnonymousMetadata(), new ExcludeFromDescriptionMetadata());
        builder.Add(static endpoint => ((RouteEndpointBuilder)endpoint).Order = FallbackOrder);
        return builder;
    }

    /// <summary>Maps the compile-time OpenAPI document (<c>GET</c> and <c>HEAD</c>), itself left out of API descriptions.</summary>
    public static IEndpointConventionBuilder MapDocument(IEndpointRouteBuilder endpoints, string pattern, RequestDelegate serve)
    {
        var builder = endpoints.MapMethods(pattern, ["GET", "HEAD"], serve);
        builder.WithDisplayName($"GET {pattern} (Resourceful OpenAPI document)");
        builder.WithMetadata(new ExcludeFromDescriptionMetadata());
        return builder;
    }

    /// <summary>
    /// Whether DI can resolve <typeparamref name="T"/>: decides once, at start-up, whether a complex parameter
    /// of a <c>POST</c>/<c>PUT</c>/<c>PATCH</c>/<c>QUERY</c> handler is a service or the JSON body, as minimal APIs do.
    /// </summary>
    public static bool IsService<T>(IServiceProvider services)
        => services.GetService<IServiceProviderIsService>()?.IsService(typeof(T)) ?? false;

    /// <summary>
    /// Fails at start-up, naming the handler, the parameter and the type, when a required service parameter (or a
    /// resource's constructor parameter) cannot be resolved: without this check the endpoint would answer 500 on every
    /// request. Skipped when the app's container cannot tell (it does not implement
    /// <see cref="IServiceProviderIsService"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No service of type <typeparamref name="T"/> is registered.</exception>
    public static void RequireService<T>(IServiceProvider services, string consumer, string parameterName)
    {
        if (services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(T)))
        {
            throw MissingService(typeof(T), consumer, parameterName, key: null);
        }
    }

    /// <inheritdoc cref="RequireService{T}(IServiceProvider, string, string)"/>
    public static void RequireKeyedService<T>(IServiceProvider services, object? key, string consumer, string parameterName)
    {
        if (services.GetService<IServiceProviderIsKeyedService>() is { } isService && !isService.IsKeyedService(typeof(T), key))
        {
            throw MissingService(typeof(T), consumer, parameterName, key);
        }
    }

    private static InvalidOperationException MissingService(Type type, string consumer, string parameterName, object? key) =>
        new($"{consumer}: parameter '{parameterName}' needs a service of type '{type.FullName}'"
            + (key is null ? string.Empty : $" with the key '{key}'")
            + ", and none is registered. Register it (builder.Services.Add…), mark the parameter optional (nullable or with a default), "
            + "or bind it from the request ([FromBody], [FromQuery], [FromRoute], [FromHeader]).");

    /// <summary>
    /// Before the handler runs, a request whose <c>Accept</c> excludes <paramref name="produces"/> is answered
    /// <c>406</c> (RFC 9110 §15.5.7): the client learns so before any work. Nothing here catches what the handler
    /// throws: as with minimal APIs, an exception reaches the app's own handling (<c>UseExceptionHandler</c> in any of
    /// its forms, <see cref="IExceptionHandler"/>s, the developer exception page), or else the server, which answers
    /// <c>500</c> without a body. The one exception turned into an answer here is the client's own: a request body
    /// broken on the wire answers <c>400</c> (see <see cref="ResourcefulRequestErrors"/>), whatever Kestrel throws for it.
    /// </summary>
    private static RequestDelegate Negotiated(RequestDelegate inner, string? produces)
        => ResourcefulRequestErrors.Guard(produces is null ? inner : httpContext => Negotiate(httpContext, inner, produces));

    // Kept out of line, as the old exception guard's try/catch kept it: inlined into each endpoint's closure, the JIT
    // put a 404 union result on the heap (+24 B per request in the benchmarks' `check` suite, GetMissing).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task Negotiate(HttpContext httpContext, RequestDelegate inner, string produces) =>
        ResourcefulContent.Accepts(httpContext, produces) ? inner(httpContext) : ResourcefulContent.WriteNotAcceptableAsync(httpContext, produces);

    private sealed class AllowAnonymousMetadata : Microsoft.AspNetCore.Authorization.IAllowAnonymous;

    internal sealed class ExcludeFromDescriptionMetadata : IExcludeFromDescriptionMetadata
    {
        public bool ExcludeFromDescription => true;
    }
}

/// <summary>The body size limit of one endpoint, which routing applies to the server before the handler runs.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MaxBodySizeMetadata(long maxBodySize) : IRequestSizeLimitMetadata
{
    /// <inheritdoc />
    public long? MaxRequestBodySize { get; } = maxBodySize;
}
