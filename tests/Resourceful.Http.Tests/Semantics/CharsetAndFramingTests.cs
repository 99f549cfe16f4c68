using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// A body's charset and its transfer framing are the client's to get wrong, so neither may answer <c>5xx</c>: UTF-8
/// in any spelling reads, a charset the runtime can transcode safely is transcoded, any other answers <c>415</c>
/// naming UTF-8, and malformed framing answers <c>400</c>. On Kestrel, in Production, since the real server owns
/// the framing and the environment decides what an error looks like.
/// </summary>
public sealed class CharsetAndFramingTests(KestrelSemanticsHostFixture fixture) : IClassFixture<KestrelSemanticsHostFixture>
{
    private const string ValidItem = """{"name":"Washer","quantity":5}""";

    private Uri Server => fixture.Client.BaseAddress!;

    private static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("\"utf-8\"", "utf-8")]
    [InlineData("UTF-8", "utf-8")]
    [InlineData("\"UTF-8\"", "utf-8")]
    [InlineData("Utf-8", "utf-8")]
    [InlineData("utf8", "utf-8")]
    [InlineData("utf-16", "utf-16")]
    [InlineData("\"utf-16\"", "utf-16")]
    [InlineData("iso-8859-1", "iso-8859-1")]
    public async Task Put_CharsetItReadsOrTranscodes_ReadsTheBody(string charset, string encoding)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes("""{"title":"Café","author":"A"}""");
        using var response = await fixture.Client.PutAsync("/body/1", Body(bytes, $"application/json; charset={charset}"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("Café", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=windows-1252")]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=\"utf-7\"")]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=")]
    [InlineData("application/json; charset=\"\"")]
    public async Task Post_CharsetItCannotRead_Answers415NamingUtf8AndChangesNothing(string contentType)
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Post, "/semantics/items") { Content = Body(Encoding.UTF8.GetBytes(ValidItem), contentType) },
            HttpStatusCode.UnsupportedMediaType);

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("utf-8", problem.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("application/json", response.Headers.GetValues("Accept-Post").Single());
    }

    [Theory]
    [InlineData("/semantics/items")]
    [InlineData("/raw/stream")]
    [InlineData("/raw/pipe")]
    public async Task Post_ChunkSizeThatOverflows_Answers400AndChangesNothing(string path)
    {
        var before = fixture.Store.Snapshot();

        var response = await RawHttp.SendAsync(Server, RawHttp.Request(
            $"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{{}}\r\n0\r\n\r\n"));

        Assert.True(response.Status == 400, response.Text);
        Assert.Equal(before, fixture.Store.Snapshot());
        await StillServingAsync(fixture.Client);
    }

    // Where the app handles exceptions itself (Development, or an IExceptionHandler), Resourceful leaves handler
    // failures to it; a body the client broke is still the client's 400, not a failure for the app to report.
    [Theory]
    [InlineData("Production", "/raw/stream")]
    [InlineData("Production", "/semantics/items")]
    [InlineData("Development", "/raw/pipe")]
    public async Task Post_ChunkSizeThatOverflowsWhereTheAppHandlesExceptions_Answers400(string environment, string path)
    {
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions
        {
            Kestrel = true,
            Environment = environment,
            Services = static services =>
            {
                services.AddExceptionHandler<AppExceptionHandler>();
                services.AddProblemDetails();
            },
            Pipeline = static app => app.UseExceptionHandler(),
        });

        var response = await RawHttp.SendAsync(host.Client.BaseAddress!, RawHttp.Request(
            $"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{{}}\r\n0\r\n\r\n"));

        Assert.True(response.Status == 400, response.Text);
        Assert.DoesNotContain("handled by the app", response.Text, StringComparison.Ordinal);
    }

    // A client that ends its side of the connection inside a body has gone as far as Kestrel is concerned (the
    // request is aborted), so there may be no answer at all; but never a 5xx, and nothing is stored.
    [Theory]
    [InlineData("/semantics/items", "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"name\":\"Wa")]
    [InlineData("/raw/stream", "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"name\":\"Wa")]
    [InlineData("/raw/pipe", "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"name\":\"Wa")]
    [InlineData("/semantics/items", "Content-Length: 500\r\n\r\n{\"name\":\"Washer\",\"quantity\":5}")]
    [InlineData("/raw/stream", "Content-Length: 500\r\n\r\n{\"name\":\"Washer\",\"quantity\":5}")]
    public async Task Post_BodyCutShort_NeverAnswers5xxAndChangesNothing(string path, string framingAndBody)
    {
        var before = fixture.Store.Snapshot();

        var response = await RawHttp.SendAsync(Server, RawHttp.Request(
            $"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{framingAndBody}"), endRequest: true);

        Assert.True(response.Status is 0 or 400, response.Text);
        Assert.Equal(before, fixture.Store.Snapshot());
        await StillServingAsync(fixture.Client);
    }

    /// <summary>The app's own exception handling: whatever reaches it is a 500 with a fixed text.</summary>
    private sealed class AppExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await httpContext.Response.WriteAsync("handled by the app", cancellationToken);
            return true;
        }
    }
}
