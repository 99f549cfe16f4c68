using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// Compares generated files with checked-in snapshots, named as Verify names them:
/// <c>Snapshots/{Class}.{Method}#{HintName}.verified.cs</c> beside the test's source file.
/// </summary>
/// <remarks>
/// A difference writes <c>.received.cs</c> beside the snapshot (gitignored) and fails. Setting
/// <c>RESOURCEFUL_ACCEPT_SNAPSHOTS=1</c> overwrites the snapshots instead; review their diff before committing.
/// </remarks>
internal static partial class Snapshot
{
    public const string AcceptVariable = "RESOURCEFUL_ACCEPT_SNAPSHOTS";

    private const int ContextLines = 3;

    private static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Checks every file that <paramref name="run"/> generated against its snapshot.</summary>
    public static void Verify(
        GeneratorRun run,
        [CallerFilePath] string testFilePath = "",
        [CallerMemberName] string testName = "")
    {
        var testDirectory = Path.GetDirectoryName(testFilePath);
        if (testDirectory is null || !Directory.Exists(testDirectory))
        {
            // A build with path mapping (ContinuousIntegrationBuild, /pathmap) hides the real source folder.
            Assert.Fail($"The test's source folder '{testDirectory}' does not exist here; snapshots need an unmapped [CallerFilePath].");
        }

        var directory = Path.Combine(testDirectory, "Snapshots");
        var prefix = $"{Path.GetFileNameWithoutExtension(testFilePath)}.{testName}#";
        var failures = new List<string>();
        var current = new HashSet<string>(StringComparer.Ordinal);

        foreach (var source in run.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var name = prefix + WithoutCsExtension(source.HintName);
            var verifiedPath = Path.Combine(directory, name + ".verified.cs");
            var receivedPath = Path.Combine(directory, name + ".received.cs");
            current.Add(Path.GetFileName(verifiedPath));
            var received = Scrub(source.SourceText.ToString());

            if (Accepting)
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(verifiedPath, received, Utf8NoBom);
                File.Delete(receivedPath);
                continue;
            }

            if (!File.Exists(verifiedPath))
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(receivedPath, received, Utf8NoBom);
                failures.Add($"{name}: no snapshot yet; wrote {receivedPath}");
                continue;
            }

            var verified = Normalize(File.ReadAllText(verifiedPath));
            if (verified == received)
            {
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, received, Utf8NoBom);
            failures.Add($"{name}: differs from the snapshot; wrote {receivedPath}" + Environment.NewLine + Diff(verified, received));
        }

        // A snapshot of a file the generator no longer emits would otherwise pass silently forever.
        var stale = Directory.Exists(directory)
            ? Directory.GetFiles(directory, prefix + "*.verified.cs").Where(path => !current.Contains(Path.GetFileName(path))).ToArray()
            : [];
        foreach (var path in stale)
        {
            if (Accepting)
            {
                File.Delete(path);
            }
            else
            {
                failures.Add($"{Path.GetFileName(path)}: the generator no longer emits this file; delete the snapshot or accept");
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail(
                string.Join(Environment.NewLine + Environment.NewLine, failures)
                + Environment.NewLine + Environment.NewLine
                + $"Review the .received.cs files; to accept them all, re-run with {AcceptVariable}=1 and review the diff.");
        }
    }

    /// <summary>Normalizes line endings and replaces the generator's version, which changes every release.</summary>
    public static string Scrub(string generated)
        => GeneratedCodeVersion().Replace(Normalize(generated), "${prefix}\"VERSION\")");

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string WithoutCsExtension(string hintName)
        => hintName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? hintName[..^3] : hintName;

    /// <summary>The first differing line with a few lines around it, snapshot (-) against received (+).</summary>
    private static string Diff(string verified, string received)
    {
        var expected = verified.Split('\n');
        var actual = received.Split('\n');
        var first = 0;
        while (first < expected.Length && first < actual.Length && expected[first] == actual[first])
        {
            first++;
        }

        var builder = new StringBuilder();
        builder.AppendLine($"  first difference at line {first + 1} ({expected.Length} lines in the snapshot, {actual.Length} received):");
        for (var i = Math.Max(0, first - ContextLines); i < first; i++)
        {
            builder.AppendLine($"    {i + 1,5}   {expected[i]}");
        }

        for (var i = first; i < Math.Min(expected.Length, first + ContextLines + 1); i++)
        {
            builder.AppendLine($"    {i + 1,5} - {expected[i]}");
        }

        for (var i = first; i < Math.Min(actual.Length, first + ContextLines + 1); i++)
        {
            builder.AppendLine($"    {i + 1,5} + {actual[i]}");
        }

        return builder.ToString();
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    [GeneratedRegex("""(?<prefix>GeneratedCode\(\s*"Resourceful"\s*,\s*)"[^"]*"\)""")]
    private static partial Regex GeneratedCodeVersion();
}
