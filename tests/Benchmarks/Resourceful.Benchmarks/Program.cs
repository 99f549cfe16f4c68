using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Diagnostics;
using System.Linq;
using Resourceful.Benchmarks;

// Suites: requests | generator | startup | check. Options: --quick, --out DIR, --server PATH, --runs N, --cpu LIST.
// Anything else is handed to BenchmarkDotNet (for example --filter *Cold*).
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        Resourceful benchmarks (see docs/benchmarks.md; tests/Benchmarks/run-all.sh runs everything):
          requests   allocations and ns per request, 4 variants x 5 cases (BenchmarkDotNet)
          uploads    a 1 MB multipart IFormFile upload, Resourceful vs minimal APIs (BenchmarkDotNet)
          generator  generator cost on 10/100/1000 resources x 5 handlers, Resourceful vs the RDG (BenchmarkDotNet)
          startup    process start to first 200, per variant (--server PATH to the benchmark server; --runs N; --cpu LIST)
          check      smoke test: every variant answers every case alike; allocations per request; generators' output
          fields     sparse fieldsets: ?fields= of 2 of 8 members against the full representation (BenchmarkDotNet)
        Options: --quick (short runs for a smoke test), --out DIR (where summaries and BenchmarkDotNet artifacts go)
        """);
    return 0;
}

// The BenchmarkDotNet suites run in-process, where the JIT's call-counting delay (100 ms, extended for as long as
// anything new is being jitted, which BenchmarkDotNet itself keeps doing) left the first benchmarks of a run on
// tier-0 code: whichever came first measured 3-5x slower than the same benchmark measured later. With no delay,
// hot methods reach tier 1 (with dynamic PGO) during each benchmark's warm-up, as in a long-running server.
// Not for startup: the servers it starts would inherit the setting, and start-up is measured as users run apps.
if (args[0] is "requests" or "conditional" or "fields" or "uploads" or "generator" or "check" && Environment.GetEnvironmentVariable(TieringKnob) != "0")
{
    return RunSelfWithoutCallCountingDelay(args);
}

var options = Options.Parse(args.Skip(1).ToArray());
Directory.CreateDirectory(options.Out);
return args[0] switch
{
    "requests" => Suites.Requests(options),
    "conditional" => Suites.Conditional(options),
    "uploads" => Suites.Uploads(options),
    "generator" => Suites.Generator(options),
    "startup" => Suites.Startup(options),
    "check" => Suites.Check(options),
    "fields" => Suites.Fields(options),
    _ => Fail($"Unknown suite '{args[0]}': expected requests, conditional, fields, uploads, generator, startup or check."),
};

static int RunSelfWithoutCallCountingDelay(string[] args)
{
    var processPath = Environment.ProcessPath ?? "dotnet";
    var start = new ProcessStartInfo(processPath) { UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
    {
        // Started as `dotnet Resourceful.Benchmarks.dll ...`: the muxer needs the assembly again.
        start.ArgumentList.Add(typeof(Options).Assembly.Location);
    }

    foreach (var argument in args)
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment[TieringKnob] = "0";
    using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{processPath}'.");
    child.WaitForExit();
    return child.ExitCode;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}

internal static partial class Program
{
    private const string TieringKnob = "DOTNET_TC_CallCountingDelayMs";
}

namespace Resourceful.Benchmarks
{
    /// <summary>The command line of one suite.</summary>
    internal sealed class Options
    {
        public bool Quick { get; private init; }

        public string Out { get; private init; } = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkResults");

        public string? Server { get; private init; }

        public int Runs { get; private init; } = 15;

        public string? Cpu { get; private init; }

        /// <summary>What the harness does not know, for BenchmarkDotNet.</summary>
        public string[] Rest { get; private init; } = [];

        public static Options Parse(string[] args)
        {
            var rest = new List<string>();
            bool quick = false;
            string? output = null;
            string? server = null;
            string? cpu = null;
            int? runs = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        quick = true;
                        break;
                    case "--out" when i + 1 < args.Length:
                        output = args[++i];
                        break;
                    case "--server" when i + 1 < args.Length:
                        server = args[++i];
                        break;
                    case "--cpu" when i + 1 < args.Length:
                        cpu = args[++i];
                        break;
                    case "--runs" when i + 1 < args.Length:
                        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    default:
                        rest.Add(args[i]);
                        break;
                }
            }

            return new Options
            {
                Quick = quick,
                Out = Path.GetFullPath(output ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkResults")),
                Server = server,
                Cpu = cpu,
                Runs = runs ?? (quick ? 3 : 15),
                Rest = [.. rest],
            };
        }
    }
}
