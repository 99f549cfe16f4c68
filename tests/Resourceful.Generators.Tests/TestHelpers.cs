using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>One generator run: the input, the output and the result of a second run over a cloned compilation.</summary>
/// <param name="InputCompilation">The user's code alone.</param>
/// <param name="OutputCompilation">The user's code plus every generated file.</param>
/// <param name="Driver">The driver after the first run, ready to be re-run on an edited compilation.</param>
/// <param name="Result">The first run.</param>
/// <param name="SecondResult">The same driver re-run on a clone of <paramref name="InputCompilation"/>.</param>
internal sealed record GeneratorRun(
    CSharpCompilation InputCompilation,
    Compilation OutputCompilation,
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    GeneratorDriverRunResult SecondResult)
{
    public GeneratorRunResult GeneratorResult => Result.Results.Single();

    public ImmutableArray<GeneratedSourceResult> GeneratedSources => GeneratorResult.GeneratedSources;

    /// <summary>The text of the generated file <paramref name="hintName"/>; fails when there is none.</summary>
    public string Source(string hintName)
    {
        var match = GeneratedSources.Where(s => s.HintName == hintName).ToArray();
        Assert.True(
            match.Length == 1,
            $"Expected one generated file '{hintName}', found: {string.Join(", ", GeneratedSources.Select(s => s.HintName))}");
        return match[0].SourceText.ToString();
    }
}

internal static class TestHelpers
{
    public const string UserAssemblyName = "UserApp";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // The SDK passes /nowarn:1701,1702 to every C# build: they only say that a reference's version was unified
    // with a newer framework assembly, which is what the shared framework in TRUSTED_PLATFORM_ASSEMBLIES does.
    // Nothing in the user's code or ours can cause or fix them, so they are the one thing we do not count.
    private static readonly ImmutableHashSet<string> UnificationWarnings = ["CS1701", "CS1702"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>Every name declared in <see cref="TrackingNames"/>, read by reflection so a new step is covered at once.</summary>
    public static ImmutableArray<string> TrackingStepNames { get; } =
        typeof(TrackingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToImmutableArray();

    public static SyntaxTree ParseTree(string source, string path)
        => CSharpSyntaxTree.ParseText(source, ParseOptions, path, Encoding.UTF8);

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CreateCompilation(sources.Select((source, index) => ParseTree(source, $"Source{index}.cs")));

    public static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create(
            UserAssemblyName,
            trees,
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: UnificationWarnings.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress))));

    /// <param name="options">What MSBuild would pass (<c>build_property.*</c>); none by default.</param>
    public static GeneratorDriver CreateDriver(AnalyzerConfigOptionsProvider? options = null)
        => CSharpGeneratorDriver.Create(
            generators: [new ResourceGenerator().AsSourceGenerator()],
            additionalTexts: null,
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator over <paramref name="sources"/> (one file each), then runs the same driver again over a
    /// clone of the compilation, as the IDE does after a keystroke that changes nothing, and (unless
    /// <paramref name="assertCaching"/> is false) asserts that the second run recomputed nothing.
    /// </summary>
    public static GeneratorRun RunGenerator(string source, bool assertCaching = true)
        => RunGenerator([source], assertCaching);

    /// <inheritdoc cref="RunGenerator(string, bool)"/>
    public static GeneratorRun RunGenerator(IReadOnlyList<string> sources, bool assertCaching = true)
        => RunGenerator(CreateCompilation(sources.ToArray()), assertCaching);

    /// <inheritdoc cref="RunGenerator(string, bool)"/>
    public static GeneratorRun RunGenerator(CSharpCompilation compilation, bool assertCaching = true, AnalyzerConfigOptionsProvider? options = null)
    {
        var clone = compilation.Clone();
        var driver = CreateDriver(options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var first = driver.GetRunResult();
        // Parsed anew from a clone, so equal outputs prove that the models are equatable.
        var second = driver.RunGenerators(clone).GetRunResult();
        var run = new GeneratorRun(compilation, output, driver, first, second);
        if (assertCaching)
        {
            AssertNoGeneratorException(run.Result);
            AssertSecondRunCached(run);
        }

        return run;
    }

    /// <summary>Re-runs <paramref name="run"/>'s driver on <paramref name="edited"/>, as the IDE does after an edit.</summary>
    public static GeneratorDriverRunResult RunAgain(GeneratorRun run, Compilation edited)
        => run.Driver.RunGenerators(edited).GetRunResult();

    public static void AssertNoGeneratorException(GeneratorDriverRunResult result)
    {
        var generatorResult = result.Results.Single();
        Assert.True(generatorResult.Exception is null, $"The generator threw: {generatorResult.Exception}");

        // CS8784: failed to initialize; CS8785: failed to generate. The driver turns a thrown exception into one of these.
        var failures = result.Diagnostics.Concat(generatorResult.Diagnostics)
            .Where(d => d.Id is "CS8784" or "CS8785")
            .ToArray();
        Assert.True(failures.Length == 0, "The generator failed:" + Environment.NewLine + Format(failures));
    }

    /// <summary>
    /// Asserts that the second run of <paramref name="run"/> (same driver, cloned compilation) found every named step
    /// and every source output <c>Cached</c> or <c>Unchanged</c>, with the same values and the same generated text.
    /// </summary>
    public static void AssertSecondRunCached(GeneratorRun run)
    {
        AssertNoGeneratorException(run.SecondResult);
        var first = run.Result.Results.Single();
        var second = run.SecondResult.Results.Single();

        var problems = new List<string>();
        problems.AddRange(NotCachedOutputs(second, TrackingStepNames));

        foreach (var name in TrackingStepNames)
        {
            var firstValues = StepOutputs(first, name).Select(o => o.Value).ToArray();
            var secondValues = StepOutputs(second, name).Select(o => o.Value).ToArray();
            if (firstValues.Length != secondValues.Length)
            {
                problems.Add($"step '{name}': {firstValues.Length} outputs in the first run, {secondValues.Length} in the second");
                continue;
            }

            for (var i = 0; i < firstValues.Length; i++)
            {
                if (!Equals(firstValues[i], secondValues[i]))
                {
                    problems.Add($"step '{name}' output {i}: the second run's value differs from the first's: {Describe(secondValues[i])}");
                }
            }
        }

        var firstTexts = first.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var secondTexts = second.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        if (!firstTexts.Keys.Order(StringComparer.Ordinal).SequenceEqual(secondTexts.Keys.Order(StringComparer.Ordinal)))
        {
            problems.Add($"generated files differ: [{string.Join(", ", firstTexts.Keys)}] then [{string.Join(", ", secondTexts.Keys)}]");
        }
        else
        {
            problems.AddRange(firstTexts.Where(pair => pair.Value != secondTexts[pair.Key]).Select(pair => $"'{pair.Key}' differs between runs"));
        }

        Assert.True(problems.Count == 0, "The second run over an unchanged compilation recomputed work:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Every output of the named steps, and of the source outputs, whose reason is neither <c>Cached</c> nor
    /// <c>Unchanged</c>, described for a failure message.
    /// </summary>
    public static IEnumerable<string> NotCachedOutputs(GeneratorRunResult result, IEnumerable<string> stepNames)
    {
        foreach (var name in stepNames)
        {
            foreach (var (value, reason) in StepOutputs(result, name))
            {
                if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                {
                    yield return $"step '{name}': {reason}: {Describe(value)}";
                }
            }
        }

        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            foreach (var (value, reason) in steps.SelectMany(s => s.Outputs))
            {
                if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                {
                    yield return $"output step '{name}': {reason}: {Describe(value)}";
                }
            }
        }
    }

    /// <summary>The outputs of every run of the step <paramref name="name"/>, in order; empty when it did not run.</summary>
    public static IEnumerable<(object Value, IncrementalStepRunReason Reason)> StepOutputs(GeneratorRunResult result, string name)
        => result.TrackedSteps.TryGetValue(name, out var steps)
            ? steps.SelectMany(s => s.Outputs)
            : [];

    /// <summary>
    /// Asserts that the generator reported nothing and that the user's code plus the generated code compiles
    /// without a single error or warning.
    /// </summary>
    public static void AssertCompilesCleanly(GeneratorRun run)
    {
        AssertNoGeneratorException(run.Result);
        var generatorDiagnostics = run.GeneratorResult.Diagnostics;
        Assert.True(
            generatorDiagnostics.IsEmpty,
            "The generator reported diagnostics on valid input:" + Environment.NewLine + Format(generatorDiagnostics));

        var diagnostics = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToArray();
        Assert.True(
            diagnostics.Length == 0,
            "The user's code plus the generated code does not compile cleanly:" + Environment.NewLine + Format(diagnostics));
    }

    public static bool IsGenerated(SyntaxTree? tree, GeneratorRun run)
        => tree is not null && run.GeneratedSources.Any(s => ReferenceEquals(s.SyntaxTree, tree) || s.SyntaxTree.FilePath == tree.FilePath);

    /// <summary>Diagnostics with their file, line and the offending source line, so a failure reads on its own.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            builder.Append("  ").Append(diagnostic.ToString());
            var tree = diagnostic.Location.SourceTree;
            if (tree is not null)
            {
                var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
                var lines = tree.GetText().Lines;
                if (line < lines.Count)
                {
                    builder.AppendLine().Append("      | ").Append(lines[line].ToString().Trim());
                }
            }

            builder.AppendLine();
        }

        return builder.ToString();
    }

    public static string Describe(object? value)
    {
        var text = value?.ToString() ?? "null";
        return text.Length <= 400 ? text : text[..400] + "…";
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);

        // Normally already in the list (it is this project's dependency); added by path in case a host trims it.
        paths.Add(typeof(ResourceAttribute).Assembly.Location);

        return paths
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    /// <summary>
    /// <paramref name="source"/> built as the assembly <paramref name="assemblyName"/> (with the generator's output when
    /// <paramref name="runGenerator"/>), as another project references it: a library, or an app a test project references.
    /// </summary>
    public static MetadataReference CompileReference(string assemblyName, string source, bool runGenerator = true)
    {
        Compilation compilation = CreateCompilation(source).WithAssemblyName(assemblyName);
        if (runGenerator)
        {
            CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out compilation, out var diagnostics);
            Assert.Empty(diagnostics);
        }

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, Format(emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Runs the generator over <paramref name="source"/>, built as <paramref name="assemblyName"/> referencing <paramref name="reference"/>.</summary>
    public static (GeneratorRunResult Result, Compilation Output) RunGeneratorReferencing(string assemblyName, MetadataReference reference, string source)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [ParseTree(source, assemblyName + ".cs")],
            References.Add(reference),
            CreateCompilation().Options);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult().Results.Single(), output);
    }

    /// <summary>Fails with every warning and error of <paramref name="compilation"/>, generated files included.</summary>
    public static void AssertNoWarnings(Compilation compilation)
    {
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, Format(problems));
    }

    /// <summary>Replaces the tree at <paramref name="path"/> with <paramref name="source"/>.</summary>
    public static Compilation ReplaceSource(Compilation compilation, string path, string source)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, ParseTree(source, path));
    }

    /// <summary>The text of <paramref name="hintName"/> in <paramref name="result"/>, or null.</summary>
    public static string? SourceOf(GeneratorDriverRunResult result, string hintName)
        => result.Results.Single().GeneratedSources.FirstOrDefault(s => s.HintName == hintName).SourceText?.ToString();

    /// <summary>Changes one span of a tree's text, as a keystroke does (the tree is re-parsed incrementally).</summary>
    public static Compilation Edit(Compilation compilation, string path, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText();
        var start = text.ToString().IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{oldText}' is not in {path}");
        var changed = text.WithChanges(new TextChange(new TextSpan(start, oldText.Length), newText));
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(changed));
    }
}

/// <summary>The build properties MSBuild passes to the compiler (<c>CompilerVisibleProperty</c>), in memory.</summary>
internal sealed class BuildPropertiesProvider(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    private readonly Properties _properties = new(properties);

    public override AnalyzerConfigOptions GlobalOptions => _properties;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _properties;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _properties;

    private sealed class Properties(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => values.TryGetValue(key, out value);
    }
}
