using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Model;

/// <summary>
/// What the <c>ForAttributeWithMetadataName</c> transform returns, split by the pipeline at once into three:
/// the model, which drives the resource's own file and is cached; the shapes of every type in its bodies, which only
/// the OpenAPI document needs (so editing a DTO leaves the resource's file cached); and the problems, which hold
/// source positions (any edit above them moves them) and go to a reporting step of their own, as System.Text.Json's
/// generator splits them.
/// </summary>
internal sealed record ParsedResource(ResourceModel? Model, EquatableArray<TypeShapeModel> Shapes, ProblemInfo Problems);

/// <summary>A source position that holds no syntax tree, so that it compares by value.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location location) =>
        location.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}

/// <summary>One problem of the parser (<see cref="Problem"/>) as a value; the message arguments as the message shows them.</summary>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    LocationInfo? Location,
    EquatableArray<LocationInfo> AdditionalLocations,
    EquatableArray<string> Arguments)
{
    public static DiagnosticInfo From(Problem problem) => new(
        problem.Descriptor,
        LocationInfo.From(problem.Location),
        (problem.AdditionalLocations ?? []).Select(LocationInfo.From).OfType<LocationInfo>().ToEquatableArray(),
        problem.Arguments.Select(static a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty).ToEquatableArray());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        Descriptor,
        Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
        AdditionalLocations.Select(static l => l.ToLocation()),
        Arguments.Cast<object?>().ToArray());
}

/// <summary>
/// A template to judge against the application's own route constraints (<see cref="TemplateCheck"/>), which the
/// options of its file name (<see cref="FileConstraints"/>). Rare: only templates with a constraint routing does not define.
/// </summary>
internal sealed record TemplateCheckInfo(string Raw, LocationInfo Location);

/// <summary>The route constraints the <c>.editorconfig</c> of one file declares (<c>resourceful.route_constraints</c>).</summary>
internal sealed record FileConstraints(string FilePath, EquatableArray<string> Constraints);

/// <summary>A route one resource claims (<see cref="RouteClaim"/>) as a value.</summary>
internal sealed record RouteClaimInfo(string Key, string HttpMethod, string Template, string Owner, string Resource, LocationInfo Location);

/// <summary>Everything the parser found wrong with one resource, and what is left to judge with the options.</summary>
internal sealed record ProblemInfo(
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<TemplateCheckInfo> TemplateChecks,
    EquatableArray<RouteClaimInfo> Routes)
{
    public static ProblemInfo From(ResourceInfo description) => new(
        description.Problems.Items.Select(DiagnosticInfo.From).ToEquatableArray(),
        description.Problems.TemplateChecks
            .Select(static c => LocationInfo.From(c.Location) is { } location ? new TemplateCheckInfo(c.Raw, location) : null)
            .OfType<TemplateCheckInfo>()
            .ToEquatableArray(),
        description.Routes
            .Select(static r => LocationInfo.From(r.Location) is { } location
                ? new RouteClaimInfo(r.Key, r.HttpMethod, r.Template, r.Owner, r.Resource, location)
                : null)
            .OfType<RouteClaimInfo>()
            .ToEquatableArray());
}
