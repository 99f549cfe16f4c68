using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Resourceful.Package.Tests;

/// <summary>The outcome of one <c>dotnet</c> command: its exit code and everything it printed.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, bool TimedOut, string Output)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>What a failed assertion shows, so a broken pack or build explains itself in the test log.</summary>
    public string Describe()
    {
        string outcome = TimedOut ? "timed out" : $"exited with {ExitCode}";
        return $"`{CommandLine}` {outcome}. Output:{Environment.NewLine}{Output}";
    }
}

/// <summary>Runs the same <c>dotnet</c> host that runs the tests, as a user would from a shell.</summary>
internal static class DotnetCli
{
    /// <summary>
    /// The SDK sets DOTNET_HOST_PATH for everything it starts, so the child uses the very SDK
    /// that built the tests rather than whichever <c>dotnet</c> comes first on PATH.
    /// </summary>
    public static string HostPath =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    public static async Task<CommandResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using Process process = Start(workingDirectory, arguments, environment, out StringBuilder output);
        string commandLine = "dotnet " + string.Join(' ', arguments);

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            // Waits for exit and for both output streams to close, so the output is complete.
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            return new CommandResult(commandLine, -1, TimedOut: true, Snapshot(output));
        }

        return new CommandResult(commandLine, process.ExitCode, TimedOut: false, Snapshot(output));
    }

    /// <summary>Starts a long-running child (the consumer app); the caller must <see cref="Stop"/> it.</summary>
    public static Process Start(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment,
        out StringBuilder output)
    {
        var startInfo = new ProcessStartInfo(HostPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        PrepareEnvironment(startInfo.Environment);
        if (environment is not null)
        {
            foreach (KeyValuePair<string, string> pair in environment)
            {
                startInfo.Environment[pair.Key] = pair.Value;
            }
        }

        var buffer = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(buffer, e.Data);
        process.ErrorDataReceived += (_, e) => Append(buffer, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = buffer;
        return process;
    }

    /// <summary>Kills the child and everything it started; never throws, as it runs in finally blocks.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // The process never started or is already gone: nothing left to stop.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The process exited between the check and the kill.
        }
    }

    public static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        // `dotnet test` hands its own MSBuild settings down to the test host; a child build must
        // resolve its SDK and MSBuild afresh, as a user's shell would.
        var inherited = new List<string>();
        foreach (string name in environment.Keys)
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase))
            {
                inherited.Add(name);
            }
        }

        foreach (string name in inherited)
        {
            environment.Remove(name);
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        // No node reuse and no build server: a lingering MSBuild node or compiler server would
        // hold our output pipes open (hanging the wait) and outlive the test.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
    }
}
