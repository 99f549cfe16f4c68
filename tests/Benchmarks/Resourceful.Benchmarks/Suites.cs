using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Perfolizer.Horology;
using Resourceful.Benchmarks.Generator;
using Resourceful.Benchmarks.Requests;
using Resourceful.Benchmarks.Server;
using Resourceful.Benchmarks.Startup;

namespace Resourceful.Benchmarks;

/// <summary>Runs one suite and writes its summary (ratios and target verdicts) as Markdown.</summary>
internal static class Suites
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Requests(Options options)
    {
        // In-process: no per-benchmark project build, which would take minutes on two cores.
        var job = RequestJob(options, iterations: 12);
        var summary = BenchmarkRunner.Run<RequestBenchmarks>(Config(job, options), options.Rest);

        var rows = summary.Reports
            .Where(static r => r.ResultStatistics is not null)
            .Select(r => (
                Case: (RequestCase)r.BenchmarkCase.Parameters["Case"],
                Method: r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                Ns: r.ResultStatistics!.Median,
                Bytes: r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? -1))
            .ToList();

        var text = new StringBuilder();
        text.AppendLine("### Allocations and CPU per request (BenchmarkDotNet, in-process routing pipeline)");
        text.AppendLine();
        text.AppendLine("| case | generated | minimal APIs (RDG) | MVC | hand-written | gen/min time | gen B | min B | MVC B | raw B | allocation target |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var allMet = true;
        foreach (var group in rows.GroupBy(static r => r.Case).OrderBy(static g => g.Key))
        {
            var of = group.ToDictionary(static r => r.Method);
            if (!of.TryGetValue(nameof(RequestBenchmarks.Generated), out var gen) || !of.TryGetValue(nameof(RequestBenchmarks.MinimalApi), out var min)
                || !of.TryGetValue(nameof(RequestBenchmarks.Mvc), out var mvc) || !of.TryGetValue(nameof(RequestBenchmarks.Handwritten), out var raw))
            {
                continue;
            }

            // Zero is the endpoint's own budget: on a path with a route value, routing itself allocates the values it
            // captured (the same for every variant), so the zero target is checked where routing captures nothing.
            // Resourceful's 405 carries a problem document (issue 14) where routing's, which the others send, has no
            // body: no like-for-like target there.
            var comparable = group.Key is not (RequestCase.MethodNotAllowed or RequestCase.MethodNotAllowedNoRouteValues);
            var mustBeZero = group.Key is RequestCase.OptionsNoRouteValues;
            var met = !comparable || (gen.Bytes <= min.Bytes && (!mustBeZero || gen.Bytes == 0));
            allMet &= met;
            var target = !comparable ? "none (405 with a problem body)" : (mustBeZero ? "0 B and ≤ min: " : "≤ min: ") + (met ? "met" : "MISSED");
            text.AppendLine(Invariant, $"| {group.Key} | {Ns(gen.Ns)} | {Ns(min.Ns)} | {Ns(mvc.Ns)} | {Ns(raw.Ns)} | {gen.Ns / min.Ns:F2}× | {gen.Bytes} | {min.Bytes} | {mvc.Bytes} | {raw.Bytes} | {target} |");
        }

        text.AppendLine();
        text.AppendLine(allMet ? "Allocation targets: all met." : "Allocation targets: some MISSED (see the last column).");
        return Write(options, "requests.md", text);
    }

    /// <summary>Issue 15: a versioned GET answered 304 against the same GET answered 200, in one run.</summary>
    public static int Conditional(Options options)
    {
        var job = RequestJob(options, iterations: 12);
        var summary = BenchmarkRunner.Run<ConditionalBenchmarks>(Config(job, options), options.Rest);
        var of = MediansByMethod(summary);
        if (!of.TryGetValue(nameof(ConditionalBenchmarks.Ok), out var ok) || !of.TryGetValue(nameof(ConditionalBenchmarks.NotModified), out var notModified))
        {
            Console.Error.WriteLine("The conditional benchmarks did not both produce results.");
            return 1;
        }

        // Requests per second on one core are the inverse of the time per request, so their ratio is 200's time over 304's.
        var speedup = ok.Ns / notModified.Ns;
        var text = new StringBuilder();
        text.AppendLine("### Conditional GET: 304 against 200 (BenchmarkDotNet, in-process routing pipeline)");
        text.AppendLine();
        text.AppendLine("| response | time per request | requests/s (one core) | allocated | target |");
        text.AppendLine("|---|---|---|---|---|");
        text.AppendLine(Invariant, $"| 200 OK, JSON body and ETag | {Ns(ok.Ns)} | {1e9 / ok.Ns:N0} | {ok.Bytes} B | baseline |");
        text.AppendLine(Invariant, $"| 304 Not Modified, ETag, no body | {Ns(notModified.Ns)} | {1e9 / notModified.Ns:N0} | {notModified.Bytes} B | ≥ 1.5× the 200's requests/s: {speedup:F2}×, {(speedup >= 1.5 ? "met" : "MISSED")} |");
        return Write(options, "conditional.md", text);
    }

    /// <summary>Sparse fieldsets: bytes written and allocations of 2 of 8 members against all 8, in one run.</summary>
    public static int Fields(Options options)
    {
        var job = RequestJob(options, iterations: 12);
        var summary = BenchmarkRunner.Run<FieldsBenchmarks>(Config(job, options), options.Rest);
        var rows = MediansByMethod(summary);
        var (fullBody, twoBody) = FieldsBenchmarks.BodyBytes();

        var text = new StringBuilder();
        text.AppendLine("### Sparse fieldsets: `?fields=` of 2 of 8 members against the full representation (BenchmarkDotNet, in-process routing pipeline)");
        text.AppendLine();
        text.AppendLine("| request | time | allocated | body bytes |");
        text.AppendLine("|---|---|---|---|");
        if (!rows.TryGetValue(nameof(FieldsBenchmarks.Full), out var full) || !rows.TryGetValue(nameof(FieldsBenchmarks.TwoOfEight), out var two))
        {
            text.AppendLine("| (a benchmark failed; see the BenchmarkDotNet output) | | | |");
            return Write(options, "fields.md", text);
        }

        text.AppendLine(Invariant, $"| `GET /gen/records/1` (8 of 8) | {Ns(full.Ns)} | {full.Bytes} B | {fullBody} |");
        text.AppendLine(Invariant, $"| `GET /gen/records/1?fields=id,name` (2 of 8) | {Ns(two.Ns)} | {two.Bytes} B | {twoBody} |");
        text.AppendLine();
        text.AppendLine(Invariant, $"Ratios (fields/full): time {two.Ns / full.Ns:F2}×, allocated {(double)two.Bytes / full.Bytes:F2}×, body {(double)twoBody / fullBody:F2}×. "
            + $"Target (fewer allocations than full serialisation): {(two.Bytes < full.Bytes ? "met" : "MISSED")}.");
        return Write(options, "fields.md", text);
    }

    public static int Uploads(Options options)
    {
        // 60 iterations, not 12: most of an upload is the framework's copy of the file to a temporary file, whose
        // disk time varies by ±15 % between short runs; only a longer run gives a median the two variants can be
        // compared on.
        var job = RequestJob(options, iterations: 60);
        var summary = BenchmarkRunner.Run<UploadBenchmarks>(Config(job, options), options.Rest);
        var of = MediansByMethod(summary);

        var text = new StringBuilder();
        text.AppendLine("### Multipart upload of a 1 MB file to an IFormFile endpoint (BenchmarkDotNet, in-process routing pipeline)");
        text.AppendLine();
        if (of.TryGetValue(nameof(UploadBenchmarks.Generated), out var gen) && of.TryGetValue(nameof(UploadBenchmarks.MinimalApi), out var min))
        {
            // Speed as minimal APIs' time over ours: 1.00x or more means at least as fast.
            text.AppendLine("| generated | minimal APIs (RDG) | speed (min/gen) | gen B | min B | target |");
            text.AppendLine("|---|---|---|---|---|---|");
            var speed = min.Ns / gen.Ns;
            text.AppendLine(Invariant, $"| {Ns(gen.Ns)} | {Ns(min.Ns)} | {speed:F2}× | {gen.Bytes} | {min.Bytes} | ≥ 1.00×: {(speed >= 1.0 ? "met" : "MISSED")} |");
        }
        else
        {
            text.AppendLine("No results.");
        }

        return Write(options, "uploads.md", text);
    }

    /// <summary>
    /// The in-process job of the request suites (the real routing pipeline on a reused context): 4 warm-ups and
    /// <paramref name="iterations"/> iterations of 250 ms, or 1 and 3 of 100 ms with <c>--quick</c>.
    /// </summary>
    private static Job RequestJob(Options options, int iterations) => Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithWarmupCount(options.Quick ? 1 : 4)
        .WithIterationCount(options.Quick ? 3 : iterations)
        .WithIterationTime(TimeInterval.FromMilliseconds(options.Quick ? 100 : 250));

    /// <summary>Each benchmark method's median time (ns) and bytes allocated per operation, by the method's name.</summary>
    private static Dictionary<string, (double Ns, long Bytes)> MediansByMethod(Summary summary) => summary.Reports
        .Where(static r => r.ResultStatistics is not null)
        .ToDictionary(
            static r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
            r => (Ns: r.ResultStatistics!.Median, Bytes: r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? -1));

    public static int Generator(Options options)
    {
        // A cold run of 1,000 resources takes long enough to be timed one invocation at a time.
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(options.Quick ? 1 : 3)
            .WithIterationCount(options.Quick ? 3 : 8)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithUnrollFactor(1);
        var summary = BenchmarkRunner.Run<GeneratorBenchmarks>(Config(job, options), options.Rest);

        var rows = summary.Reports
            .Where(static r => r.ResultStatistics is not null)
            .Select(r => (
                Resources: (int)r.BenchmarkCase.Parameters["Resources"],
                Method: r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                Ns: r.ResultStatistics!.Median,
                Bytes: r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? -1))
            .ToList();

        var text = new StringBuilder();
        text.AppendLine("### Generator cost (BenchmarkDotNet, CSharpGeneratorDriver, N resources × 5 handlers)");
        text.AppendLine();
        text.AppendLine("| resources | Resourceful cold | RDG cold | cold ratio | Resourceful cold alloc | RDG cold alloc | Resourceful per resource | floor cold | Resourceful edit re-run | RDG edit re-run | edit ratio | floor edit |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        var allMet = true;
        foreach (var group in rows.GroupBy(static r => r.Resources).OrderBy(static g => g.Key))
        {
            var of = group.ToDictionary(static r => r.Method);
            if (!of.TryGetValue(nameof(GeneratorBenchmarks.ResourcefulCold), out var cold) || !of.TryGetValue(nameof(GeneratorBenchmarks.RdgCold), out var rdgCold)
                || !of.TryGetValue(nameof(GeneratorBenchmarks.ResourcefulEdit), out var edit) || !of.TryGetValue(nameof(GeneratorBenchmarks.RdgEdit), out var rdgEdit)
                || !of.TryGetValue(nameof(GeneratorBenchmarks.FloorCold), out var floorCold) || !of.TryGetValue(nameof(GeneratorBenchmarks.FloorEdit), out var floorEdit))
            {
                continue;
            }

            allMet &= cold.Ns <= rdgCold.Ns && (group.Key != 1000 || cold.Ns <= 0.5e9);
            text.AppendLine(Invariant,
                $"| {group.Key} × 5 | {Ns(cold.Ns)} | {Ns(rdgCold.Ns)} | {cold.Ns / rdgCold.Ns:F2}× | {Bytes(cold.Bytes)} | {Bytes(rdgCold.Bytes)} | {Ns(cold.Ns / group.Key)} | {Ns(floorCold.Ns)} | {Ns(edit.Ns)} | {Ns(rdgEdit.Ns)} | {edit.Ns / rdgEdit.Ns:F2}× | {Ns(floorEdit.Ns)} |");
        }

        text.AppendLine();
        text.AppendLine("Floor: a generator that only finds the [Resource] classes (ForAttributeWithMetadataName) and emits nothing, i.e. Roslyn's own share.");
        text.AppendLine(allMet
            ? "Targets (cold ≤ RDG at every size; ≤ 0.5 s for 1,000 × 5): met."
            : "Targets (cold ≤ RDG at every size; ≤ 0.5 s for 1,000 × 5): some MISSED.");
        return Write(options, "generator.md", text);
    }

    public static int Startup(Options options)
    {
        if (options.Server is null)
        {
            Console.Error.WriteLine("startup needs --server PATH (the benchmark server's apphost or .dll).");
            return 2;
        }

        Console.WriteLine($"Start-up: {options.Runs} runs per variant, server {options.Server}{(options.Cpu is null ? string.Empty : ", pinned to CPU " + options.Cpu)}");
        var results = StartupTimer.Run(options.Server, options.Runs, options.Cpu, Console.Out).ToDictionary(static r => r.Variant);
        var gen = results[Variants.Generated].Median;
        var min = results[Variants.Minimal].Median;
        var mvc = results[Variants.Mvc].Median;

        var text = new StringBuilder();
        text.AppendLine(Invariant, $"### Start-up: process start to first 200 (median of {options.Runs} runs; min–max)");
        text.AppendLine();
        text.AppendLine("| variant | median | min | max | generated ÷ this |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var result in results.Values)
        {
            text.AppendLine(Invariant, $"| {Name(result.Variant)} | {result.Median:F0} ms | {result.Min:F0} ms | {result.Max:F0} ms | {gen / result.Median:F2}× |");
        }

        text.AppendLine();
        text.AppendLine(Invariant, $"Targets: generated ≤ minimal APIs ({gen / min:F2}×: {(gen <= min ? "met" : "MISSED")}); well ahead of MVC ({gen / mvc:F2}×).");
        return Write(options, "startup.md", text);
    }

    /// <summary>A fast smoke test of both harnesses, with no BenchmarkDotNet: it proves they measure what they claim.</summary>
    public static int Check(Options options)
    {
        var text = new StringBuilder();
        text.AppendLine("### Check: every variant answers every case alike; bytes allocated per request (10,000 requests after 50,000)");
        text.AppendLine();
        text.AppendLine("| case | generated | minimal APIs (RDG) | MVC | hand-written |");
        text.AppendLine("|---|---|---|---|---|");
        using (var server = InProcessServer.Create(Variants.All))
        {
            foreach (var requestCase in Enum.GetValues<RequestCase>())
            {
                var cells = new List<string>();
                foreach (var variant in new[] { Variants.Generated, Variants.Minimal, Variants.Mvc, Variants.Handwritten })
                {
                    var context = RequestCases.CreateContext(server.Services, requestCase, variant);
                    // Until the code is at tier 1, as in BenchmarkDotNet's runs: tier-0 code allocates more (no escape analysis).
                    for (var i = 0; i < 50_000; i++)
                    {
                        context.SendAsync(server.Pipeline).GetAwaiter().GetResult();
                    }

                    Thread.Sleep(200);

                    RequestCases.Verify(requestCase, variant, context);
                    const int Requests = 10_000;
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    for (var i = 0; i < Requests; i++)
                    {
                        context.SendAsync(server.Pipeline).GetAwaiter().GetResult();
                    }

                    var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Requests;
                    cells.Add(string.Create(Invariant, $"{context.Context.Response.StatusCode}, {bytes:F0} B"));
                }

                text.AppendLine(Invariant, $"| {requestCase} | {string.Join(" | ", cells)} |");
            }
        }

        text.AppendLine();
        text.AppendLine("### Check: generators on 10 resources × 5 handlers (first run in this process, JIT included)");
        text.AppendLine();
        text.AppendLine(Invariant, $"RDG: {GeneratorDrivers.RequestDelegateGeneratorPath}");
        text.AppendLine();
        text.AppendLine("| generator | first run | sources | compile errors | edit re-run: step outputs by reason |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var kind in new[] { ProjectKind.Resourceful, ProjectKind.MinimalApi })
        {
            var project = SyntheticProject.Create(kind, 10);
            var generator = GeneratorDrivers.For(kind);
            var stopwatch = Stopwatch.StartNew();
            var driver = GeneratorDrivers.CreateDriver(generator, trackSteps: true).RunGenerators(project.Compilation);
            var firstRun = stopwatch.Elapsed;
            var result = driver.GetRunResult().Results.Single();
            if (result.Exception is not null)
            {
                throw new InvalidOperationException($"{kind}: the generator threw: {result.Exception}");
            }

            driver.RunGeneratorsAndUpdateCompilation(project.Compilation, out var output, out _);
            var errors = output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
            foreach (var error in errors.Take(5))
            {
                Console.Error.WriteLine($"{kind}: {error}");
            }

            var rerun = driver.RunGenerators(project.Edited()).GetRunResult().Results.Single();
            var reasons = rerun.TrackedOutputSteps
                .SelectMany(static step => step.Value)
                .SelectMany(static run => run.Outputs)
                .GroupBy(static o => o.Reason)
                .Select(static g => $"{g.Key} {g.Count()}");
            var name = kind == ProjectKind.Resourceful ? "Resourceful" : "Request Delegate Generator";
            text.AppendLine(Invariant, $"| {name} | {firstRun.TotalMilliseconds:F0} ms | {result.GeneratedSources.Length} | {errors.Count} | {string.Join(", ", reasons)} |");
        }

        return Write(options, "check.md", text);
    }

    private static IConfig Config(Job job, Options options)
        => ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .WithArtifactsPath(Path.Combine(options.Out, "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);

    private static int Write(Options options, string file, StringBuilder text)
    {
        var path = Path.Combine(options.Out, file);
        File.WriteAllText(path, text.ToString());
        Console.WriteLine();
        Console.WriteLine(text.ToString());
        Console.WriteLine($"Written to {path}");
        return 0;
    }

    private static string Name(Variants variant) => variant switch
    {
        Variants.Generated => "generated (Resourceful)",
        Variants.Minimal => "minimal APIs (RDG)",
        Variants.Mvc => "MVC ([ApiController])",
        _ => "hand-written RequestDelegate",
    };

    private static string Ns(double ns) => ns switch
    {
        >= 1e9 => string.Create(Invariant, $"{ns / 1e9:F2} s"),
        >= 1e6 => string.Create(Invariant, $"{ns / 1e6:F1} ms"),
        >= 1e4 => string.Create(Invariant, $"{ns / 1e3:F1} µs"),
        _ => string.Create(Invariant, $"{ns:F0} ns"),
    };

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 20 => string.Create(Invariant, $"{bytes / (double)(1L << 20):F1} MB"),
        >= 1L << 10 => string.Create(Invariant, $"{bytes / 1024.0:F1} KB"),
        _ => string.Create(Invariant, $"{bytes} B"),
    };
}
