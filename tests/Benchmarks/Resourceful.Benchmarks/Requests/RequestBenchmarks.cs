using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Resourceful.Benchmarks.Server;

namespace Resourceful.Benchmarks.Requests;

/// <summary>
/// Allocations and CPU per request: each variant's endpoint invoked on a reused <see cref="Microsoft.AspNetCore.Http.DefaultHttpContext"/>
/// through the real routing pipeline. Minimal APIs (through the Request Delegate Generator) are the baseline of
/// every ratio; the four variants share one app, one store and one JSON context.
/// </summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private const int WarmUpRequests = 5_000;

    private InProcessServer _server = null!;
    private ReusableHttpContext _generated = null!;
    private ReusableHttpContext _minimal = null!;
    private ReusableHttpContext _mvc = null!;
    private ReusableHttpContext _handwritten = null!;

    /// <summary>The request every variant answers.</summary>
    [ParamsAllValues]
    public RequestCase Case { get; set; }

    /// <summary>Builds the app once per case and checks that every variant answers it the same way.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = InProcessServer.Create(Variants.All);
        _generated = Prepare(Variants.Generated);
        _minimal = Prepare(Variants.Minimal);
        _mvc = Prepare(Variants.Mvc);
        _handwritten = Prepare(Variants.Handwritten);

        // Every case builds a new app but shares the framework's code with the others: without this, whichever case
        // runs first would also pay for tiering that code up from tier 0, and its figures would not compare.
        for (var i = 0; i < WarmUpRequests; i++)
        {
            _generated.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
            _minimal.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
            _mvc.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
            _handwritten.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
        }

        // Lets the JIT's background tier-1 compilations of those requests land before the measurements start.
        Thread.Sleep(500);
    }

    /// <summary>Disposes the app.</summary>
    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    /// <summary>Resourceful's generated endpoint.</summary>
    [Benchmark(Description = "Generated")]
    public Task Generated() => _generated.SendAsync(_server.Pipeline);

    /// <summary>Minimal APIs with the Request Delegate Generator: the baseline.</summary>
    [Benchmark(Baseline = true, Description = "MinimalApi")]
    public Task MinimalApi() => _minimal.SendAsync(_server.Pipeline);

    /// <summary>An <c>[ApiController]</c>.</summary>
    [Benchmark(Description = "Mvc")]
    public Task Mvc() => _mvc.SendAsync(_server.Pipeline);

    /// <summary>Hand-written request delegates: the floor.</summary>
    [Benchmark(Description = "Handwritten")]
    public Task Handwritten() => _handwritten.SendAsync(_server.Pipeline);

    private ReusableHttpContext Prepare(Variants variant)
    {
        var context = RequestCases.CreateContext(_server.Services, Case, variant);
        context.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
        RequestCases.Verify(Case, variant, context);
        return context;
    }
}
