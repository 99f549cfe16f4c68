using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// One reason the parser cannot map what the user wrote, as the diagnostic it becomes. The parser records it where
/// it decides; the analyzer reports it as it is, and the generator reports it through <see cref="Model.DiagnosticInfo"/>
/// when no analyzer runs. Holds symbols' locations: it lives for one parse, never in a model.
/// </summary>
internal sealed class Problem(
    DiagnosticDescriptor descriptor,
    Location location,
    IEnumerable<Location>? additionalLocations,
    ImmutableDictionary<string, string?>? properties,
    object?[] arguments)
{
    public DiagnosticDescriptor Descriptor { get; } = descriptor;

    public Location Location { get; } = location;

    public IEnumerable<Location>? AdditionalLocations { get; } = additionalLocations;

    public ImmutableDictionary<string, string?>? Properties { get; } = properties;

    public object?[] Arguments { get; } = arguments;

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, AdditionalLocations, Properties, Arguments);
}

/// <summary>
/// A template that is well formed but may name a constraint the application registers itself: whether it is known
/// depends on <c>resourceful.route_constraints</c>, an option of the syntax tree, so it is judged when the problems are
/// reported (by the analyzer or the generator, through the same <see cref="Judge"/>), not while parsing.
/// </summary>
internal sealed class TemplateCheck(string raw, Location location)
{
    public string Raw { get; } = raw;

    public Location Location { get; } = location;

    /// <summary>RSF0012 for the constraint <paramref name="isCustomConstraint"/> does not know, or <see langword="null"/>.</summary>
    public Problem? Judge(Func<string, bool> isCustomConstraint) =>
        RouteTemplateText.Parse(Raw, isCustomConstraint).Problem is { } problem
            ? new Problem(Diagnostics.DiagnosticDescriptors.InvalidRouteTemplate, Location, null, null, [Raw, problem])
            : null;
}

/// <summary>
/// The problems of one parse, each once: a method with two HTTP method attributes is parsed twice, but a problem of
/// the method itself (not public, generic) is recorded once. Two problems of one id at one place are both kept when
/// they say different things.
/// </summary>
internal sealed class ProblemList
{
    private readonly List<Problem> problems = new();
    private readonly List<TemplateCheck> templateChecks = new();
    private readonly HashSet<(string Id, Location Location, string Message)> seen = new();

    public IReadOnlyList<Problem> Items => problems;

    /// <summary>Templates to judge against the application's own constraints; see <see cref="TemplateCheck"/>.</summary>
    public IReadOnlyList<TemplateCheck> TemplateChecks => templateChecks;

    public void Add(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        Add(descriptor, location, null, null, arguments);

    /// <summary>Records the problem, and returns it; <see langword="null"/> when the same one is already recorded.</summary>
    public Problem? Add(
        DiagnosticDescriptor descriptor,
        Location location,
        IEnumerable<Location>? additionalLocations,
        ImmutableDictionary<string, string?>? properties,
        params object?[] arguments)
    {
        var problem = new Problem(descriptor, location, additionalLocations, properties, arguments);
        if (!seen.Add((descriptor.Id, location, problem.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture))))
        {
            return null;
        }

        problems.Add(problem);
        return problem;
    }

    /// <summary>
    /// Records <paramref name="raw"/> (well formed) for judging, when its verdict depends on the application's own
    /// constraints: it names one routing does not define.
    /// </summary>
    public void Check(string raw, Location location)
    {
        if (RouteTemplateText.Parse(raw, static _ => false).Problem is not null)
        {
            templateChecks.Add(new TemplateCheck(raw, location));
        }
    }
}

/// <summary>How the diagnostics name the user's symbols.</summary>
internal static class SymbolNames
{
    /// <summary><c>Books.Find</c>: the handler with its class, as the user reads it.</summary>
    public static string Handler(IMethodSymbol method) =>
        method.ContainingType is { } type ? type.Name + "." + method.Name : method.Name;
}
