using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Resourceful.Benchmarks.Server;

namespace Resourceful.Benchmarks.Requests;

/// <summary>
/// Issue 15: a versioned <c>GET</c> answered <c>200</c> (the JSON body, with its <c>ETag</c>) against the same request
/// with a matching <c>If-None-Match</c>, answered <c>304</c> without serialising the body. Same app, same endpoint,
/// same run; the <c>200</c> is the baseline of the ratio.
/// </summary>
[MemoryDiagnoser]
public class ConditionalBenchmarks
{
    private const int WarmUpRequests = 5_000;
    private const string Path = "/gen/versioned/1";

    private InProcessServer _server = null!;
    private ReusableHttpContext _ok = null!;
    private ReusableHttpContext _notModified = null!;

    /// <summary>Builds the app and checks that each request gets the answer it is measured for.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = InProcessServer.Create(Variants.Generated);
        _ok = new ReusableHttpContext(_server.Services, HttpMethods.Get, Path);
        _notModified = new ReusableHttpContext(_server.Services, HttpMethods.Get, Path, headers: ("If-None-Match", "\"7\""));
        Verify(_ok, StatusCodes.Status200OK, bodyExpected: true);
        Verify(_notModified, StatusCodes.Status304NotModified, bodyExpected: false);
        for (var i = 0; i < WarmUpRequests; i++)
        {
            _ok.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
            _notModified.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
        }

        Thread.Sleep(500);
    }

    /// <summary>Disposes the app.</summary>
    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    /// <summary><c>GET</c> → <c>200</c> with the body and <c>ETag</c>: the baseline.</summary>
    [Benchmark(Baseline = true, Description = "200 OK")]
    public Task Ok() => _ok.SendAsync(_server.Pipeline);

    /// <summary><c>GET</c> with a matching <c>If-None-Match</c> → <c>304</c>, no body.</summary>
    [Benchmark(Description = "304 Not Modified")]
    public Task NotModified() => _notModified.SendAsync(_server.Pipeline);

    private void Verify(ReusableHttpContext context, int status, bool bodyExpected)
    {
        context.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
        var response = context.Context.Response;
        if (response.StatusCode != status || response.Headers.ETag != "\"7\"" || (context.ResponseBodyLength > 0) != bodyExpected)
        {
            throw new InvalidOperationException(
                $"GET {Path} answered {response.StatusCode} with ETag '{response.Headers.ETag}' and {context.ResponseBodyLength} body bytes; expected {status}.");
        }
    }
}
