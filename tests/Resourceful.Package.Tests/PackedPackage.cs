using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Resourceful.Package.Tests;

/// <summary>
/// Runs the release commands once, in one snapshot of the working tree: the root <c>dotnet pack</c> in
/// its three usual forms, then src/Resourceful.Package into a fresh folder feed with a version no
/// earlier run used, so no cache anywhere can hand a consumer a stale Resourceful.
/// </summary>
/// <remarks>
/// The packs run in a snapshot of the working tree (the files git lists, plus its metadata for the
/// commit that SourceLink and the nuspec record; no bin/obj), not in the tree itself: packing with a
/// new version rebuilds src/ in Release, which in the tree would race the other test projects that
/// `dotnet test Generators.sln` builds and runs in parallel against the same outputs, and would leave
/// the developer's Release build stamped with a CI version. A clean snapshot also proves the package
/// builds from a fresh clone, not from leftovers in bin/. Every pack runs with CI=true, as CI does, and
/// in the order that lets each reuse the last one's build: only a new version recompiles.
/// </remarks>
public sealed class PackedPackage : IAsyncLifetime
{
    /// <summary>The collection every test of the package shares, so the packs run once.</summary>
    public const string Collection = "Packed Resourceful";

    /// <summary>Pack and build compile four projects from scratch on a small CI box: be generous.</summary>
    internal static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The environment of every pack: CI's, so the build is the deterministic, path-normalised one.</summary>
    internal static readonly IReadOnlyDictionary<string, string> PackEnvironment = new Dictionary<string, string>
    {
        ["CI"] = "true",
    };

    /// <summary>The version that Directory.Build.props gives a pack without -p:Version.</summary>
    internal const string DefaultVersion = "0.1.0";

    public PackedPackage()
    {
        RepositoryRoot = FindRepositoryRoot();

        // Ticks never start with 0, so the prerelease label stays valid SemVer 2.0.
        Version = "0.1.0-ci." + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        WorkDirectory = Path.Combine(Path.GetTempPath(), "resourceful-package-" + Guid.NewGuid().ToString("N"));
        SnapshotDirectory = Path.Combine(WorkDirectory, "repository");
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        PackagePath = Path.Combine(FeedDirectory, $"Resourceful.{Version}.nupkg");
        SymbolPackagePath = Path.Combine(FeedDirectory, $"Resourceful.{Version}.snupkg");
    }

    public string RepositoryRoot { get; }

    public string Version { get; }

    /// <summary>Everything this fixture and its tests write lives here and is deleted at the end.</summary>
    public string WorkDirectory { get; }

    /// <summary>The copy of the working tree that is packed.</summary>
    public string SnapshotDirectory { get; }

    public string FeedDirectory { get; }

    public string PackagePath { get; }

    public string SymbolPackagePath { get; }

    /// <summary>The commit the working tree is at (<c>git rev-parse HEAD</c>), or null without git.</summary>
    public string? Commit { get; private set; }

    internal CommandResult Pack { get; private set; } = new("dotnet pack", -1, TimedOut: false, "Pack has not run.");

    /// <summary>`dotnet pack -c Release` at the root; runs first, so it builds everything.</summary>
    internal RootPack PlainPack { get; private set; } = RootPack.NotRun;

    /// <summary>`dotnet pack -c Release -o DIR` at the root; same version, so nothing is recompiled.</summary>
    internal RootPack OutputDirectoryPack { get; private set; } = RootPack.NotRun;

    /// <summary>`dotnet pack -c Release -p:Version=…` at the root, with this run's unique version.</summary>
    internal RootPack VersionPack { get; private set; } = RootPack.NotRun;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Commit = Git.Run(RepositoryRoot, "rev-parse", "HEAD")?.Trim();
        SourceSnapshot.Copy(RepositoryRoot, SnapshotDirectory);

        string defaultOutput = Path.Combine(SnapshotDirectory, "artifacts", "package");
        string customOutput = Path.Combine(WorkDirectory, "pack-output");
        string[] searched = [SnapshotDirectory, customOutput];
        PlainPack = await RootPack.RunAsync(SnapshotDirectory, ["pack", "-c", "Release"], DefaultVersion, defaultOutput, searched);
        OutputDirectoryPack = await RootPack.RunAsync(
            SnapshotDirectory, ["pack", "-c", "Release", "-o", customOutput], DefaultVersion, customOutput, searched);
        VersionPack = await RootPack.RunAsync(
            SnapshotDirectory, ["pack", "-c", "Release", "-p:Version=" + Version], Version, defaultOutput, searched);

        // The same version and environment as the last root pack, so this one builds nothing anew.
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
            CommandTimeout,
            PackEnvironment);
    }

    public Task DisposeAsync()
    {
        DeleteDirectory(WorkDirectory);
        return Task.CompletedTask;
    }

    /// <summary>Fails the calling test with dotnet's own output when the pack did not produce the package.</summary>
    /// <summary>A fresh <c>dotnet new web</c> consumer of this package in <see cref="WorkDirectory"/>/<paramref name="name"/>.</summary>
    internal Task<ConsumerProject> CreateConsumerAsync(string name, bool withLibrary = true) =>
        ConsumerProject.CreateAsync(Path.Combine(WorkDirectory, name), FeedDirectory, Path.Combine(WorkDirectory, name + "-packages"), Version, withLibrary);

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

/// <summary>Every test class that reads the packed package shares one <see cref="PackedPackage"/>.</summary>
[CollectionDefinition(PackedPackage.Collection)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>;
