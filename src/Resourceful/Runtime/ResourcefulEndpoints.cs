using System;
using System.Collections.Generic;
using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Resourceful.Runtime;

/// <summary>Registers generated request delegates with routing. Called only by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulEndpoints
{
    /// <summary>A <c>GET</c> handler also answers <c>HEAD</c> (RFC 9110 §9.3.2); Kestrel sends no body for it.</summary>
    public static readonly IReadOnlyList<string> Get = ["GET", "HEAD"];

    /// <summary>The methods of a <c>[Post]</c> handler.</summary>
    public static readonly IReadOnlyList<string> Post = ["POST"];

    /// <summary>The methods of a <c>[Put]</c> handler.</summary>
    public static readonly IReadOnlyList<string> Put = ["PUT"];

    /// <summary>The methods of a <c>[Patch]</c> handler.</summary>
    public static readonly IReadOnlyList<string> Patch = ["PATCH"];

    /// <summary>The methods of a <c>[Delete]</c> handler.</summary>
    public static readonly IReadOnlyList<string> Delete = ["DELETE"];

    /// <summary>Maps one handler and names it for logs and diagnostics.</summary>
    public static IEndpointConventionBuilder Map(
        IEndpointRouteBuilder endpoints,
        string pattern,
        IReadOnlyList<string> httpMethods,
        RequestDelegate requestDelegate,
        string displayName)
    {
        var builder = endpoints.MapMethods(pattern, httpMethods, requestDelegate);
        builder.WithDisplayName(displayName);
        return builder;
    }

    /// <summary>
    /// Whether DI can resolve <typeparamref name="T"/>: decides once, at start-up, whether a complex parameter
    /// of a <c>POST</c>/<c>PUT</c>/<c>PATCH</c> handler is a service or the JSON body, as minimal APIs do.
    /// </summary>
    public static bool IsService<T>(IServiceProvider services)
        => services.GetService<IServiceProviderIsService>()?.IsService(typeof(T)) ?? false;
}
