using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Resourceful.Package.Tests;

/// <summary>
/// One <c>dotnet pack</c> at the repository root, as a maintainer or CI types it, with every package
/// file it wrote anywhere in the repository or its output folder.
/// </summary>
internal sealed record RootPack(CommandResult Result, string Version, string OutputDirectory, IReadOnlyList<string> WrittenFiles)
{
    public static readonly RootPack NotRun = new(
        new CommandResult("dotnet pack", -1, TimedOut: false, "The root pack has not run."), "", "", []);

    public IEnumerable<string> ExpectedFiles =>
    [
        Path.Combine(OutputDirectory, $"Resourceful.{Version}.nupkg"),
        Path.Combine(OutputDirectory, $"Resourceful.{Version}.snupkg"),
    ];

    public static async Task<RootPack> RunAsync(
        string repository, IReadOnlyList<string> arguments, string version, string outputDirectory, IReadOnlyList<string> searched)
    {
        Dictionary<string, DateTime> before = PackageFiles(searched);
        CommandResult result = await DotnetCli.RunAsync(repository, [.. arguments, "--disable-build-servers"], PackedPackage.CommandTimeout, PackedPackage.PackEnvironment);
        var written = PackageFiles(searched)
            .Where(file => !before.TryGetValue(file.Key, out DateTime previous) || previous != file.Value)
            .Select(static file => file.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new RootPack(result, version, outputDirectory, written);
    }

    /// <summary>Every .nupkg and .snupkg under the folders, with when it was last written.</summary>
    private static Dictionary<string, DateTime> PackageFiles(IEnumerable<string> folders) =>
        folders.Where(Directory.Exists)
            .SelectMany(static folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(static file => file.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(".snupkg", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(static file => file, File.GetLastWriteTimeUtc, StringComparer.Ordinal);
}
