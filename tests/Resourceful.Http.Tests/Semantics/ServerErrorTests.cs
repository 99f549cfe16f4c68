using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Resourceful.Http.Tests.Hosting;
using Resourceful.Http.Tests.Resources.Semantics;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// §2, row 11: an exception thrown by a handler answers <c>500</c> problem details without exception details, and is
/// logged. With <c>AddProblemDetails()</c> the app's <see cref="IProblemDetailsService"/> writes it; in Development,
/// or when the app registered <see cref="IExceptionHandler"/>s, the exception is left to the app.
/// </summary>
public sealed class ServerErrorTests
{
    private const string Title = "An error occurred while processing your request.";

    [Theory]
    [InlineData("/semantics/failures/sync")]
    [InlineData("/semantics/failures/async")]
    [InlineData("/semantics/failures/null-result")]
    public async Task Get_HandlerThrows_Answers500ProblemWithoutExceptionDetails(string path)
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.GetAsync(path);

        var body = await response.Content.ReadAsStringAsync();
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.InternalServerError);
        var root = problem.RootElement;
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.6.1", root.GetProperty("type").GetString());
        Assert.Equal(Title, root.GetProperty("title").GetString());
        Assert.Equal(["type", "title", "status", "traceId"], root.EnumerateObject().Select(static p => p.Name).ToArray());
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HandlerThrows_LogsTheExceptionAsAnError()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.GetAsync("/semantics/failures/sync");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var entry = Assert.Single(host.Logs.Errors);
        Assert.Equal("Resourceful", entry.Category);
        Assert.Equal(Failures.Secret, entry.Exception?.Message);
        Assert.Contains("Failures.Sync", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HandlerThrowsAfterBinding_Answers500AndChangesNothing()
    {
        await using var host = await SemanticsHost.StartAsync();
        var before = host.Store.Snapshot();

        using var response = await host.Client.PostAsync("/semantics/failures", Json("""{"name":"Washer","quantity":5}"""));

        await ResponseAssert.ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal(before, host.Store.Snapshot());
    }

    [Fact]
    public async Task Failures_Repeated_LeaveTheServerServing()
    {
        await using var host = await SemanticsHost.StartAsync();

        var failures = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            host.Client.GetAsync(i % 2 == 0 ? "/semantics/failures/sync" : "/semantics/failures/async")));
        using var fine = await host.Client.GetAsync("/semantics/failures/fine");

        Assert.All(failures, static r => Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode));
        foreach (var failure in failures)
        {
            failure.Dispose();
        }

        await ResponseAssert.TextAsync(fine, "still serving");
        await StillServingAsync(host.Client);
    }

    [Fact]
    public async Task Get_HandlerThrowsWithAddProblemDetails_AnswersThroughTheAppsProblemDetailsService()
    {
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions
        {
            Services = static services => services.AddProblemDetails(static options =>
                options.CustomizeProblemDetails = static context => context.ProblemDetails.Extensions["app"] = "customized"),
        });

        using var response = await host.Client.GetAsync("/semantics/failures/async");

        var body = await response.Content.ReadAsStringAsync();
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("customized", problem.RootElement.GetProperty("app").GetString());
        Assert.Equal(Title, problem.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Single(host.Logs.Errors);
    }

    [Fact]
    public async Task Get_HandlerThrowsWithAddProblemDetailsForAClientThatAcceptsOnlyText_StillAnswersAProblem()
    {
        // The app's writer declines when Accept excludes JSON; Resourceful's own writer answers instead.
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions { Services = static services => services.AddProblemDetails() });

        using var response = await host.Client.SendAsync(Request(HttpMethod.Get, "/semantics/failures/sync", null, ("Accept", "text/plain")));

        var body = await response.Content.ReadAsStringAsync();
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal(Title, problem.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HandlerThrowsInDevelopment_ReachesTheDeveloperExceptionPage()
    {
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions { Environment = Environments.Development });

        using var response = await host.Client.GetAsync("/semantics/failures/sync");

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.InternalServerError, body);

        // The developer exception page shows the exception itself: Resourceful did not swallow it.
        Assert.Contains(Failures.Secret, body, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Errors, static e => e.Category == "Resourceful");
    }

    [Fact]
    public async Task Get_HandlerThrowsWithAnExceptionHandler_IsAnsweredByTheAppsHandler()
    {
        var seen = new ConcurrentQueue<Exception>();
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions
        {
            Services = services =>
            {
                services.AddSingleton(seen);
                services.AddExceptionHandler<UnavailableExceptionHandler>();
                services.AddProblemDetails();
            },
            Pipeline = static app => app.UseExceptionHandler(),
        });

        using var response = await host.Client.GetAsync("/semantics/failures/async");

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.ServiceUnavailable, body);
        Assert.Equal("handled by the app", body);
        Assert.Equal(Failures.Secret, Assert.Single(seen).Message);
        Assert.DoesNotContain(host.Logs.Errors, static e => e.Category == "Resourceful");
    }

    /// <summary>The app's own policy: every failure is a 503 with a fixed text.</summary>
    private sealed class UnavailableExceptionHandler(ConcurrentQueue<Exception> seen) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            seen.Enqueue(exception);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.ContentType = "text/plain";
            await httpContext.Response.WriteAsync("handled by the app", cancellationToken);
            return true;
        }
    }
}
