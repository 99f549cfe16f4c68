using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Resourceful.Http.Tests.Hosting;
using Resourceful.Http.Tests.Resources;
using Resourceful.Http.Tests.Semantics;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>
/// Generated endpoints execute the common typed results themselves (ResourcefulTypedResults) instead of calling
/// their <c>ExecuteAsync</c>. The oracle is ASP.NET Core: the same handler mapped as a minimal API in the same app
/// must answer with the same status, headers and body bytes, and write the same log lines.
/// </summary>
public sealed class TypedResultParityTests(TypedResultParityTests.Hosts hosts) : IClassFixture<TypedResultParityTests.Hosts>
{
    public static TheoryData<string> Paths => new()
    {
        "ok", "ok-empty", "ok-null", "ok-int", "ok-list", "ok-interface", "ok-problem",
        "created", "created-no-location", "created-empty-location", "created-uri", "created-null", "created-empty",
        "created-empty-no-location",
        "accepted", "accepted-no-location", "accepted-empty",
        "no-content",
        "not-found", "not-found-value",
        "bad-request", "bad-request-value", "bad-request-problem",
        "conflict", "conflict-value",
        "unprocessable", "unprocessable-value",
        "books/7", "books/8", "books-async/7", "books-async/8", "books-async/409",
        "union-unknown/7", "union-unknown/8",
        "animal-derived", "animal-exact", "shape-derived", "created-animal-derived",
    };

    // What a source-generated context configures; each case's body must still match the built-in's.
    public static TheoryData<string> CustomJsonPaths => new()
    {
        "ok", "ok-null", "ok-int", "created", "not-found-value", "books/7", "books/8", "books-async/8", "shape-derived",
        "animal-derived",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task TypedResult_OnTestServer_AnswersAsTheBuiltInDoes(string path) =>
        await AssertSameResponseAsync(hosts.Default.Client, path);

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task TypedResult_OnKestrel_AnswersAsTheBuiltInDoes(string path) =>
        await AssertSameResponseAsync(hosts.Kestrel.Client, path);

    [Theory]
    [MemberData(nameof(CustomJsonPaths))]
    public async Task TypedResult_WithJsonContextAndSnakeCase_AnswersAsTheBuiltInDoes(string path)
    {
        var (generated, _) = await AssertSameResponseAsync(hosts.CustomJson.Client, path);

        // The configuration really applied: a body in snake case, not the default camel case.
        if (path is "ok" or "books/7")
        {
            Assert.Contains("\"published_on\"", generated.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TypedResult_Created_SendsLocationOnlyWhenItHasOne()
    {
        var (withLocation, _) = await AssertSameResponseAsync(hosts.Default.Client, "created");
        var (withoutLocation, _) = await AssertSameResponseAsync(hosts.Default.Client, "created-no-location");
        var (emptyLocation, _) = await AssertSameResponseAsync(hosts.Default.Client, "created-empty-location");

        Assert.Contains("Location: /parity/books/7", withLocation.Headers, StringComparer.Ordinal);
        Assert.DoesNotContain(withoutLocation.Headers, static h => h.StartsWith("Location:", StringComparison.Ordinal));
        Assert.DoesNotContain(emptyLocation.Headers, static h => h.StartsWith("Location:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TypedResult_OkWithNull_WritesNoBody()
    {
        var (generated, _) = await AssertSameResponseAsync(hosts.Default.Client, "ok-null");

        Assert.Equal(200, generated.Status);
        Assert.Equal(string.Empty, generated.Body);
        Assert.DoesNotContain(generated.Headers, static h => h.StartsWith("Content-Type:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TypedResult_PolymorphicBody_WritesTheDiscriminator()
    {
        var (shape, _) = await AssertSameResponseAsync(hosts.Default.Client, "shape-derived");
        var (animal, _) = await AssertSameResponseAsync(hosts.Default.Client, "animal-derived");

        Assert.Equal("""{"$type":"circle","radius":1.5,"kind":"shape"}""", shape.Body);

        // Not declared polymorphic: written by its runtime type, derived properties included.
        Assert.Equal("""{"goodBoy":true,"name":"Rex"}""", animal.Body);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task TypedResult_Logs_AreTheBuiltInLogLines(string path)
    {
        var sink = hosts.DefaultLogs;

        sink.Clear();
        using (var response = await hosts.Default.Client.GetAsync("/parity/" + path))
        {
            await response.Content.ReadAsByteArrayAsync();
        }

        var generated = ResultEntries(sink);

        sink.Clear();
        using (var response = await hosts.Default.Client.GetAsync("/builtin/" + path))
        {
            await response.Content.ReadAsByteArrayAsync();
        }

        var builtIn = ResultEntries(sink);

        Assert.NotEmpty(builtIn);
        Assert.Equal(builtIn, generated);
    }

    [Theory]
    [InlineData("null-result", "Resourceful.Http.Tests.Resources.TypedResultParity.ReturnsNullResult")]
    [InlineData("null-union", "Resourceful.Http.Tests.Resources.TypedResultParity.ReturnsNullUnion")]
    public async Task TypedResult_Null_ThrowsNamingTheHandler(string path, string handler)
    {
        // The exception leaves the endpoint for the app's exception handling; TestServer hands it to the client as it is.
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => hosts.Default.Client.GetAsync("/parity/" + path));

        Assert.Equal($"The handler '{handler}' returned a null IResult.", exception.Message);
    }

    /// <summary>
    /// Proves the specialization runs: with the request's services unable to give a logger factory or JSON options,
    /// the built-in <c>ExecuteAsync</c> would fail, and the generated code, which resolved both at start-up, does not.
    /// </summary>
    [Theory]
    [InlineData("ok")]
    [InlineData("ok-null")]
    [InlineData("created")]
    [InlineData("accepted-empty")]
    [InlineData("not-found-value")]
    [InlineData("books/7")]
    [InlineData("books/8")]
    [InlineData("books-async/409")]
    [InlineData("shape-derived")]
    public async Task TypedResult_Specialized_ResolvesNoServicePerRequest(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/parity/" + path);
        request.Headers.Add(WithoutResultServicesHeader, "1");

        using var response = await hosts.Default.Client.SendAsync(request);

        Assert.NotEqual(500, (int)response.StatusCode);
    }

    [Fact]
    public async Task TypedResult_DerivedValueOfUnsealedType_IsLeftToTheBuiltIn()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/parity/animal-derived");
        request.Headers.Add(WithoutResultServicesHeader, "1");

        // The built-in needs the logger factory these request services lack: its exception reaches the client here.
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => hosts.Default.Client.SendAsync(request));

        Assert.Contains(nameof(ILoggerFactory), exception.Message, StringComparison.Ordinal);
    }

    private const string WithoutResultServicesHeader = "X-Without-Result-Services";

    private static async Task<(WireResponse Generated, WireResponse BuiltIn)> AssertSameResponseAsync(HttpClient client, string path)
    {
        var generated = await WireResponse.ReadAsync(client, "/parity/" + path);
        var builtIn = await WireResponse.ReadAsync(client, "/builtin/" + path);

        Assert.Equal(builtIn.Status, generated.Status);
        Assert.Equal(builtIn.Headers, generated.Headers);
        Assert.Equal(builtIn.BodyBytes, generated.BodyBytes);
        return (generated, builtIn);
    }

    /// <summary>A response as the client saw it: status, every header but the clock's, and the body's bytes.</summary>
    private sealed record WireResponse(int Status, IReadOnlyList<string> Headers, byte[] BodyBytes)
    {
        public string Body => System.Text.Encoding.UTF8.GetString(BodyBytes);

        public static async Task<WireResponse> ReadAsync(HttpClient client, string path)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            var headers = response.Headers.Concat(response.Content.Headers)
                .Where(static h => h.Key != "Date")
                .Select(static h => $"{h.Key}: {string.Join(", ", h.Value)}")
                .Order(StringComparer.Ordinal)
                .ToList();
            return new WireResponse((int)response.StatusCode, headers, body);
        }
    }

    /// <summary>Every handler of <see cref="TypedResultParity"/> again as a minimal API under <c>/builtin</c>.</summary>
    private static void MapBuiltIn(WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            if (context.Request.Headers.ContainsKey(WithoutResultServicesHeader))
            {
                context.RequestServices = new WithoutResultServices(context.RequestServices);
            }

            return next(context);
        });
        app.MapResources();
        var builtIn = app.MapGroup("/builtin");
        builtIn.MapGet("ok", TypedResultParity.ReturnsOkWithValue);
        builtIn.MapGet("ok-empty", TypedResultParity.ReturnsOkEmpty);
        builtIn.MapGet("ok-null", TypedResultParity.ReturnsOkWithNull);
        builtIn.MapGet("ok-int", TypedResultParity.ReturnsOkWithInt);
        builtIn.MapGet("ok-list", TypedResultParity.ReturnsOkWithList);
        builtIn.MapGet("ok-interface", TypedResultParity.ReturnsOkWithInterface);
        builtIn.MapGet("ok-problem", TypedResultParity.ReturnsOkWithProblem);
        builtIn.MapGet("created", TypedResultParity.ReturnsCreatedWithLocation);
        builtIn.MapGet("created-no-location", TypedResultParity.ReturnsCreatedWithoutLocation);
        builtIn.MapGet("created-empty-location", TypedResultParity.ReturnsCreatedWithEmptyLocation);
        builtIn.MapGet("created-uri", TypedResultParity.ReturnsCreatedWithUri);
        builtIn.MapGet("created-null", TypedResultParity.ReturnsCreatedWithNull);
        builtIn.MapGet("created-empty", TypedResultParity.ReturnsCreatedEmpty);
        builtIn.MapGet("created-empty-no-location", TypedResultParity.ReturnsCreatedEmptyWithoutLocation);
        builtIn.MapGet("accepted", TypedResultParity.ReturnsAcceptedWithLocation);
        builtIn.MapGet("accepted-no-location", TypedResultParity.ReturnsAcceptedWithoutLocation);
        builtIn.MapGet("accepted-empty", TypedResultParity.ReturnsAcceptedEmpty);
        builtIn.MapGet("no-content", TypedResultParity.ReturnsNoContentResult);
        builtIn.MapGet("not-found", TypedResultParity.ReturnsNotFoundEmpty);
        builtIn.MapGet("not-found-value", TypedResultParity.ReturnsNotFoundWithValue);
        builtIn.MapGet("bad-request", TypedResultParity.ReturnsBadRequestEmpty);
        builtIn.MapGet("bad-request-value", TypedResultParity.ReturnsBadRequestWithValue);
        builtIn.MapGet("bad-request-problem", TypedResultParity.ReturnsBadRequestWithProblem);
        builtIn.MapGet("conflict", TypedResultParity.ReturnsConflictEmpty);
        builtIn.MapGet("conflict-value", TypedResultParity.ReturnsConflictWithValue);
        builtIn.MapGet("unprocessable", TypedResultParity.ReturnsUnprocessableEmpty);
        builtIn.MapGet("unprocessable-value", TypedResultParity.ReturnsUnprocessableWithValue);
        builtIn.MapGet("books/{id:int}", TypedResultParity.Find);
        builtIn.MapGet("books-async/{id:int}", TypedResultParity.FindAsync);
        builtIn.MapGet("union-unknown/{id:int}", TypedResultParity.ReturnsUnionWithUnknownMember);
        builtIn.MapGet("animal-derived", TypedResultParity.ReturnsAnimalDerived);
        builtIn.MapGet("animal-exact", TypedResultParity.ReturnsAnimalExact);
        builtIn.MapGet("shape-derived", TypedResultParity.ReturnsShapeDerived);
        builtIn.MapGet("created-animal-derived", TypedResultParity.ReturnsCreatedAnimalDerived);
    }

    /// <summary>Three apps: TestServer and Kestrel with default JSON, and TestServer with a JSON context and snake case.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        private ResourceHost? _default;
        private ResourceHost? _kestrel;
        private ResourceHost? _customJson;

        public LogSink DefaultLogs { get; } = new();

        public ResourceHost Default => _default ?? throw new InvalidOperationException("Not started.");

        public ResourceHost Kestrel => _kestrel ?? throw new InvalidOperationException("Not started.");

        public ResourceHost CustomJson => _customJson ?? throw new InvalidOperationException("Not started.");

        public async Task InitializeAsync()
        {
            _default = await ResourceHost.StartAsync(MapBuiltIn, configure: builder => builder.Logging.AddProvider(DefaultLogs).SetMinimumLevel(LogLevel.Information));
            _kestrel = await ResourceHost.StartAsync(MapBuiltIn, kestrel: true);
            _customJson = await ResourceHost.StartAsync(MapBuiltIn, configure: static builder => builder.Services.ConfigureHttpJsonOptions(static options =>
            {
                options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, ParityJsonContext.Default);
            }));
        }

        public async Task DisposeAsync()
        {
            foreach (var host in new[] { _default, _kestrel, _customJson })
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                }
            }
        }
    }

    /// <summary>Request services that have everything but what the built-in results resolve per request.</summary>
    private sealed class WithoutResultServices(IServiceProvider inner) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(ILoggerFactory) || serviceType == typeof(Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>)
                ? null
                : inner.GetService(serviceType);
    }

    /// <summary>The lines written under the categories of ASP.NET Core's results.</summary>
    private static List<LogEntry> ResultEntries(LogSink sink) =>
        sink.Entries.Where(static e => e.Category.StartsWith("Microsoft.AspNetCore.Http.Result", StringComparison.Ordinal)).ToList();
}
