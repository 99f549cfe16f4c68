using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Resourceful.Package.Tests;

/// <summary>
/// Packs src/Resourceful.Package once per test class into a fresh folder feed, with a version no
/// earlier run used, so no cache anywhere can hand a consumer a stale Resourceful.
/// </summary>
/// <remarks>
/// The pack runs in a snapshot of the working tree (sources only, no bin/obj), not in the tree
/// itself: packing with a new version rebuilds src/ in Release, which in the tree would race the
/// other test projects that `dotnet test Generators.sln` builds and runs in parallel against the
/// same outputs, and would leave the developer's Release build stamped with a CI version. A
/// clean snapshot also proves the package builds from a fresh clone, not from leftovers in bin/.
/// </remarks>
public sealed class PackedPackage : IAsyncLifetime
{
    /// <summary>Pack and build compile four projects from scratch on a small CI box: be generous.</summary>
    internal static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    public PackedPackage()
    {
        RepositoryRoot = FindRepositoryRoot();

        // Ticks never start with 0, so the prerelease label stays valid SemVer 2.0.
        Version = "0.1.0-ci." + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        WorkDirectory = Path.Combine(Path.GetTempPath(), "resourceful-package-" + Guid.NewGuid().ToString("N"));
        SnapshotDirectory = Path.Combine(WorkDirectory, "repository");
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        PackagePath = Path.Combine(FeedDirectory, $"Resourceful.{Version}.nupkg");
    }

    public string RepositoryRoot { get; }

    public string Version { get; }

    /// <summary>Everything this fixture and its tests write lives here and is deleted at the end.</summary>
    public string WorkDirectory { get; }

    /// <summary>The copy of the working tree that is packed.</summary>
    public string SnapshotDirectory { get; }

    public string FeedDirectory { get; }

    public string PackagePath { get; }

    internal CommandResult Pack { get; private set; } = new("dotnet pack", -1, TimedOut: false, "Pack has not run.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        CopySources(new DirectoryInfo(RepositoryRoot), SnapshotDirectory);
        Pack = await DotnetCli.RunAsync(
            SnapshotDirectory,
            [
                "pack",
                Path.Combine("src", "Resourceful.Package", "Resourceful.Package.csproj"),
                "-c", "Release",
                "-o", FeedDirectory,
                "-p:Version=" + Version,
                "--disable-build-servers",
            ],
            CommandTimeout);
    }

    public Task DisposeAsync()
    {
        DeleteDirectory(WorkDirectory);
        return Task.CompletedTask;
    }

    /// <summary>Fails the calling test with dotnet's own output when the pack did not produce the package.</summary>
    internal void AssertPacked()
    {
        Assert.True(Pack.Succeeded, Pack.Describe());
        Assert.True(
            File.Exists(PackagePath),
            $"Pack succeeded but {PackagePath} is missing; the feed holds: "
                + string.Join(", ", Directory.GetFiles(FeedDirectory)) + Environment.NewLine + Pack.Describe());
    }

    internal static void DeleteDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child can hold a file for a moment; a leftover temp folder is not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>Build outputs and VCS data are what a fresh clone lacks; everything else is copied.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", ".vs", "bin", "obj", "artifacts", "TestResults", "node_modules",
    };

    private static void CopySources(DirectoryInfo source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (FileInfo file in source.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(destination, file.Name));
        }

        foreach (DirectoryInfo directory in source.EnumerateDirectories())
        {
            bool isLink = directory.LinkTarget is not null;
            if (!isLink && !SkippedDirectories.Contains(directory.Name))
            {
                CopySources(directory, Path.Combine(destination, directory.Name));
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds Generators.sln; run the tests from a clone of the repository.");
    }
}
