using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// Reports each diagnostic once: a method with two HTTP method attributes is analysed twice, but a problem of
/// the method itself (not public, generic) must show once. Two diagnostics of one id at one place are both
/// kept when they say different things.
/// </summary>
internal sealed class DiagnosticSink(Action<Diagnostic> report)
{
    private readonly HashSet<(string Id, Location Location, string Message)> seen = new();

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        Report(descriptor, location, null, null, arguments);

    public void Report(
        DiagnosticDescriptor descriptor,
        Location location,
        IEnumerable<Location>? additionalLocations,
        ImmutableDictionary<string, string?>? properties,
        params object?[] arguments)
    {
        var diagnostic = Diagnostic.Create(descriptor, location, additionalLocations, properties, arguments);
        if (seen.Add((descriptor.Id, location, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))))
        {
            report(diagnostic);
        }
    }
}
