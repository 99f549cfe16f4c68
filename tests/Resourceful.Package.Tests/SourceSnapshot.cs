using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Resourceful.Package.Tests;

/// <summary>
/// Copies the working tree as a fresh clone would hold it: the files git tracks or would track, plus
/// git's own metadata so the build can read the commit; no build outputs.
/// </summary>
internal static class SourceSnapshot
{
    /// <summary>What the fallback walk skips when git is missing: build outputs and tool state.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", ".vs", "bin", "obj", "artifacts", "TestResults", "node_modules",
    };

    public static void Copy(string repositoryRoot, string destination)
    {
        Directory.CreateDirectory(destination);
        string[] excluded = ExcludedRoots();
        IReadOnlyList<string>? listed = ListFiles(repositoryRoot);
        if (listed is null)
        {
            CopyTree(new DirectoryInfo(repositoryRoot), destination, directory =>
                SkippedDirectories.Contains(directory.Name) || IsUnder(directory.FullName, excluded));
        }
        else
        {
            foreach (string relative in listed)
            {
                string source = Path.Combine(repositoryRoot, relative);
                if (!IsUnder(source, excluded) && File.Exists(source))
                {
                    CopyFile(source, Path.Combine(destination, relative));
                }
            }
        }

        CopyGitMetadata(repositoryRoot, destination);
    }

    /// <summary>
    /// CI points TMPDIR and NUGET_PACKAGES into the clone itself: their contents (the packages, this very
    /// snapshot, the runtime's diagnostic sockets) are untracked files to git but no part of the sources.
    /// </summary>
    private static string[] ExcludedRoots()
    {
        var roots = new List<string> { Path.GetTempPath() };
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages)
        {
            roots.Add(packages);
        }

        return roots.Select(static root => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root))).ToArray();
    }

    private static bool IsUnder(string path, string[] roots)
    {
        string full = Path.GetFullPath(path);
        return roots.Any(root => full.Equals(root, StringComparison.Ordinal)
            || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>
    /// Tracked files and untracked ones that .gitignore does not exclude; null when git cannot answer. Distinct,
    /// because git lists a file once per stage while a merge conflict is unresolved.
    /// </summary>
    private static IReadOnlyList<string>? ListFiles(string repositoryRoot) =>
        Git.Run(repositoryRoot, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
            ?.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// SourceLink and the nuspec read the commit from .git, as in a clone. A directory (a clone) is
    /// copied whole, it is small; a file (a worktree's pointer to its git directory) is copied as is.
    /// </summary>
    private static void CopyGitMetadata(string repositoryRoot, string destination)
    {
        string git = Path.Combine(repositoryRoot, ".git");
        if (Directory.Exists(git))
        {
            CopyTree(new DirectoryInfo(git), Path.Combine(destination, ".git"), static _ => false);
        }
        else if (File.Exists(git))
        {
            CopyFile(git, Path.Combine(destination, ".git"));
        }
    }

    private static void CopyTree(DirectoryInfo source, string destination, Func<DirectoryInfo, bool> skip)
    {
        Directory.CreateDirectory(destination);
        foreach (FileInfo file in source.EnumerateFiles())
        {
            if (file.LinkTarget is null)
            {
                CopyFile(file.FullName, Path.Combine(destination, file.Name));
            }
        }

        foreach (DirectoryInfo directory in source.EnumerateDirectories())
        {
            if (directory.LinkTarget is null && !skip(directory))
            {
                CopyTree(directory, Path.Combine(destination, directory.Name), skip);
            }
        }
    }

    private static void CopyFile(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        try
        {
            File.Copy(source, destination);
        }
        catch (IOException) when (new FileInfo(source).Length == 0)
        {
            // A socket (git's fsmonitor, the runtime's diagnostics) cannot be opened ("No such device
            // or address") and .NET reports it as an empty file; no build reads one.
        }
    }
}

/// <summary>Asks the git command line, as CI's clone has it; null when git is missing or fails.</summary>
internal static class Git
{
    public static string? Run(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(startInfo)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = error.Result;
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on PATH.
            return null;
        }
    }
}
