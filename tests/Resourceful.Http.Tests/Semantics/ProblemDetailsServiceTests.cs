using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// §2, last row: every problem Resourceful answers (400, 405, 406, 413, 415, and the 500 through the app's exception
/// handler) is written by the app's <see cref="IProblemDetailsService"/>, so <c>CustomizeProblemDetails</c> and custom
/// <see cref="IProblemDetailsWriter"/>s apply to it as to minimal APIs. A minimal-API endpoint on the same app, answering
/// the same status, is the oracle.
/// </summary>
public sealed class ProblemDetailsServiceTests
{
    private const string Customized = "customized";

    /// <summary>
    /// Pairs of requests, Resourceful's and the minimal-API oracle's, that answer the same status. The oracle endpoints
    /// return <see cref="TypedResults.Problem(string?, string?, int?, string?, string?, IDictionary{string, object?}?)"/>
    /// or <c>ValidationProblem</c>, run into routing's 405 (made a problem by <c>UseStatusCodePages</c>), or throw.
    /// </summary>
    public static TheoryData<int, string, string, string?, string?, string, string> Cases() => new()
    {
        // status, Resourceful method, path, body, Accept; oracle method, path
        { 400, "GET", "/semantics/queries/by-id/abc", null, null, "POST", "/oracle/validation" },
        { 400, "POST", "/semantics/items", "{\"name\":", null, "POST", "/oracle/validation" },
        { 405, "DELETE", "/semantics/items", null, null, "DELETE", "/oracle/get-only" },
        { 405, "PURGE", "/semantics/items/1", null, null, "PURGE", "/oracle/get-only" },
        { 406, "GET", "/semantics/items/1/label", null, "application/json", "GET", "/oracle/problem/406" },
        { 413, "POST", "/semantics/limited", "{\"name\":\"" + new string('x', 200) + "\"}", null, "GET", "/oracle/problem/413" },
        { 415, "POST", "/semantics/items", "text", null, "GET", "/oracle/problem/415" },
        { 500, "GET", "/semantics/failures/sync", null, null, "GET", "/oracle/throw" },
        { 500, "GET", "/semantics/failures/async", null, null, "GET", "/oracle/throw" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Problem_WithCustomizeProblemDetails_IsCustomizedAsTheMinimalApiOracleIs(
        int status, string method, string path, string? body, string? accept, string oracleMethod, string oraclePath)
    {
        await using var host = await StartAsync(static services => services.AddProblemDetails(static options =>
            options.CustomizeProblemDetails = static context => context.ProblemDetails.Extensions["app"] = Customized));

        using var oracle = await host.Client.SendAsync(Send(oracleMethod, oraclePath, body: null, accept));
        using var response = await host.Client.SendAsync(Send(method, path, body, accept));

        using var expected = await ResponseAssert.ProblemAsync(oracle, (HttpStatusCode)status);
        using var actual = await ResponseAssert.ProblemAsync(response, (HttpStatusCode)status);
        Assert.Equal(Customized, expected.RootElement.GetProperty("app").GetString());
        Assert.Equal(Customized, actual.RootElement.GetProperty("app").GetString());

        // The members the framework writes for this status are all there, with the same type (and title, save for
        // a validation problem's, which minimal APIs and Resourceful both word as the framework does).
        var members = actual.RootElement.EnumerateObject().Select(static p => p.Name).ToHashSet();
        Assert.Superset(expected.RootElement.EnumerateObject().Select(static p => p.Name).ToHashSet(), members);
        Assert.Equal(expected.RootElement.GetProperty("type").GetString(), actual.RootElement.GetProperty("type").GetString());
        Assert.Equal(expected.RootElement.GetProperty("title").GetString(), actual.RootElement.GetProperty("title").GetString());
        var text = actual.RootElement.GetRawText();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/semantics/queries/by-id/abc", null, null, 400)]
    [InlineData("PUT", "/semantics/items", null, null, 405)]
    [InlineData("GET", "/semantics/items/1/label", null, "application/json", 406)]
    [InlineData("POST", "/semantics/items", "text", null, 415)]
    public async Task Problem_WithACustomProblemDetailsWriter_IsWrittenByThatWriter(string method, string path, string? body, string? accept, int status)
    {
        await using var host = await StartAsync(static services =>
        {
            // Registered before AddProblemDetails, so the service asks it before the default JSON writer.
            services.AddSingleton<IProblemDetailsWriter, TextProblemWriter>();
            services.AddProblemDetails();
        });

        using var response = await host.Client.SendAsync(Send(method, path, body, accept));

        var text = await response.Content.ReadAsStringAsync();
        Status(response, (HttpStatusCode)status, text);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"problem {status}: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problem_WhenEveryWriterDeclines_IsStillAProblemDocument()
    {
        // The default writer declines when Accept excludes JSON; Resourceful's own writer answers instead.
        await using var host = await StartAsync(static services => services.AddProblemDetails());

        using var response = await host.Client.SendAsync(Send("GET", "/semantics/items", body: null, accept: "text/html"));

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.NotAcceptable);
        Assert.Equal("Not Acceptable", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ValidationProblem_ThroughTheService_KeepsEveryErrorUnderTheClientsName()
    {
        await using var host = await StartAsync(static services => services.AddProblemDetails());

        using var response = await host.Client.GetAsync("/semantics/queries/by-id/abc");

        Assert.Equal(["The value 'abc' is not a valid int."], await ErrorsOfAsync(response, "id"));
    }

    [Theory]
    [InlineData("DELETE", "/semantics/items", "GET, HEAD, POST, OPTIONS")]
    [InlineData("PURGE", "/semantics/items/1", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS")]
    [InlineData("GET", "/semantics/limited", "POST, OPTIONS")]
    public async Task MethodNotAllowed_ThroughTheService_KeepsAllowInOptionsOrder(string method, string path, string allow)
    {
        await using var host = await StartAsync(static services => services.AddProblemDetails());

        using var options = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));
        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(allow, Allow(options));
        Assert.Equal(allow, Allow(response));
    }

    private static HttpRequestMessage Send(string method, string path, string? body, string? accept)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            var mediaType = body.StartsWith('{') ? "application/json" : "text/plain";
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    /// <summary>An app with the oracle endpoints beside the resources, whose exceptions go to <c>UseExceptionHandler()</c>.</summary>
    private static Task<SemanticsHost> StartAsync(Action<IServiceCollection> services) => SemanticsHost.StartAsync(new SemanticsHostOptions
    {
        Services = services,
        Pipeline = static app =>
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.MapPost("/oracle/validation", static () => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["invalid"] }));
            app.MapGet("/oracle/get-only", static () => "only GET");
            app.MapGet("/oracle/problem/{status:int}", static (int status) => TypedResults.Problem(statusCode: status));
            app.MapGet("/oracle/throw", static string () => throw new InvalidOperationException("hunter2"));
        },
    });

    /// <summary>An app's own writer: plain text, for every problem.</summary>
    private sealed class TextProblemWriter : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = "text/plain";
            return new ValueTask(response.WriteAsync($"problem {context.ProblemDetails.Status}: {context.ProblemDetails.Title}"));
        }
    }
}
