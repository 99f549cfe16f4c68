using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests.Negotiation;

/// <summary>
/// Proactive negotiation (RFC 9110 §12.5.1) for every kind of representation a handler can return: server-sent
/// events answer what every <c>EventSource</c> sends (<c>Accept: text/event-stream</c>), text answers
/// <c>text/plain</c>, JSON and JSON streams answer <c>application/json</c>; each refuses (406) what excludes it.
/// </summary>
public sealed class RepresentationTests
{
    [Theory]
    [InlineData("text/event-stream")]
    [InlineData("text/*")]
    [InlineData("*/*")]
    [InlineData("application/json;q=0.5, text/event-stream")]
    public async Task Get_ServerSentEvents_WhenAcceptAllowsEventStream_StreamsEvents(string accept)
    {
        await using var host = await ResourceHost.StartAsync(static app => app.MapResources());

        using var response = await host.Client.SendAsync(Get("/negotiated/events", accept));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "event: book\ndata: {\"id\":7,\"title\":\"Sample\",\"publishedOn\":\"2024-02-29\"}\n\n"
            + "event: book\ndata: {\"id\":8,\"title\":\"Sample\",\"publishedOn\":\"2024-02-29\"}\n\n",
            body);
    }

    [Theory]
    [InlineData("/negotiated/events", "application/json", "text/event-stream")]
    [InlineData("/negotiated/events", "text/event-stream;q=0, */*", "text/event-stream")]
    [InlineData("/negotiated/text", "application/json", "text/plain")]
    [InlineData("/negotiated/json", "text/event-stream", "application/json")]
    [InlineData("/negotiated/numbers", "text/event-stream", "application/json")]
    [InlineData("/negotiated/maybe?none=true", "text/plain", "application/json")]
    public async Task Get_WhenAcceptExcludesTheRepresentation_Answers406NamingIt(string path, string accept, string produced)
    {
        await using var host = await ResourceHost.StartAsync(static app => app.MapResources());

        using var response = await host.Client.SendAsync(Get(path, accept));

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.NotAcceptable);
        Assert.Contains($"'{produced}'", problem.RootElement.GetProperty("detail").GetString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Text_AnswersTextPlain()
    {
        await using var host = await ResourceHost.StartAsync(static app => app.MapResources());

        using var response = await host.Client.SendAsync(Get("/negotiated/text", "text/plain"));

        await ResponseAssert.TextAsync(response, "plain text");
    }

    [Fact]
    public async Task Get_AsyncEnumerable_StreamsAJsonArray()
    {
        await using var host = await ResourceHost.StartAsync(static app => app.MapResources());

        using var response = await host.Client.SendAsync(Get("/negotiated/numbers", "application/json"));

        await ResponseAssert.JsonAsync(response, "[1,2,3]");
    }

    [Theory]
    [InlineData("false", """[{"id":7,"title":"Sample","publishedOn":"2024-02-29"}]""")]
    [InlineData("true", "null")]
    public async Task Get_NullableList_AnswersTheListOrJsonNull(string none, string expected)
    {
        await using var host = await ResourceHost.StartAsync(static app => app.MapResources());

        using var response = await host.Client.SendAsync(Get("/negotiated/maybe?none=" + none, "application/json"));

        await ResponseAssert.JsonAsync(response, expected);
    }

    private static HttpRequestMessage Get(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }
}
