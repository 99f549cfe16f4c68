using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Resourceful.Generators;
using Xunit;

namespace Resourceful.Analyzers.Tests.Infrastructure;

/// <summary>What one run of every analyzer produced, and every exception one of them threw.</summary>
internal sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions);

/// <summary>Runs every Resourceful analyzer, or the generator, over an in-memory compilation.</summary>
internal static class Runners
{
    public static AnalyzerRun RunAnalyzers(Compilation compilation, AnalyzerConfigOptionsProvider? options = null)
    {
        var exceptions = new ConcurrentQueue<string>();
        var analyzerOptions = options is null
            ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)
            : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options);
        var withAnalyzers = compilation.WithAnalyzers(
            CatalogTests.Analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var failure in diagnostics.Where(static d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(failure.ToString());
        }

        return new AnalyzerRun(diagnostics, exceptions.ToList());
    }

    /// <summary>Runs the generator; returns what it threw or reported as a failure (CS8784/CS8785), empty when fine.</summary>
    public static IReadOnlyList<string> RunGenerator(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators: [new ResourceGenerator().AsSourceGenerator()],
            parseOptions: Compilations.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var driverDiagnostics);
        var result = driver.GetRunResult();
        var failures = new List<string>();
        failures.AddRange(result.Results.Where(static r => r.Exception is not null).Select(static r => r.Exception!.ToString()));
        failures.AddRange(driverDiagnostics.Concat(result.Diagnostics).Where(static d => d.Id is "CS8784" or "CS8785").Select(static d => d.ToString()));
        return failures;
    }
}

/// <summary>The generator's own diagnostics, as a build with <paramref name="options"/> would report them.</summary>
internal static class GeneratorDiagnostics
{
    public static ImmutableArray<Diagnostic> Of(Compilation compilation, AnalyzerConfigOptionsProvider? options = null)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators: [new ResourceGenerator().AsSourceGenerator()],
            additionalTexts: null,
            parseOptions: Compilations.ParseOptions,
            optionsProvider: options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        Assert.Empty(driver.GetRunResult().Results.Where(static r => r.Exception is not null));
        return diagnostics;
    }
}

/// <summary>An <c>.editorconfig</c> in memory, the same for every tree.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private readonly Options options = new(values);

    public override AnalyzerConfigOptions GlobalOptions => options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            var found = values.TryGetValue(key, out var text);
            value = text;
            return found;
        }
    }
}
