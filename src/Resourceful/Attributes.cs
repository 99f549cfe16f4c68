using System;

namespace Resourceful;

/// <summary>
/// Marks a <see langword="partial"/> class as a REST resource served at <paramref name="template"/>.
/// Its methods annotated with <see cref="GetAttribute"/>, <see cref="PostAttribute"/>, <see cref="PutAttribute"/>,
/// <see cref="PatchAttribute"/>, <see cref="DeleteAttribute"/> or <see cref="QueryAttribute"/> become endpoints, registered by the generated
/// <c>app.MapResources()</c>.
/// </summary>
/// <remarks>
/// Constructor parameters are resolved from the request's services; one instance is created per request.
/// </remarks>
/// <param name="template">The resource's URI template, a noun such as <c>"/books"</c>. Route parameters and
/// constraints follow ASP.NET Core's route template syntax.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ResourceAttribute(string template) : Attribute
{
    /// <summary>The resource's URI template.</summary>
    public string Template { get; } = template;

    /// <summary>
    /// The largest request body, in bytes, that this resource's handlers accept; a larger one answers
    /// <c>413 Content Too Large</c>. 0 (the default) keeps the server's limit (Kestrel: 30 MB).
    /// A handler's own <see cref="ResourceMethodAttribute.MaxBodySize"/> wins.
    /// </summary>
    public long MaxBodySize { get; set; }

    /// <summary>
    /// Whether each path of the resource answers <c>OPTIONS</c> itself (<c>204</c> with <c>Allow</c>, or the JSON
    /// description). <see langword="false"/> leaves <c>OPTIONS</c> out of <c>Allow</c>: it answers <c>405</c>
    /// (a CORS preflight is still the CORS middleware's). The MSBuild property <c>ResourcefulAutomaticOptions</c>
    /// turns it off for the whole project. Default: <see langword="true"/>.
    /// </summary>
    public bool AutomaticOptions { get; set; } = true;

    /// <summary>
    /// Whether each <c>GET</c> handler also answers <c>HEAD</c> (RFC 9110 §9.3.2). <see langword="false"/> leaves
    /// <c>HEAD</c> out of <c>Allow</c>: it answers <c>405</c>. The MSBuild property <c>ResourcefulAutomaticHead</c>
    /// turns it off for the whole project. Default: <see langword="true"/>.
    /// </summary>
    public bool AutomaticHead { get; set; } = true;
}

/// <summary>Base of the attributes that make a method of a resource an HTTP endpoint.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public abstract class ResourceMethodAttribute : Attribute
{
    private protected ResourceMethodAttribute(string method, string? template)
    {
        Method = method;
        Template = template;
    }

    /// <summary>The HTTP method, in upper case.</summary>
    public string Method { get; }

    /// <summary>The route template below the resource's template, or <see langword="null"/> for the resource's own URI.</summary>
    public string? Template { get; }

    /// <summary>
    /// The largest request body, in bytes, this handler accepts; a larger one answers <c>413 Content Too Large</c>.
    /// 0 (the default) keeps the resource's <see cref="ResourceAttribute.MaxBodySize"/> or the server's limit.
    /// </summary>
    public long MaxBodySize { get; set; }
}

/// <summary>Handles <c>GET</c> (and so <c>HEAD</c>) on the resource's URI or on <see cref="ResourceMethodAttribute.Template"/> below it.</summary>
public sealed class GetAttribute : ResourceMethodAttribute
{
    /// <summary>Handles <c>GET</c> on the resource's own URI.</summary>
    public GetAttribute() : base("GET", null) { }

    /// <summary>Handles <c>GET</c> on <paramref name="template"/> below the resource's URI.</summary>
    public GetAttribute(string template) : base("GET", template) { }
}

/// <summary>Handles <c>POST</c> on the resource's URI or on <see cref="ResourceMethodAttribute.Template"/> below it.</summary>
public sealed class PostAttribute : ResourceMethodAttribute
{
    /// <summary>Handles <c>POST</c> on the resource's own URI.</summary>
    public PostAttribute() : base("POST", null) { }

    /// <summary>Handles <c>POST</c> on <paramref name="template"/> below the resource's URI.</summary>
    public PostAttribute(string template) : base("POST", template) { }
}

/// <summary>Handles <c>PUT</c> on the resource's URI or on <see cref="ResourceMethodAttribute.Template"/> below it.</summary>
public sealed class PutAttribute : ResourceMethodAttribute
{
    /// <summary>Handles <c>PUT</c> on the resource's own URI.</summary>
    public PutAttribute() : base("PUT", null) { }

    /// <summary>Handles <c>PUT</c> on <paramref name="template"/> below the resource's URI.</summary>
    public PutAttribute(string template) : base("PUT", template) { }

    /// <summary>
    /// Whether a request without <c>If-Match</c> answers <c>428 Precondition Required</c> before the handler runs, so
    /// no client can overwrite a version it has not read ("lost update", RFC 9110 §13.1.1). Pair it with a
    /// <see cref="Preconditions"/> parameter to answer <c>412</c> when the <c>If-Match</c> is stale.
    /// </summary>
    public bool RequireIfMatch { get; set; }
}

/// <summary>Handles <c>PATCH</c> on the resource's URI or on <see cref="ResourceMethodAttribute.Template"/> below it.</summary>
public sealed class PatchAttribute : ResourceMethodAttribute
{
    /// <summary>Handles <c>PATCH</c> on the resource's own URI.</summary>
    public PatchAttribute() : base("PATCH", null) { }

    /// <summary>Handles <c>PATCH</c> on <paramref name="template"/> below the resource's URI.</summary>
    public PatchAttribute(string template) : base("PATCH", template) { }

    /// <summary>
    /// Whether a request without <c>If-Match</c> answers <c>428 Precondition Required</c> before the handler runs, so
    /// no client can overwrite a version it has not read ("lost update", RFC 9110 §13.1.1). Pair it with a
    /// <see cref="Preconditions"/> parameter to answer <c>412</c> when the <c>If-Match</c> is stale.
    /// </summary>
    public bool RequireIfMatch { get; set; }
}

/// <summary>Handles <c>DELETE</c> on the resource's URI or on <see cref="ResourceMethodAttribute.Template"/> below it.</summary>
public sealed class DeleteAttribute : ResourceMethodAttribute
{
    /// <summary>Handles <c>DELETE</c> on the resource's own URI.</summary>
    public DeleteAttribute() : base("DELETE", null) { }

    /// <summary>Handles <c>DELETE</c> on <paramref name="template"/> below the resource's URI.</summary>
    public DeleteAttribute(string template) : base("DELETE", template) { }

    /// <summary>
    /// Whether a request without <c>If-Match</c> answers <c>428 Precondition Required</c> before the handler runs, so
    /// no client can overwrite a version it has not read ("lost update", RFC 9110 §13.1.1). Pair it with a
    /// <see cref="Preconditions"/> parameter to answer <c>412</c> when the <c>If-Match</c> is stale.
    /// </summary>
    public bool RequireIfMatch { get; set; }
}

/// <summary>
/// Handles the HTTP <c>QUERY</c> method (RFC 10008) on the resource's URI or on
/// <see cref="ResourceMethodAttribute.Template"/> below it: a safe, idempotent request that carries a body, for a query
/// too large or too structured for the URI. The body binds as a <c>POST</c>'s does (a complex parameter is the JSON
/// body); <c>OPTIONS</c> of the path answers <c>Accept-Query</c> with the media types it accepts. Unlike <c>GET</c>,
/// it implies no <c>HEAD</c>.
/// </summary>
public sealed class QueryAttribute : ResourceMethodAttribute
{
    /// <summary>Handles <c>QUERY</c> on the resource's own URI.</summary>
    public QueryAttribute() : base("QUERY", null) { }

    /// <summary>Handles <c>QUERY</c> on <paramref name="template"/> below the resource's URI.</summary>
    public QueryAttribute(string template) : base("QUERY", template) { }
}

/// <summary>
/// Binds a handler parameter to the request cookie <see cref="Name"/> (the parameter's name when not set), as
/// <c>[FromHeader]</c> binds a header: a string, a number, a bool, a <c>Guid</c>, a date or time, an enum, or a type
/// with <c>IParsable&lt;T&gt;</c>. A nullable parameter, or one with a default, is optional; a required cookie that
/// is missing, or a value that does not parse, answers <c>400</c> problem details naming the cookie. The OpenAPI
/// documents describe it as an <c>in: cookie</c> parameter.
/// </summary>
/// <remarks>
/// Authentication data does not belong in a cookie parameter (RSF0403): the cookie authentication handler
/// (<c>AddAuthentication().AddCookie()</c>) validates and decrypts it, and <c>User</c> then carries the result.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class FromCookieAttribute : Attribute
{
    /// <summary>The cookie's name; <see langword="null"/> for the parameter's own name.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// Declares an old URI of a resource (on a class) or of one handler (on a method). Requests to it answer
/// <c>301 Moved Permanently</c> for <c>GET</c>/<c>HEAD</c> and <c>308 Permanent Redirect</c> for other methods,
/// with <c>Location</c> set to the current URI.
/// </summary>
/// <param name="template">The old URI template.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class MovedFromAttribute(string template) : Attribute
{
    /// <summary>The old URI template.</summary>
    public string Template { get; } = template;
}

/// <summary>
/// Adds a <c>fields</c> query parameter to a <c>GET</c> handler (on a method), or to every <c>GET</c> handler of the
/// resource (on a class): <c>?fields=id,title</c> answers only those JSON members of the representation, or of each
/// element when the representation is a list. The names are the JSON names the app's serializer writes
/// (<c>[JsonPropertyName]</c>, else the naming policy); an unknown name answers <c>400</c> problem details naming it
/// under <c>fields</c>; no <c>fields</c> (or an empty one) answers the full representation. The writer of the partial
/// representation is generated at compile time: no reflection, no intermediate DOM.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SparseFieldsetsAttribute : Attribute;
