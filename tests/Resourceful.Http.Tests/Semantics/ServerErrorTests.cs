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
/// §2, row 11: an exception thrown by a handler reaches the app's own exception handling, in every environment and
/// whatever form it takes, as with minimal APIs: <c>UseExceptionHandler</c> with a path, with a lambda, with
/// <see cref="IExceptionHandler"/>s or with <c>AddProblemDetails()</c>, and the developer exception page. With no
/// exception handling at all, the server answers <c>500</c> and nothing of the exception reaches the client. Every
/// test runs in Production (the developer exception page's test excepted), where the difference shows.
/// </summary>
public sealed class ServerErrorTests
{
    private const string Title = "An error occurred while processing your request.";

    [Theory]
    [InlineData("/semantics/failures/sync")]
    [InlineData("/semantics/failures/async")]
    [InlineData("/semantics/failures/null-result")]
    public async Task Get_HandlerThrowsWithNoExceptionHandling_Answers500WithoutExceptionDetails(string path)
    {
        // Kestrel, the server users run: TestServer hands an unhandled exception to the test's client instead.
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions { Kestrel = true });

        using var response = await host.Client.GetAsync(path);

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.InternalServerError, body);
        NoExceptionDetails(body);
        Assert.Contains(host.Logs.Errors, static e => e.Exception is InvalidOperationException && e.Category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_HandlerThrowsAfterBinding_Answers500AndChangesNothing()
    {
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions { Kestrel = true });
        var before = host.Store.Snapshot();

        using var response = await host.Client.PostAsync("/semantics/failures", Json("""{"name":"Washer","quantity":5}"""));

        Status(response, HttpStatusCode.InternalServerError, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, host.Store.Snapshot());
    }

    [Fact]
    public async Task Failures_Repeated_LeaveTheServerServing()
    {
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions { Kestrel = true });

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

    [Theory]
    [InlineData("/semantics/failures/sync")]
    [InlineData("/semantics/failures/async")]
    [InlineData("/semantics/failures/null-result")]
    public async Task Get_HandlerThrowsWithUseExceptionHandlerAndAddProblemDetails_AnswersTheAppsCustomizedProblem(string path)
    {
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions
        {
            Services = static services => services.AddProblemDetails(static options =>
                options.CustomizeProblemDetails = static context => context.ProblemDetails.Extensions["app"] = "customized"),
            Pipeline = static app => app.UseExceptionHandler(),
        });

        using var response = await host.Client.GetAsync(path);

        var body = await response.Content.ReadAsStringAsync();
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("customized", problem.RootElement.GetProperty("app").GetString());
        Assert.Equal(Title, problem.RootElement.GetProperty("title").GetString());
        NoExceptionDetails(body);
    }

    [Fact]
    public async Task Get_HandlerThrowsWithUseExceptionHandlerPath_ReachesTheErrorEndpoint()
    {
        var seen = new ConcurrentQueue<Exception>();
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions
        {
            Pipeline = app =>
            {
                app.UseExceptionHandler("/error");
                app.Map("/error", (HttpContext context) =>
                {
                    seen.Enqueue(context.Features.Get<IExceptionHandlerFeature>()!.Error);
                    return Results.Text("handled at /error", statusCode: StatusCodes.Status503ServiceUnavailable);
                });
            },
        });

        using var response = await host.Client.GetAsync("/semantics/failures/async");

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.ServiceUnavailable, body);
        Assert.Equal("handled at /error", body);
        Assert.Equal(Failures.Secret, Assert.Single(seen).Message);
    }

    [Fact]
    public async Task Get_HandlerThrowsWithUseExceptionHandlerLambda_ReachesTheLambda()
    {
        var seen = new ConcurrentQueue<Exception>();
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions
        {
            Pipeline = app => app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                seen.Enqueue(context.Features.Get<IExceptionHandlerFeature>()!.Error);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync("handled by the lambda");
            })),
        });

        using var response = await host.Client.GetAsync("/semantics/failures/sync");

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.ServiceUnavailable, body);
        Assert.Equal("handled by the lambda", body);
        Assert.Equal(Failures.Secret, Assert.Single(seen).Message);
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

    private static void NoExceptionDetails(string body)
    {
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
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
