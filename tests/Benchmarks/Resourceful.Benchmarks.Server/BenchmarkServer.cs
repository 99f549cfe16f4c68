using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Resourceful.Benchmarks.Server.Handwritten;
using Resourceful.Benchmarks.Server.Minimal;
using Resourceful.Benchmarks.Server.Mvc;

namespace Resourceful.Benchmarks.Server;

/// <summary>
/// Builds the benchmark server. Program.cs runs it under Kestrel for the load and start-up benchmarks; the
/// BenchmarkDotNet suite builds the same app and drives its routing pipeline in-process.
/// </summary>
public static class BenchmarkServer
{
    /// <summary>Builds an app that maps <paramref name="variants"/>, each under its own path prefix.</summary>
    public static WebApplication Build(string[] args, Variants variants)
    {
        var builder = WebApplication.CreateSlimBuilder(args);

        // A log line per request would cost more than the endpoints under test.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.Services.AddSingleton<ItemStore>();

        // One source-generated JSON context for every variant.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, BenchmarkJsonContext.Default));

        if (variants.HasFlag(Variants.Mvc))
        {
            builder.Services
                .AddControllers()
                // The entry assembly is not this one when the BenchmarkDotNet suite hosts the app.
                .AddApplicationPart(typeof(MvcItemsController).Assembly)
                .AddJsonOptions(options => options.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, BenchmarkJsonContext.Default))
                .ConfigureApiBehaviorOptions(options =>
                {
                    // [ApiController] would turn NotFound() into a problem-details body; the other variants send
                    // an empty 404, and the comparison is about the framework, not about different bytes.
                    options.SuppressMapClientErrors = true;
                });
        }

        var app = builder.Build();

        if (variants.HasFlag(Variants.Generated))
        {
            app.MapGenItems();
            app.MapGenVersionedItems();
            app.MapGenRecords();
            app.MapGenUploads();
        }

        if (variants.HasFlag(Variants.Minimal))
        {
            MinimalItems.Map(app);
        }

        if (variants.HasFlag(Variants.Mvc))
        {
            app.MapControllers();
        }

        if (variants.HasFlag(Variants.Handwritten))
        {
            HandwrittenItems.Map(app);
        }

        return app;
    }
}
