using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Resourceful.Benchmarks.Server;

namespace Resourceful.Benchmarks.Requests;

/// <summary>
/// The benchmark server's app, built but not started: its middleware pipeline (routing, then the endpoint) is
/// invoked directly, with no socket and no HTTP parser in the way.
/// </summary>
internal sealed class InProcessServer : IDisposable
{
    private InProcessServer(WebApplication app, RequestDelegate pipeline)
    {
        App = app;
        Pipeline = pipeline;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Routing middleware → endpoint middleware → the matched endpoint.</summary>
    public RequestDelegate Pipeline { get; }

    public static InProcessServer Create(Variants variants)
    {
        var app = BenchmarkServer.Build([], variants);

        // What WebApplication adds when the host starts; here the pipeline is built without starting a server.
        app.UseRouting();
        app.UseEndpoints(static _ => { });
        var pipeline = ((IApplicationBuilder)app).Build();
        return new InProcessServer(app, pipeline);
    }

    public void Dispose() => ((IDisposable)App).Dispose();
}
