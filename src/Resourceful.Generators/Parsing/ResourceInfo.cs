using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>A resource class as the analyzers see it. Holds symbols: it lives for one analysis, never in a model.</summary>
internal sealed class ResourceInfo(
    INamedTypeSymbol type,
    AttributeData attribute,
    string? rawTemplate,
    string? template,
    ResourceModel? model,
    ImmutableArray<HandlerInfo> handlers,
    ProblemList problems,
    ImmutableArray<RouteClaim> routes)
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

    /// <summary>
    /// Why the generator maps less than the user wrote: each resource, handler and parameter it leaves out, with the
    /// reason. The analyzer reports these; the generator reports the same list when no analyzer runs.
    /// </summary>
    public ProblemList Problems { get; } = problems;

    /// <summary>The routes this resource answers and redirects from, to find those another resource answers too.</summary>
    public ImmutableArray<RouteClaim> Routes { get; } = routes;

    /// <summary>The shapes of every type in the resource's bodies, for the OpenAPI document only.</summary>
    public EquatableArray<TypeShapeModel> Shapes { get; init; } = EquatableArray<TypeShapeModel>.Empty;
}

/// <summary>One HTTP method attribute on one method of a resource, and what the generator made of it.</summary>
internal sealed class HandlerInfo(
    IMethodSymbol method,
    AttributeData attribute,
    string httpMethod,
    string? rawSubTemplate,
    string? template,
    EndpointModel? endpoint)
{
    public IMethodSymbol Method { get; } = method;

    public AttributeData Attribute { get; } = attribute;

    /// <summary><c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c>, <c>DELETE</c> or <c>QUERY</c>.</summary>
    public string HttpMethod { get; } = httpMethod;

    /// <summary>The attribute's own template as written, if it has one.</summary>
    public string? RawSubTemplate { get; } = rawSubTemplate;

    /// <summary>The full template (resource + handler), normalized, or <see langword="null"/> when either part is not a string.</summary>
    public string? Template { get; } = template;

    /// <summary>The generator's endpoint, or <see langword="null"/> when it skips this handler.</summary>
    public EndpointModel? Endpoint { get; } = endpoint;

    /// <summary>The attribute's name as the user reads it: <c>Get</c>, <c>Post</c>, …</summary>
    public string AttributeName => ResourceParser.AttributeName(HttpMethod);
}

/// <summary>
/// One route a resource takes: a method on a path, or an old URI it redirects from. Two resources that claim the same
/// route make it ambiguous (RSF0014).
/// </summary>
internal sealed class RouteClaim(string key, string httpMethod, string template, string owner, string resource, Location location)
{
    /// <summary>What makes two claims the same route: the method and the template with names and constraints left out.</summary>
    public string Key { get; } = key;

    public string HttpMethod { get; } = httpMethod;

    public string Template { get; } = template;

    /// <summary>The handler (<c>Books.Find</c>) or <c>[MovedFrom] on Books</c>, as the message names it.</summary>
    public string Owner { get; } = owner;

    /// <summary>The claiming resource's metadata name.</summary>
    public string Resource { get; } = resource;

    public Location Location { get; } = location;
}

/// <summary>RSF0014: the routes that more than one resource claims, each reported at every claim.</summary>
internal static class RouteConflicts
{
    public static IEnumerable<Problem> Find(IEnumerable<RouteClaim> claims)
    {
        foreach (var group in claims.GroupBy(static r => r.Key, StringComparer.Ordinal))
        {
            var members = group.OrderBy(static r => r.Location.GetLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(static r => r.Location.SourceSpan.Start)
                .ToList();
            if (members.Select(static r => r.Resource).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            foreach (var route in members)
            {
                var others = members.Where(r => r.Resource != route.Resource).ToList();
                yield return new Problem(
                    DiagnosticDescriptors.DuplicateEndpointAcrossResources,
                    route.Location,
                    others.Select(static r => r.Location),
                    null,
                    [route.HttpMethod, route.Template, route.Owner, others[0].Owner]);
            }
        }
    }
}
