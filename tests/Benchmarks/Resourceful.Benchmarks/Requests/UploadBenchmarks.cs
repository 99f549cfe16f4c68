using System;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Resourceful.Benchmarks.Server;

namespace Resourceful.Benchmarks.Requests;

/// <summary>
/// A 1 MB file uploaded as <c>multipart/form-data</c> to an <c>IFormFile</c> endpoint: Resourceful's
/// <c>POST /gen/uploads</c> against minimal APIs' <c>POST /min/uploads</c> (through the Request Delegate Generator),
/// in one app, through the real routing pipeline. Both read the form with <c>ReadFormAsync</c> and the same
/// <c>FormOptions</c>, so the figure is what each adds around it.
/// </summary>
[MemoryDiagnoser]
public class UploadBenchmarks
{
    private const string Boundary = "resourceful-benchmark-boundary";

    /// <summary>The size of the uploaded file.</summary>
    public const int FileBytes = 1024 * 1024;

    private InProcessServer _server = null!;
    private ReusableHttpContext _generated = null!;
    private ReusableHttpContext _minimal = null!;

    /// <summary>The request body: one file part named <c>file</c>.</summary>
    public static byte[] Body()
    {
        var head = Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cover.png\"\r\nContent-Type: image/png\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
        var body = new byte[head.Length + FileBytes + tail.Length];
        head.CopyTo(body, 0);
        new Random(42).NextBytes(body.AsSpan(head.Length, FileBytes));
        tail.CopyTo(body, head.Length + FileBytes);
        return body;
    }

    [GlobalSetup]
    public void Setup()
    {
        _server = InProcessServer.Create(Variants.Generated | Variants.Minimal);
        var body = Body();
        const string contentType = "multipart/form-data; boundary=" + Boundary;
        _generated = new ReusableHttpContext(_server.Services, "POST", "/gen/uploads", body, contentType);
        _minimal = new ReusableHttpContext(_server.Services, "POST", "/min/uploads", body, contentType);
        for (var i = 0; i < 200; i++)
        {
            Verify(_generated, "generated");
            Verify(_minimal, "minimal APIs");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    [Benchmark]
    public Task Generated() => _generated.SendAsync(_server.Pipeline);

    [Benchmark(Baseline = true)]
    public Task MinimalApi() => _minimal.SendAsync(_server.Pipeline);

    private void Verify(ReusableHttpContext context, string variant)
    {
        context.SendAsync(_server.Pipeline).GetAwaiter().GetResult();
        var expected = FileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        if (context.Context.Response.StatusCode != 200 || context.ResponseBodyLength != expected)
        {
            throw new InvalidOperationException(
                $"{variant}: status {context.Context.Response.StatusCode}, {context.ResponseBodyLength} body bytes; expected 200 with the file's length.");
        }
    }
}
