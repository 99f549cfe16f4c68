using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace Resourceful.Package.Tests;

/// <summary>
/// What makes a package trustworthy on a registry, read back from the files the pack wrote: its
/// description and links, the commit it was built from, IntelliSense docs, and symbols that a
/// debugger can match to the shipped assemblies and follow to the exact sources.
/// </summary>
[Collection(PackedPackage.Collection)]
public sealed class PackageMetadataTests(PackedPackage package)
{
    /// <summary>The MSBuild property RepositoryUrl, which the SDK stamps on this assembly too.</summary>
    private static readonly string RepositoryUrl = typeof(PackageMetadataTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(static attribute => attribute.Key == "RepositoryUrl")
        .Value!;

    /// <summary>The portable PDB's custom debug information kind that holds the SourceLink JSON.</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    /// <summary>Every assembly the package ships, by its path in the package without the extension.</summary>
    public static readonly TheoryData<string> Assemblies = new()
    {
        "lib/net10.0/Resourceful",
        "analyzers/dotnet/cs/Resourceful.Generators",
        "analyzers/dotnet/cs/Resourceful.CodeFixes",
    };

    [Fact]
    public void Nuspec_WhenPacked_CarriesReadmeLicenseDescriptionTagsAndProjectUrl()
    {
        package.AssertPacked();
        XElement metadata = PackageTests.ReadNuspecMetadata(package.PackagePath);
        string nuspec = metadata.ToString();

        Assert.True(PackageTests.Child(metadata, "readme")?.Value == "README.md", "No <readme>README.md</readme> in:\n" + nuspec);
        using (ZipArchive archive = ZipFile.OpenRead(package.PackagePath))
        {
            ZipArchiveEntry? readme = archive.GetEntry("README.md");
            Assert.True(readme is not null, "The package has no README.md at its root.");
            Assert.Equal(File.ReadAllBytes(Path.Combine(package.SnapshotDirectory, "README.md")), ReadAll(readme!));
        }

        XElement? license = PackageTests.Child(metadata, "license");
        Assert.True(
            license is not null && (string?)license.Attribute("type") == "expression" && license.Value == "MIT",
            "No <license type=\"expression\">MIT</license> in:\n" + nuspec);
        Assert.False(string.IsNullOrWhiteSpace(PackageTests.Child(metadata, "description")?.Value), "No description in:\n" + nuspec);

        string[] tags = (PackageTests.Child(metadata, "tags")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(tags.Contains("aspnetcore") && tags.Contains("source-generator"), "The tags miss aspnetcore or source-generator:\n" + nuspec);

        Assert.True(PackageTests.Child(metadata, "projectUrl")?.Value == RepositoryUrl, $"The project URL is not {RepositoryUrl}:\n{nuspec}");
    }

    [Fact]
    public void Nuspec_WhenPacked_NamesTheRepositoryAndTheCommitItWasBuiltFrom()
    {
        package.AssertPacked();
        Assert.True(package.Commit is { Length: 40 }, "`git rev-parse HEAD` gave no commit in " + package.RepositoryRoot);
        XElement metadata = PackageTests.ReadNuspecMetadata(package.PackagePath);
        XElement? repository = PackageTests.Child(metadata, "repository");
        string context = "In:\n" + metadata;

        Assert.True(repository is not null, "No <repository>. " + context);
        Assert.True((string?)repository!.Attribute("type") == "git", context);
        Assert.True((string?)repository.Attribute("url") == RepositoryUrl, $"The repository URL is not {RepositoryUrl}. {context}");
        Assert.True((string?)repository.Attribute("commit") == package.Commit, $"The commit is not {package.Commit}. {context}");
    }

    [Fact]
    public void Package_WhenPacked_ShipsXmlDocumentationNextToTheRuntime()
    {
        package.AssertPacked();
        using ZipArchive archive = ZipFile.OpenRead(package.PackagePath);
        ZipArchiveEntry? docs = archive.GetEntry("lib/net10.0/Resourceful.xml");
        Assert.True(docs is not null, "No lib/net10.0/Resourceful.xml, so users get no IntelliSense.");

        using Stream stream = docs!.Open();
        XDocument xml = XDocument.Load(stream);
        Assert.Equal("Resourceful", xml.Root?.Element("assembly")?.Element("name")?.Value);
        Assert.Contains(
            xml.Root?.Element("members")?.Elements("member") ?? [],
            static member => (string?)member.Attribute("name") == "T:Resourceful.ResourceAttribute");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void SymbolPackage_EveryAssembly_HasAMatchingPortablePdb(string assembly)
    {
        using PortableExecutable shipped = ReadAssembly(assembly);
        using MetadataReaderProvider pdb = ReadPdb(assembly);
        MetadataReader reader = pdb.GetMetadataReader();

        DebugDirectoryEntry codeView = Assert.Single(shipped.Debug, static entry => entry.Type == DebugDirectoryEntryType.CodeView);
        CodeViewDebugDirectoryData pointer = shipped.Reader.ReadCodeViewDebugDirectoryData(codeView);
        var pdbId = new BlobContentId(reader.DebugMetadataHeader!.Id);
        Assert.True(pdbId.Guid == pointer.Guid, $"{assembly}.pdb in the symbol package is not the PDB of the shipped {assembly}.dll");

        // Deterministic builds mark the PE as reproducible: the same sources give the same bytes.
        Assert.Contains(shipped.Debug, static entry => entry.Type == DebugDirectoryEntryType.Reproducible);
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void SymbolPackage_CiBuild_HasNormalisedPathsAndSourceLinkToTheCommit(string assembly)
    {
        using MetadataReaderProvider pdb = ReadPdb(assembly);
        MetadataReader reader = pdb.GetMetadataReader();

        var documents = reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name)).ToList();
        Assert.NotEmpty(documents);
        var unmapped = documents.Where(static name => !name.StartsWith("/_/", StringComparison.Ordinal)).ToList();
        Assert.True(unmapped.Count == 0, $"{assembly}.pdb names the build machine's paths (no ContinuousIntegrationBuild?):\n" + string.Join("\n", unmapped));

        string? json = reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(handle => reader.GetCustomDebugInformation(handle))
            .Where(information => reader.GetGuid(information.Kind) == SourceLinkKind)
            .Select(information => Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value)))
            .SingleOrDefault();
        Assert.True(json is not null, $"{assembly}.pdb has no SourceLink.");

        using JsonDocument sourceLink = JsonDocument.Parse(json!);
        string expected = RepositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal)
            + "/" + package.Commit + "/*";
        Assert.True(
            sourceLink.RootElement.GetProperty("documents").TryGetProperty("/_/*", out JsonElement target) && target.GetString() == expected,
            $"{assembly}.pdb's SourceLink does not map /_/* to {expected}: {json}");
    }

    private PortableExecutable ReadAssembly(string assembly)
    {
        package.AssertPacked();
        return new PortableExecutable(ReadEntry(package.PackagePath, assembly + ".dll"));
    }

    private MetadataReaderProvider ReadPdb(string assembly)
    {
        package.AssertPacked();
        Assert.True(File.Exists(package.SymbolPackagePath), $"No symbol package {package.SymbolPackagePath}.\n{package.Pack.Describe()}");

        // Throws for a Windows PDB: only portable PDBs are read on every platform.
        return MetadataReaderProvider.FromPortablePdbStream(ReadEntry(package.SymbolPackagePath, assembly + ".pdb"));
    }

    private static MemoryStream ReadEntry(string packagePath, string entryName)
    {
        using ZipArchive archive = ZipFile.OpenRead(packagePath);
        ZipArchiveEntry? entry = archive.GetEntry(entryName);
        Assert.True(
            entry is not null,
            $"No {entryName} in {Path.GetFileName(packagePath)}:\n" + string.Join("\n", archive.Entries.Select(static e => e.FullName)));
        return new MemoryStream(ReadAll(entry!));
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>A PE image read from memory, with its debug directory.</summary>
    private sealed class PortableExecutable(Stream image) : IDisposable
    {
        public PEReader Reader { get; } = new(image);

        public IReadOnlyList<DebugDirectoryEntry> Debug => Reader.ReadDebugDirectory();

        public void Dispose() => Reader.Dispose();
    }
}
