using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Resourceful.Generators;

namespace Resourceful.Benchmarks.Generator;

/// <summary>The two generators under comparison, and drivers that run them as the compiler does.</summary>
internal static class GeneratorDrivers
{
    private const string RdgAssemblyName = "Microsoft.AspNetCore.Http.RequestDelegateGenerator.dll";
    private const string RdgTypeName = "Microsoft.AspNetCore.Http.RequestDelegateGenerator.RequestDelegateGenerator";

    private static readonly Lazy<(IIncrementalGenerator Generator, string Path)> LazyRdg = new(LoadRequestDelegateGenerator);

    /// <summary>Resourceful's generator.</summary>
    public static IIncrementalGenerator Resourceful { get; } = new ResourceGenerator();

    /// <summary>A generator that finds the <c>[Resource]</c> classes and does nothing else: Roslyn's floor.</summary>
    public static IIncrementalGenerator Floor { get; } = new FloorGenerator();

    /// <summary>ASP.NET Core's Request Delegate Generator, loaded from the SDK's targeting pack.</summary>
    public static IIncrementalGenerator RequestDelegateGenerator => LazyRdg.Value.Generator;

    /// <summary>Where the Request Delegate Generator was loaded from.</summary>
    public static string RequestDelegateGeneratorPath => LazyRdg.Value.Path;

    public static IIncrementalGenerator For(ProjectKind kind) => kind == ProjectKind.Resourceful ? Resourceful : RequestDelegateGenerator;

    /// <summary>A fresh driver, with no state from an earlier run: a cold generation.</summary>
    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: SyntheticProject.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// The RDG of the ASP.NET Core version this process runs on (the SDK ships it in the targeting pack as an
    /// analyzer; a build with <c>EnableRequestDelegateGenerator</c> loads exactly this file).
    /// </summary>
    private static (IIncrementalGenerator, string) LoadRequestDelegateGenerator()
    {
        var path = FindRequestDelegateGenerator();
        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetType(RdgTypeName, throwOnError: true)!;
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!, path);
    }

    private static string FindRequestDelegateGenerator()
    {
        // .../dotnet/shared/Microsoft.AspNetCore.App/<version>/Microsoft.AspNetCore.dll
        var aspNetDirectory = Path.GetDirectoryName(typeof(WebApplication).Assembly.Location)!;
        var runningVersion = Path.GetFileName(aspNetDirectory);
        var dotnetRoot = Path.GetFullPath(Path.Combine(aspNetDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.AspNetCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            throw new InvalidOperationException($"No ASP.NET Core targeting pack under '{packs}': the RDG ships with the .NET SDK.");
        }

        // The pack of the running version if the SDK has it, else the newest pack of the same major version.
        var major = runningVersion.Split('.')[0] + ".";
        var candidates = Directory.GetDirectories(packs)
            .Select(static directory => Path.GetFileName(directory))
            .Where(version => version == runningVersion || version.StartsWith(major, StringComparison.Ordinal))
            .OrderByDescending(version => version == runningVersion)
            .ThenByDescending(static version => Version.TryParse(version.Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
            .Select(version => Path.Combine(packs, version, "analyzers", "dotnet", "cs", RdgAssemblyName))
            .Where(File.Exists)
            .ToList();
        return candidates.Count > 0
            ? candidates[0]
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"No {RdgAssemblyName} for ASP.NET Core {runningVersion} under '{packs}'."));
    }
}
