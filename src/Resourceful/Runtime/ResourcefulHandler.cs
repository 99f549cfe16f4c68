using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace Resourceful.Runtime;

/// <summary>
/// One row of a resource's handler table: what routing and the API explorer learn about one handler. The generated
/// code lists its handlers as such rows and maps them all with <see cref="ResourcefulEndpoints.MapResource"/>,
/// instead of a block of calls per handler. Used only by generated code.
/// </summary>
/// <param name="httpMethod">The handler's method: <c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c>, <c>DELETE</c> or <c>QUERY</c>.</param>
/// <param name="template">The route template of the handler.</param>
/// <param name="name">The handler method's name.</param>
/// <param name="create">Creates the handler's request delegate, once, when the resource is mapped.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResourcefulHandler(string httpMethod, string template, string name, Func<IServiceProvider, RequestDelegate> create)
{
    /// <summary>The handler's method.</summary>
    public string HttpMethod { get; } = httpMethod;

    /// <summary>The route template of the handler.</summary>
    public string Template { get; } = template;

    /// <summary>The handler method's name.</summary>
    public string Name { get; } = name;

    /// <summary>Creates the handler's request delegate.</summary>
    public Func<IServiceProvider, RequestDelegate> Create { get; } = create;

    /// <summary>
    /// The media type of the handler's successful responses, when known at compile time: a request whose
    /// <c>Accept</c> excludes it is answered <c>406</c> before the handler binds anything (RFC 9110 §15.5.7).
    /// </summary>
    public string? Produces { get; init; }

    /// <summary>
    /// The endpoint's name, which <c>AddOpenApi()</c> writes as the operation id; <see langword="null"/> for the
    /// default, <c>{ClassName}_{HandlerName}</c> (<c>Books_List</c>), the id of the compile-time document.
    /// </summary>
    public string? OperationId { get; init; }

    /// <summary>
    /// Whether a <c>GET</c> handler also answers <c>HEAD</c>; <see langword="false"/> when the resource or the project
    /// turned automatic <c>HEAD</c> off, and <c>HEAD</c> then answers <c>405</c>.
    /// </summary>
    public bool AutomaticHead { get; init; } = true;

    /// <summary>
    /// The media types of a form handler (<c>multipart/form-data</c>, and <c>application/x-www-form-urlencoded</c> when it
    /// reads no file), as <c>AcceptsMetadata</c> says them to the API explorer; empty for any other handler.
    /// </summary>
    public string[] Accepts { get; init; } = [];

    /// <summary>The body size limit (<c>[RequestSizeLimit]</c>); <c>0</c> keeps the server's own.</summary>
    public long MaxBodySize { get; init; }

    /// <summary>The attributes of the class and the method that are endpoint metadata (<c>[Authorize]</c>, <c>[Tags]</c>, …).</summary>
    public object[] Metadata { get; init; } = [];

    /// <summary>Every response the handler's result type declares, for the API explorer.</summary>
    public ResourcefulResponse[] Responses { get; init; } = [];

    /// <summary>The handler's parameter types, to find its <see cref="System.Reflection.MethodInfo"/> for the API explorer.</summary>
    public Type[] ParameterTypes { get; init; } = Type.EmptyTypes;

    /// <summary>Each value the request binds, as the API explorer should see it.</summary>
    public ResourcefulApiParameter[] Parameters { get; init; } = [];

    /// <summary>The members a <c>?fields=</c> selection names (<c>[SparseFieldsets]</c>), for API descriptions; <see langword="null"/> for none.</summary>
    public ResourcefulSparseFields? SparseFields { get; init; }
}

/// <summary>
/// The members of a <c>[SparseFieldsets]</c> representation, by C# name and <c>[JsonPropertyName]</c>: their JSON
/// names come from the app's options when the API description is built. Used only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResourcefulSparseFields(string[] memberNames, string?[] explicitNames)
{
    /// <summary>The C# names, in declaration order.</summary>
    public string[] MemberNames { get; } = memberNames;

    /// <summary>Each member's <c>[JsonPropertyName]</c>, or <see langword="null"/>.</summary>
    public string?[] ExplicitNames { get; } = explicitNames;
}

/// <summary>One response a handler declares: its status and, when it has one, the type and media type of its body.</summary>
/// <param name="statusCode">The status code.</param>
/// <param name="type">The body's type; <see langword="null"/> for a response without a body.</param>
/// <param name="contentType">
/// The body's media type; by default <c>application/problem+json</c> for <see cref="HttpValidationProblemDetails"/>
/// (the 400 the generated code answers itself) and <c>application/json</c> for anything else.
/// </param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ResourcefulResponse(int statusCode, Type? type = null, string? contentType = null)
{
    /// <summary>
    /// A <c>400</c> whose body is an RFC 9457 validation problem (<see cref="HttpValidationProblemDetails"/>,
    /// <c>application/problem+json</c>), as the generated code answers when a value fails to bind.
    /// </summary>
    public ResourcefulResponse(int statusCode, bool validationProblem)
        : this(statusCode, validationProblem ? typeof(HttpValidationProblemDetails) : null)
    {
    }

    /// <summary>The status code.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The body's type, or <see langword="null"/>.</summary>
    public Type? Type { get; } = type;

    /// <summary>The body's media type.</summary>
    public string ContentType { get; } = contentType ?? (type == typeof(HttpValidationProblemDetails) ? "application/problem+json" : "application/json");
}

/// <summary>
/// One value a handler binds, as the API explorer sees it: a handler parameter (by position), or a member of an
/// <c>[AsParameters]</c> type in that parameter's place, as minimal APIs describe them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResourcefulApiParameter
{
    /// <summary>The handler parameter at <paramref name="position"/>.</summary>
    public ResourcefulApiParameter(int position, string name, bool hasTryParse, bool isOptional)
    {
        Position = position;
        Name = name;
        HasTryParse = hasTryParse;
        IsOptional = isOptional;
    }

    /// <summary>The constructor parameter at <paramref name="position"/> of the widest public constructor of <paramref name="type"/>.</summary>
    public ResourcefulApiParameter(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties)] Type type,
        int position,
        string name,
        bool hasTryParse,
        bool isOptional)
        : this(position, name, hasTryParse, isOptional)
    {
        MemberOf = type;
    }

    /// <summary>The public settable property <paramref name="property"/> of <paramref name="type"/>.</summary>
    public ResourcefulApiParameter(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties)] Type type,
        string property,
        string name,
        bool hasTryParse,
        bool isOptional)
        : this(-1, name, hasTryParse, isOptional)
    {
        MemberOf = type;
        Property = property;
    }

    /// <summary>The handler parameter's position, or the constructor parameter's; <c>-1</c> for a property.</summary>
    public int Position { get; }

    /// <summary>The name the client uses.</summary>
    public string Name { get; }

    /// <summary>Whether the value is parsed from text.</summary>
    public bool HasTryParse { get; }

    /// <summary>Whether the request may leave it out.</summary>
    public bool IsOptional { get; }

    /// <summary>The <c>[AsParameters]</c> type this is a member of, or <see langword="null"/> for a handler parameter.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties)]
    public Type? MemberOf { get; }

    /// <summary>The property of <see cref="MemberOf"/>, or <see langword="null"/>.</summary>
    public string? Property { get; }
}

/// <summary>One path of a resource and its <c>OPTIONS</c> answer (see <see cref="ResourcefulEndpoints.MapPath"/>).</summary>
/// <param name="template">The route template of the path.</param>
/// <param name="key">The template with parameter names removed.</param>
/// <param name="allow">The declared methods on the path, with <c>HEAD</c> and <c>OPTIONS</c>, comma-separated.</param>
/// <param name="description">The items of the description's <c>methods</c> array, as JSON.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ResourcefulPath(string template, string key, string allow, string description)
{
    /// <summary>The route template of the path.</summary>
    public string Template { get; } = template;

    /// <summary>The template with parameter names removed.</summary>
    public string Key { get; } = key;

    /// <summary>The <c>Allow</c> list.</summary>
    public string Allow { get; } = allow;

    /// <summary>The description's methods, as JSON.</summary>
    public string Description { get; } = description;

    /// <summary>
    /// The media types the path's <c>QUERY</c> handler accepts, which <c>OPTIONS</c> sends as <c>Accept-Query</c>
    /// (RFC 10008 §3); <see langword="null"/> when the path has none.
    /// </summary>
    public string? AcceptQuery { get; init; }
}

/// <summary>An old URI declared with <c>[MovedFrom]</c> and its redirect (see <see cref="ResourcefulEndpoints.MapMoved"/>).</summary>
/// <param name="pattern">The old route pattern.</param>
/// <param name="redirect">Answers it.</param>
/// <param name="displayName">The endpoint's display name.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ResourcefulMovedRoute(string pattern, RequestDelegate redirect, string displayName)
{
    /// <summary>The old route pattern.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>Answers the old URI.</summary>
    public RequestDelegate Redirect { get; } = redirect;

    /// <summary>The endpoint's display name.</summary>
    public string DisplayName { get; } = displayName;
}
