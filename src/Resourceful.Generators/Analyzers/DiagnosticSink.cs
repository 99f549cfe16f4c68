using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// Reports each of a rule family's own diagnostics once, as <see cref="ProblemList"/> records the parser's: a method
/// with two HTTP method attributes is analysed twice, but a problem of the method itself must show once.
/// </summary>
internal sealed class DiagnosticSink(Action<Diagnostic> report)
{
    private readonly ProblemList reported = new();

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        Report(descriptor, location, null, null, arguments);

    public void Report(
        DiagnosticDescriptor descriptor,
        Location location,
        IEnumerable<Location>? additionalLocations,
        ImmutableDictionary<string, string?>? properties,
        params object?[] arguments)
    {
        if (reported.Add(descriptor, location, additionalLocations, properties, arguments) is { } problem)
        {
            report(problem.ToDiagnostic());
        }
    }
}
