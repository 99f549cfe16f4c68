using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Resourceful.Benchmarks.Server;

namespace Resourceful.Benchmarks.Requests;

/// <summary>
/// Sparse fieldsets (issue 15): <c>GET /gen/records/1?fields=id,name</c> (2 of 8 members, written by the generated
/// writer) against <c>GET /gen/records/1</c> (the full representation, serialised by System.Text.Json), through the
/// same in-process routing pipeline as <see cref="RequestBenchmarks"/>, in the same run.
/// </summary>
[MemoryDiagnoser]
public class FieldsBenchmarks
{
    private const int WarmUpRequests = 5_000;

    private InProcessServer _server = null!;
    private ReusableHttpContext _full = null!;
    private ReusableHttpContext _twoOfEight = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = InProcessServer.Create(Variants.Generated);
        _full = Prepare("/gen/records/1", string.Empty);
        _twoOfEight = Prepare("/gen/records/1", "?fields=id,name");
        for (var i = 0; i < WarmUpRequests; i++)
        {
            _full.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
            _twoOfEight.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
        }

        Thread.Sleep(500);
    }

    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    [Benchmark(Baseline = true, Description = "Full (8 of 8)")]
    public Task Full() => Send(_full);

    [Benchmark(Description = "?fields= (2 of 8)")]
    public Task TwoOfEight() => Send(_twoOfEight);

    /// <summary>The body bytes each request writes: <c>(full, twoOfEight)</c>.</summary>
    public static (long Full, long TwoOfEight) BodyBytes()
    {
        var benchmarks = new FieldsBenchmarks();
        benchmarks._server = InProcessServer.Create(Variants.Generated);
        try
        {
            var full = benchmarks.Prepare("/gen/records/1", string.Empty);
            var two = benchmarks.Prepare("/gen/records/1", "?fields=id,name");
            return (full.ResponseBodyLength, two.ResponseBodyLength);
        }
        finally
        {
            benchmarks._server.Dispose();
        }
    }

    // A new query feature per request, as Kestrel's: the query string is parsed again for each, as it is there.
    private Task Send(ReusableHttpContext context)
    {
        context.Context.Features.Set<Microsoft.AspNetCore.Http.Features.IQueryFeature>(null);
        return context.SendAsync(_server.Pipeline);
    }

    private ReusableHttpContext Prepare(string path, string query)
    {
        var context = new ReusableHttpContext(_server.Services, HttpMethods.Get, path);
        context.Context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        context.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
        if (context.Context.Response.StatusCode != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"GET {path}{query} answered {context.Context.Response.StatusCode}, expected 200.");
        }

        return context;
    }
}
