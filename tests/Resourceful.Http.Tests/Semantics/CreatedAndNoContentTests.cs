using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// The result rows of DESIGN §1 and §3: <c>Created</c> answers <c>201</c> with a <c>Location</c> that resolves;
/// <c>void</c>/<c>Task</c> handlers and <c>NoContent</c> answer <c>204</c>, and <c>304</c> answers, never with content.
/// </summary>
public sealed class CreatedAndNoContentTests(SemanticsHostFixture fixture) : IClassFixture<SemanticsHostFixture>
{
    [Fact]
    public async Task Post_Created_Answers201WithTheBodyAndALocationThatResolves()
    {
        using var created = await fixture.Client.PostAsync("/semantics/outcomes", Json("""{"name":"Washer","quantity":5}"""));

        var body = await created.Content.ReadAsStringAsync();
        Status(created, HttpStatusCode.Created, body);
        Assert.Equal("application/json", created.Content.Headers.ContentType?.MediaType);
        var location = created.Headers.Location?.OriginalString;
        Assert.Matches("^/semantics/items/[0-9]+$", location);
        using var fetched = await fixture.Client.GetAsync(location);
        await ResponseAssert.JsonAsync(fetched, body);
    }

    [Theory]
    [InlineData("/semantics/outcomes/void/999")]
    [InlineData("/semantics/outcomes/task/999")]
    public async Task Delete_HandlerReturningNothing_Answers204WithoutContent(string path)
    {
        using var response = await fixture.Client.DeleteAsync(path);

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.NoContent);
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Delete_VoidHandler_RunsBeforeTheAnswer()
    {
        using var created = await fixture.Client.PostAsync("/semantics/outcomes", Json("""{"name":"Spring","quantity":2}"""));
        var location = created.Headers.Location;

        using var deleted = await fixture.Client.DeleteAsync("/semantics/outcomes/void/" + location!.OriginalString.Split('/')[^1]);
        using var gone = await fixture.Client.GetAsync(location);

        await ResponseAssert.EmptyAsync(deleted, HttpStatusCode.NoContent);
        await ResponseAssert.EmptyAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_NoContentResult_Answers204WithoutContent()
    {
        using var response = await fixture.Client.PutAsync("/semantics/outcomes/no-content/1", content: null);

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.NoContent);
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Get_ConditionalOnTheCurrentVersion_Answers304WithoutContent()
    {
        using var first = await fixture.Client.GetAsync("/semantics/outcomes/1");
        var etag = first.Headers.ETag?.ToString();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);

        using var second = await fixture.Client.SendAsync(Request(HttpMethod.Get, "/semantics/outcomes/1", null, ("If-None-Match", etag)));

        await ResponseAssert.EmptyAsync(second, HttpStatusCode.NotModified);
        Assert.Equal(etag, second.Headers.ETag?.ToString());
        Assert.Null(second.Content.Headers.ContentType);
    }

    [Theory]
    [InlineData("DELETE", "/semantics/outcomes/void/999", HttpStatusCode.NoContent)]
    [InlineData("PUT", "/semantics/outcomes/no-content/1", HttpStatusCode.NoContent)]
    public async Task NoContent_OnKestrel_HasNoContentLengthOrChunkedBody(string method, string path, HttpStatusCode status)
    {
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions { Kestrel = true });

        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ResponseAssert.EmptyAsync(response, status);
        Assert.Null(response.Headers.TransferEncodingChunked);
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task NotModified_OnKestrel_HasNoContent()
    {
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions { Kestrel = true });
        using var first = await host.Client.GetAsync("/semantics/outcomes/1");

        using var second = await host.Client.SendAsync(Request(HttpMethod.Get, "/semantics/outcomes/1", null, ("If-None-Match", first.Headers.ETag!.ToString())));

        await ResponseAssert.EmptyAsync(second, HttpStatusCode.NotModified);
        Assert.Null(second.Headers.TransferEncodingChunked);
        Assert.Null(second.Content.Headers.ContentType);
    }
}
