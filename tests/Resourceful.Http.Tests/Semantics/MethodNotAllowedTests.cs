using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Resourceful.Runtime;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// §2, row 6: an undeclared method on a declared path answers <c>405</c> with <c>Allow</c>, and changes nothing. The
/// path's generated endpoint answers it (routing sends it only the methods no handler takes): a problem document,
/// and every method of the path in <c>Allow</c>, in the order <c>OPTIONS</c> lists them.
/// </summary>
public sealed class MethodNotAllowedTests(SemanticsHostFixture fixture) : IClassFixture<SemanticsHostFixture>
{
    [Theory]
    [InlineData("DELETE", "/semantics/items", "GET, HEAD, POST, OPTIONS")]
    [InlineData("PUT", "/semantics/items", "GET, HEAD, POST, OPTIONS")]
    [InlineData("POST", "/semantics/items/1", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS")]
    [InlineData("PUT", "/semantics/items/1/label", "GET, HEAD, OPTIONS")]
    [InlineData("GET", "/semantics/limited", "POST, OPTIONS")]
    [InlineData("DELETE", "/semantics/limited/1", "PUT, PATCH, OPTIONS")]
    [InlineData("TRACE", "/semantics/items", "GET, HEAD, POST, OPTIONS")]
    [InlineData("PURGE", "/semantics/items/1", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS")]
    [InlineData("PROPFIND", "/semantics/items", "GET, HEAD, POST, OPTIONS")]
    public async Task UndeclaredMethod_OnADeclaredPath_Answers405ProblemWithAllowInOptionsOrder(string method, string path, string allow)
    {
        using var options = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));
        using var response = await SendWithoutChangeAsync(fixture.Host, new HttpRequestMessage(new HttpMethod(method), path), HttpStatusCode.MethodNotAllowed);

        Assert.Equal(allow, Allow(options));
        Assert.Equal(allow, Allow(response));
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.6", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("Method Not Allowed", problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("PUT", "/semantics/split", "GET, HEAD, POST, OPTIONS")]
    [InlineData("PATCH", "/semantics/split/4", "GET, HEAD, DELETE, OPTIONS")]
    public async Task UndeclaredMethod_OnAPathServedByTwoResourceClasses_Answers405WithTheMethodsOfBoth(string method, string path, string allow)
    {
        using var response = await SendWithoutChangeAsync(fixture.Host, new HttpRequestMessage(new HttpMethod(method), path), HttpStatusCode.MethodNotAllowed);

        Assert.Equal(allow, Allow(response));
    }

    [Fact]
    public async Task UndeclaredMethod_WithAJsonBody_Answers405WithoutReadingItOrChangingData()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Delete, "/semantics/items") { Content = Json("""{"name":"Washer","quantity":1}""") },
            HttpStatusCode.MethodNotAllowed);

        Assert.Equal("GET, HEAD, POST, OPTIONS", Allow(response));
    }

    [Fact]
    public async Task UndeclaredMethod_WithAnAcceptThatExcludesProblems_Still405()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            Request(HttpMethod.Put, "/semantics/items", Json("{}"), ("Accept", "text/html")),
            HttpStatusCode.MethodNotAllowed);

        Assert.Equal("GET, HEAD, POST, OPTIONS", Allow(response));
    }

    [Fact]
    public async Task DeclaredMethod_BesideThe405Endpoint_StillReachesItsHandler()
    {
        // The 405 endpoint takes only the methods no handler takes: GET, POST and OPTIONS are answered as before.
        using var get = await fixture.Client.GetAsync("/semantics/items/1");
        using var options = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/semantics/items/1"));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
    }

    [Theory]
    [InlineData("0HNA1B2C3D4E5:00000001")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")]
    [InlineData("needs \"escaping\" <é>")]
    public async Task MethodNotAllowedProblem_WrittenWithoutAService_IsTheGeneralWritersBytes(string traceId)
    {
        // The 405 is a constant around the trace id; the general problem writer is its oracle, byte for byte.
        var constant = await WrittenAsync(traceId, ProblemWriter.WriteMethodNotAllowedAsync);
        var general = await WrittenAsync(traceId, static context => ProblemWriter.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", detail: null));

        Assert.Equal(general, constant);
        Assert.Contains("\"status\":405", constant, StringComparison.Ordinal);
    }

    private static async Task<string> WrittenAsync(string traceId, Func<HttpContext, Task> write)
    {
        var body = new MemoryStream();
        var context = new DefaultHttpContext { TraceIdentifier = traceId, RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Request.Method = "PURGE";
        context.Response.Body = body;

        await write(context);

        Assert.Equal(StatusCodes.Status405MethodNotAllowed, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    [Fact]
    public async Task UndeclaredMethod_OnAnUnknownPath_Answers404NotA405()
    {
        using var response = await SendWithoutChangeAsync(fixture.Host, new HttpRequestMessage(HttpMethod.Delete, "/semantics/nowhere"), HttpStatusCode.NotFound);

        Assert.Null(Allow(response));
    }
}
