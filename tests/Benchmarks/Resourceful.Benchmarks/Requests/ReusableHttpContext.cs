using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Resourceful.Benchmarks.Requests;

/// <summary>
/// One request, replayed on the same <see cref="DefaultHttpContext"/> as Kestrel replays a pooled one: the
/// features are reset between invocations instead of reallocated, the request body is replayed from a fixed
/// buffer and the response body is discarded. So the harness itself allocates nothing per request, and what
/// BenchmarkDotNet counts is what routing, the endpoint and the handler allocate.
/// </summary>
internal sealed class ReusableHttpContext
{
    private readonly HttpRequestFeature _request = new();
    private readonly HttpResponseFeature _response = new();
    private readonly DiscardingResponseBody _responseBody = new();
    private readonly ReplayingRequestBody _requestBody;
    private readonly EndpointFeature _endpoint = new();
    private readonly RouteValuesFeature _routeValues = new();
    private readonly LazyRequestServices _services;
    private readonly string _method;
    private readonly string _path;

    public ReusableHttpContext(
        IServiceProvider services,
        string method,
        string path,
        byte[]? body = null,
        string? contentType = null,
        params (string Name, string Value)[] headers)
    {
        _method = method;
        _path = path;
        _requestBody = new ReplayingRequestBody(body ?? []);
        _services = new LazyRequestServices(services.GetRequiredService<IServiceScopeFactory>());

        _request.Protocol = "HTTP/1.1";
        _request.Scheme = "http";
        _request.Headers.Host = "127.0.0.1";
        foreach (var (name, value) in headers)
        {
            _request.Headers[name] = value;
        }

        if (body is not null)
        {
            _request.Headers.ContentType = contentType;
            _request.Headers.ContentLength = body.Length;
        }

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(_request);
        features.Set<IHttpResponseFeature>(_response);
        features.Set<IHttpResponseBodyFeature>(_responseBody);
        features.Set<IRequestBodyPipeFeature>(_requestBody);
        features.Set<IHttpRequestBodyDetectionFeature>(_requestBody);
        features.Set<IEndpointFeature>(_endpoint);
        features.Set<IRouteValuesFeature>(_routeValues);
        features.Set<IServiceProvidersFeature>(_services);
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature());
        features.Set<IItemsFeature>(new ItemsFeature());
        Context = new DefaultHttpContext(features);
        Reset();
    }

    public DefaultHttpContext Context { get; }

    /// <summary>Bytes the last response wrote to its body.</summary>
    public long ResponseBodyLength => _responseBody.Writer.BytesWritten;

    /// <summary>Runs the request once through <paramref name="pipeline"/>.</summary>
    public Task SendAsync(RequestDelegate pipeline)
    {
        Reset();
        return pipeline(Context);
    }

    private void Reset()
    {
        _request.Method = _method;
        _request.Path = _path;
        _request.Body = _requestBody.Stream;
        _requestBody.Reset();
        _response.StatusCode = StatusCodes.Status200OK;
        _response.ReasonPhrase = null;
        _response.Headers.Clear();
        _responseBody.Writer.Reset();
        _endpoint.Endpoint = null;
        if (_routeValues.RouteValues.Count > 0)
        {
            _routeValues.RouteValues.Clear();
        }

        // A form read by the last request is cached on the context; a new request reads its own.
        Context.Features.Set<IFormFeature>(null);

        // Kestrel's hosting layer disposes the request's service scope when the request ends.
        _services.Reset();
    }

    private sealed class EndpointFeature : IEndpointFeature
    {
        public Endpoint? Endpoint { get; set; }
    }

    /// <summary>Creates the request's DI scope on first use, as ASP.NET Core's hosting layer does.</summary>
    private sealed class LazyRequestServices(IServiceScopeFactory scopeFactory) : IServiceProvidersFeature
    {
        private IServiceScope? _scope;
        private IServiceProvider? _services;

        public IServiceProvider RequestServices
        {
            get => _services ??= (_scope = scopeFactory.CreateScope()).ServiceProvider;
            set => _services = value;
        }

        public void Reset()
        {
            _scope?.Dispose();
            _scope = null;
            _services = null;
        }
    }

    private sealed class ReplayingRequestBody(byte[] body) : IRequestBodyPipeFeature, IHttpRequestBodyDetectionFeature
    {
        private readonly ReplayingPipeReader _reader = new(body);

        public MemoryStream Stream { get; } = new(body, writable: false);

        public PipeReader Reader => _reader;

        public bool CanHaveBody => body.Length > 0;

        public void Reset()
        {
            Stream.Position = 0;
            _reader.Reset();
        }
    }

    /// <summary>Hands out the whole body in one read, completed, as a small request that arrived in one packet.</summary>
    private sealed class ReplayingPipeReader(byte[] body) : PipeReader
    {
        private readonly ReadOnlySequence<byte> _body = new(body);
        private long _consumed;

        public void Reset() => _consumed = 0;

        public override bool TryRead(out ReadResult result)
        {
            result = new ReadResult(_body.Slice(_consumed), isCanceled: false, isCompleted: true);
            return true;
        }

        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            TryRead(out var result);
            return new ValueTask<ReadResult>(result);
        }

        public override void AdvanceTo(SequencePosition consumed) => _consumed = _body.GetOffset(consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => AdvanceTo(consumed);

        public override void CancelPendingRead()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }
    }

    private sealed class DiscardingResponseBody : IHttpResponseBodyFeature
    {
        public DiscardingPipeWriter Writer { get; } = new();

        public Stream Stream => System.IO.Stream.Null;

        PipeWriter IHttpResponseBodyFeature.Writer => Writer;

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();

        public Task CompleteAsync() => Task.CompletedTask;
    }

    /// <summary>A pipe to nowhere that reuses one buffer, as Kestrel's output pipe reuses pooled memory.</summary>
    internal sealed class DiscardingPipeWriter : PipeWriter
    {
        private byte[] _buffer = new byte[16 * 1024];

        public long BytesWritten { get; private set; }

        public void Reset() => BytesWritten = 0;

        public override void Advance(int bytes) => BytesWritten += bytes;

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            if (sizeHint > _buffer.Length)
            {
                _buffer = new byte[sizeHint];
            }

            return _buffer;
        }

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
            => new(new FlushResult(isCanceled: false, isCompleted: false));

        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => 0;
    }
}
