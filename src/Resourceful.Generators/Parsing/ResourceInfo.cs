using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>A resource class as the analyzers see it. Holds symbols: it lives for one analysis, never in a model.</summary>
internal sealed class ResourceInfo(
    INamedTypeSymbol type,
    AttributeData attribute,
    string? rawTemplate,
    string? template,
    ResourceModel? model,
    ImmutableArray<HandlerInfo> handlers)
{
    public INamedTypeSymbol Type { get; } = type;

    /// <summary>The <c>[Resource]</c> attribute.</summary>
    public AttributeData Attribute { get; } = attribute;

    /// <summary>The template as written, or <see langword="null"/> when it is not a string.</summary>
    public string? RawTemplate { get; } = rawTemplate;

    /// <summary>The template as the generator normalizes it.</summary>
    public string? Template { get; } = template;

    /// <summary>The generator's model, or <see langword="null"/> when the generator maps nothing of this class.</summary>
    public ResourceModel? Model { get; } = model;

    /// <summary>Every (method, HTTP method attribute) pair of the class, mapped or not.</summary>
    public ImmutableArray<HandlerInfo> Handlers { get; } = handlers;
}

/// <summary>One HTTP method attribute on one method of a resource, and what the generator made of it.</summary>
internal sealed class HandlerInfo(
    IMethodSymbol method,
    AttributeData attribute,
    string httpMethod,
    string? rawSubTemplate,
    string? template,
    EndpointModel? endpoint,
    ImmutableArray<HandlerProblem> problems)
{
    public IMethodSymbol Method { get; } = method;

    public AttributeData Attribute { get; } = attribute;

    /// <summary><c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c> or <c>DELETE</c>.</summary>
    public string HttpMethod { get; } = httpMethod;

    /// <summary>The attribute's own template as written, if it has one.</summary>
    public string? RawSubTemplate { get; } = rawSubTemplate;

    /// <summary>The full template (resource + handler), normalized, or <see langword="null"/> when either part is not a string.</summary>
    public string? Template { get; } = template;

    /// <summary>The generator's endpoint, or <see langword="null"/> when it skips this handler.</summary>
    public EndpointModel? Endpoint { get; } = endpoint;

    /// <summary>Why the generator skips this handler; empty when it maps it.</summary>
    public ImmutableArray<HandlerProblem> Problems { get; } = problems;

    /// <summary>The attribute's name as the user reads it: <c>Get</c>, <c>Post</c>, …</summary>
    public string AttributeName => HttpMethod switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        _ => "Delete",
    };
}

/// <summary>Why the generator skips a handler.</summary>
internal enum HandlerProblemKind
{
    /// <summary>The handler is not public; detail: its accessibility.</summary>
    NotPublic,

    /// <summary>The handler has type parameters.</summary>
    Generic,

    /// <summary>The handler is <c>[Obsolete]</c> as an error, so generated code cannot call it.</summary>
    ObsoleteError,

    /// <summary>An instance handler on a class the generator cannot create; explained on the class.</summary>
    NoInstance,

    /// <summary>The return type cannot be written; detail: what it does, extra: what to do.</summary>
    ReturnNotSupported,

    /// <summary>The template cannot be read; explained at the string literal.</summary>
    InvalidTemplate,

    /// <summary>A parameter is <c>ref</c>, <c>out</c>, <c>in</c> or <c>params</c>; detail: the modifier.</summary>
    ByReference,

    /// <summary>A route-bound parameter names a value the template lacks; detail: the route value's name.</summary>
    FromRouteNotInTemplate,

    /// <summary>A parameter cannot be bound; detail: why.</summary>
    CannotBind,

    /// <summary>Two parameters read the body; detail and extra: their names.</summary>
    MultipleBodies,

    /// <summary>A type or argument does not compile; the compiler already says so.</summary>
    CompilerError,
}

/// <summary>One reason the generator skips a handler, and the parameter it concerns, if any.</summary>
internal sealed class HandlerProblem(HandlerProblemKind kind, IParameterSymbol? parameter, string? detail, string? extra)
{
    public HandlerProblemKind Kind { get; } = kind;

    public IParameterSymbol? Parameter { get; } = parameter;

    public string? Detail { get; } = detail;

    public string? Extra { get; } = extra;
}
