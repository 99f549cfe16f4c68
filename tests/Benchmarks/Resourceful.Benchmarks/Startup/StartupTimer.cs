using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Resourceful.Benchmarks.Server;

namespace Resourceful.Benchmarks.Startup;

/// <summary>
/// Start-up: the wall-clock time from starting the server process to its first successful response
/// (<c>GET /{v}/items/1</c> → 200), for a server that maps only one variant. Every run is a new process; the
/// variants alternate run by run so that drift on the machine reaches them all alike.
/// </summary>
internal static class StartupTimer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static IReadOnlyList<StartupResult> Run(string server, int runs, string? cpu, TextWriter log)
    {
        var variants = new[] { Variants.Generated, Variants.Minimal, Variants.Mvc, Variants.Handwritten };
        var samples = variants.ToDictionary(static v => v, static _ => new List<double>());

        // One untimed start of each: the file cache, not the variant, would otherwise pay for the first.
        foreach (var variant in variants)
        {
            TimeOnce(server, variant, cpu);
        }

        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < variants.Length; i++)
            {
                var variant = variants[(i + run) % variants.Length];
                var elapsed = TimeOnce(server, variant, cpu);
                samples[variant].Add(elapsed.TotalMilliseconds);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {run + 1}/{runs}: ") +
                string.Join(", ", variants.Select(v => string.Create(CultureInfo.InvariantCulture, $"{VariantNames.Prefix(v)} {samples[v][^1]:F0} ms"))));
        }

        return variants.Select(v => new StartupResult(v, samples[v])).ToList();
    }

    private static TimeSpan TimeOnce(string server, Variants variant, string? cpu)
    {
        var port = FreePort();
        var start = StartInfo(server, variant, cpu, port);
        var request = Encoding.ASCII.GetBytes($"GET /{VariantNames.Prefix(variant)}/items/1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{server}'.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (TryRequest(port, request, out var status) && status == 200)
                {
                    return stopwatch.Elapsed;
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The server ({VariantNames.Prefix(variant)}) exited with code {process.ExitCode} before answering.");
                }

                if (stopwatch.Elapsed > Timeout)
                {
                    throw new TimeoutException($"The server ({VariantNames.Prefix(variant)}) did not answer 200 within {Timeout.TotalSeconds} s (last status {status}).");
                }

                // Polls often enough to resolve a millisecond, rarely enough to leave the CPU to the server.
                Thread.Sleep(1);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
        }
    }

    private static ProcessStartInfo StartInfo(string server, Variants variant, string? cpu, int port)
    {
        // The apphost when there is one, as a user runs the app; else the dll through the muxer.
        var isDll = server.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var arguments = new List<string>();
        string fileName;
        if (cpu is not null)
        {
            fileName = "taskset";
            arguments.AddRange(["-c", cpu]);
            if (isDll)
            {
                arguments.Add("dotnet");
            }

            arguments.Add(server);
        }
        else if (isDll)
        {
            fileName = "dotnet";
            arguments.Add(server);
        }
        else
        {
            fileName = server;
        }

        arguments.AddRange(["--urls", $"http://127.0.0.1:{port}", "--variants", VariantNames.Prefix(variant)]);
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(server)),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    /// <summary>One HTTP/1.1 request on a new connection; false while nothing listens.</summary>
    private static bool TryRequest(int port, byte[] request, out int status)
    {
        status = 0;
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.NoDelay = true;
            socket.ReceiveTimeout = 10_000;
            socket.Connect(IPAddress.Loopback, port);
            socket.Send(request);
            var buffer = new byte[64];
            var read = 0;
            while (read < 12)
            {
                var n = socket.Receive(buffer, read, buffer.Length - read, SocketFlags.None);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            // "HTTP/1.1 200 ..."
            return int.TryParse(Encoding.ASCII.GetString(buffer, 9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out status);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The start-up samples of one variant, in milliseconds.</summary>
internal sealed class StartupResult(Variants variant, IReadOnlyList<double> samples)
{
    public Variants Variant { get; } = variant;

    public IReadOnlyList<double> Samples { get; } = samples;

    public double Median
    {
        get
        {
            var sorted = Samples.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => Samples.Min();

    public double Max => Samples.Max();
}
