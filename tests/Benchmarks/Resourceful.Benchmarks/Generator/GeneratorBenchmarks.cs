using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;

namespace Resourceful.Benchmarks.Generator;

/// <summary>
/// Generator cost on synthetic projects of N resources × 5 handlers, Resourceful against the Request Delegate
/// Generator on the equivalent minimal-API project, in the same run. <c>Cold</c>: a fresh driver on a fresh
/// compilation (<see cref="SyntheticProject.Fresh"/>: no symbol, binding or generator state carried over; the JIT is warm). <c>Edit</c>: a driver that
/// already ran on the project, re-run after a one-character edit inside one handler's body, as in the IDE.
/// The RDG is the baseline of each category.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class GeneratorBenchmarks
{
    private SyntheticProject _resourceful = null!;
    private SyntheticProject _minimalApi = null!;
    private GeneratorDriver _resourcefulRan = null!;
    private GeneratorDriver _rdgRan = null!;
    private GeneratorDriver _floorRan = null!;

    /// <summary>Resources in the project; each has 5 handlers.</summary>
    [Params(10, 100, 1000)]
    public int Resources { get; set; }

    /// <summary>Builds both projects, runs each generator once, and checks that both produced their code.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _resourceful = SyntheticProject.Create(ProjectKind.Resourceful, Resources);
        _minimalApi = SyntheticProject.Create(ProjectKind.MinimalApi, Resources);
        _resourcefulRan = RunChecked(GeneratorDrivers.Resourceful, _resourceful.Compilation);
        _rdgRan = RunChecked(GeneratorDrivers.RequestDelegateGenerator, _minimalApi.Compilation);
        _floorRan = GeneratorDrivers.CreateDriver(GeneratorDrivers.Floor).RunGenerators(_resourceful.Compilation);
    }

    /// <summary>Resourceful, cold.</summary>
    [Benchmark, BenchmarkCategory("Cold")]
    public GeneratorDriver ResourcefulCold()
        => GeneratorDrivers.CreateDriver(GeneratorDrivers.Resourceful).RunGenerators(_resourceful.Fresh());

    /// <summary>The Request Delegate Generator, cold: the baseline.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Cold")]
    public GeneratorDriver RdgCold()
        => GeneratorDrivers.CreateDriver(GeneratorDrivers.RequestDelegateGenerator).RunGenerators(_minimalApi.Fresh());

    /// <summary>Roslyn's own cost for any attribute-driven generator on the Resourceful project, cold.</summary>
    [Benchmark, BenchmarkCategory("Cold")]
    public GeneratorDriver FloorCold()
        => GeneratorDrivers.CreateDriver(GeneratorDrivers.Floor).RunGenerators(_resourceful.Fresh());

    /// <summary>Roslyn's own cost for any attribute-driven generator, after the same edit.</summary>
    [Benchmark, BenchmarkCategory("Edit")]
    public GeneratorDriver FloorEdit() => _floorRan.RunGenerators(_resourceful.Edited());

    /// <summary>Resourceful, re-run after an edit inside one method body.</summary>
    [Benchmark, BenchmarkCategory("Edit")]
    public GeneratorDriver ResourcefulEdit() => _resourcefulRan.RunGenerators(_resourceful.Edited());

    /// <summary>The Request Delegate Generator, re-run after an edit inside one lambda body: the baseline.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Edit")]
    public GeneratorDriver RdgEdit() => _rdgRan.RunGenerators(_minimalApi.Edited());

    /// <summary>Runs a generator and fails if it threw or produced nothing, so no figure measures a failure.</summary>
    internal static GeneratorDriver RunChecked(IIncrementalGenerator generator, Compilation compilation)
    {
        var driver = GeneratorDrivers.CreateDriver(generator).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException($"{generator.GetType().Name} threw: {result.Exception}");
        }

        if (result.GeneratedSources.Length == 0)
        {
            throw new InvalidOperationException($"{generator.GetType().Name} generated nothing for {compilation.AssemblyName}.");
        }

        return driver;
    }
}
