using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Net.Http.Headers;
using Resourceful.Http.Tests.Hosting;
using Resourceful.Http.Tests.Resources;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>
/// Conditional requests (RFC 9110 §13) against Kestrel: the ETag derived from a <c>[ConcurrencyCheck]</c> version,
/// each applicable row of §13.2.2's precedence order, <c>Preconditions</c> and <c>RequireIfMatch</c> on writes, and
/// concurrent writes with one <c>If-Match</c>. Each test uses its own document id, so they run in any order.
/// </summary>
public sealed class ConditionalRequestTests(KestrelResourceHostFixture fixture) : IClassFixture<KestrelResourceHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task ResetAsync(int id, string text = "first")
    {
        using var reset = await _client.PostAsJsonAsync($"/documents/{id}/reset", new { text });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("\"1\"", reset.Headers.ETag?.ToString());
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] headers) =>
        SendAsync(method, path, body: null, headers);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        foreach (var (name, value) in headers)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value));
        }

        return _client.SendAsync(request);
    }

    [Theory]
    [InlineData("/documents/{0}")]
    [InlineData("/documents/{0}/plain")]
    public async Task Get_VersionedRepresentation_AnswersStrongETagOfItsVersion(string template)
    {
        await ResetAsync(1);
        using var response = await _client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Contains("\"version\":1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"0\", \"1\"")]
    [InlineData("\"0\",W/\"1\" , \"2\"")]
    [InlineData("*")]
    public async Task Get_IfNoneMatchMatches_Answers304WithETagAndNoBodyWithoutSerialising(string ifNoneMatch)
    {
        await ResetAsync(2);
        foreach (var path in new[] { "/documents/2", "/documents/2/plain", "/documents/2/async" })
        {
            var reads = Document.TextReads;
            using var response = await SendAsync(HttpMethod.Get, path, ("If-None-Match", ifNoneMatch));

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());

            // Only this class reads documents, one test at a time: a 304 that serialised the body would read Text.
            Assert.Equal(reads, Document.TextReads);
        }
    }

    [Fact]
    public async Task Head_MirrorsGetsNotModified()
    {
        await ResetAsync(3);
        using var get = await SendAsync(HttpMethod.Get, "/documents/3", ("If-None-Match", "\"1\""));
        using var head = await SendAsync(HttpMethod.Head, "/documents/3", ("If-None-Match", "\"1\""));
        using var headFresh = await SendAsync(HttpMethod.Head, "/documents/3", ("If-None-Match", "\"7\""));

        Assert.Equal(HttpStatusCode.NotModified, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, headFresh.StatusCode);
        Assert.Equal("\"1\"", headFresh.Headers.ETag?.ToString());
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("W/\"2\"")]
    [InlineData("\"1\"x")]
    public async Task Get_IfNoneMatchDoesNotMatch_Answers200(string ifNoneMatch)
    {
        await ResetAsync(4);
        using var response = await SendAsync(HttpMethod.Get, "/documents/4", ("If-None-Match", ifNoneMatch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
    }

    // §13.2.2 step 1: If-Match, strong comparison, on GET too.
    [Theory]
    [InlineData("\"1\"", HttpStatusCode.OK)]
    [InlineData("\"0\", \"1\"", HttpStatusCode.OK)]
    [InlineData("*", HttpStatusCode.OK)]
    [InlineData("\"2\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("W/\"1\"", HttpStatusCode.PreconditionFailed)]
    public async Task Get_IfMatch_IsComparedStrongly(string ifMatch, HttpStatusCode expected)
    {
        await ResetAsync(5);
        using var response = await SendAsync(HttpMethod.Get, "/documents/5", ("If-Match", ifMatch));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.PreconditionFailed)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    // §13.2.2 step 1 before step 3: a failing If-Match answers 412 even when If-None-Match would answer 304.
    [Fact]
    public async Task Get_FailingIfMatch_WinsOverMatchingIfNoneMatch()
    {
        await ResetAsync(6);
        using var response = await SendAsync(HttpMethod.Get, "/documents/6", ("If-Match", "\"9\""), ("If-None-Match", "\"1\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task Get_DateVersion_AnswersLastModifiedAndETagOfItsTicks()
    {
        using var response = await _client.GetAsync("/events/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{EventStore.Updated.UtcTicks}\"", response.Headers.ETag?.ToString());
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 12, 30, 15, TimeSpan.Zero), response.Content.Headers.LastModified);
    }

    // §13.2.2 step 4 (If-Modified-Since when no If-None-Match) and step 3 winning over it.
    [Theory]
    [InlineData(null, "Thu, 29 Feb 2024 12:30:15 GMT", HttpStatusCode.NotModified)]
    [InlineData(null, "Fri, 01 Mar 2024 00:00:00 GMT", HttpStatusCode.NotModified)]
    [InlineData(null, "Thu, 29 Feb 2024 12:30:14 GMT", HttpStatusCode.OK)]
    [InlineData(null, "not a date", HttpStatusCode.OK)]
    [InlineData("\"0\"", "Fri, 01 Mar 2024 00:00:00 GMT", HttpStatusCode.OK)]
    [InlineData("*", "Thu, 01 Jan 2004 00:00:00 GMT", HttpStatusCode.NotModified)]
    public async Task Get_IfModifiedSince_IsIgnoredWhenIfNoneMatchIsPresent(string? ifNoneMatch, string ifModifiedSince, HttpStatusCode expected)
    {
        var headers = ifNoneMatch is null
            ? new[] { ("If-Modified-Since", ifModifiedSince) }
            : [("If-None-Match", ifNoneMatch), ("If-Modified-Since", ifModifiedSince)];
        using var response = await SendAsync(HttpMethod.Get, "/events/1", headers);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotModified)
        {
            Assert.NotNull(response.Headers.ETag);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    // §13.2.2 step 2: If-Unmodified-Since when there is no If-Match.
    [Theory]
    [InlineData(null, "Thu, 29 Feb 2024 12:30:14 GMT", HttpStatusCode.PreconditionFailed)]
    [InlineData(null, "Thu, 29 Feb 2024 12:30:15 GMT", HttpStatusCode.OK)]
    [InlineData("*", "Thu, 29 Feb 2024 12:30:14 GMT", HttpStatusCode.OK)]
    public async Task IfUnmodifiedSince_OnlyWithoutIfMatch(string? ifMatch, string ifUnmodifiedSince, HttpStatusCode expected)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put })
        {
            var headers = ifMatch is null
                ? new[] { ("If-Unmodified-Since", ifUnmodifiedSince) }
                : [("If-Match", ifMatch), ("If-Unmodified-Since", ifUnmodifiedSince)];
            using var response = await SendAsync(method, "/events/1", headers);

            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Answers428ProblemBeforeTheHandlerRuns()
    {
        await ResetAsync(7);
        using var response = await SendAsync(HttpMethod.Put, "/documents/7", new { text = "second" });
        using var delete = await SendAsync(HttpMethod.Delete, "/documents/7");

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(428, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Precondition Required", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal((HttpStatusCode)428, delete.StatusCode);

        using var unchanged = await _client.GetAsync("/documents/7");
        Assert.Equal("\"1\"", unchanged.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Put_IfMatch_StaleAnswers412_CurrentWritesAndAnswersTheNewETag()
    {
        await ResetAsync(8);
        using var stale = await SendAsync(HttpMethod.Put, "/documents/8", new { text = "second" }, ("If-Match", "\"0\""));
        using var weak = await SendAsync(HttpMethod.Put, "/documents/8", new { text = "second" }, ("If-Match", "W/\"1\""));
        using var current = await SendAsync(HttpMethod.Put, "/documents/8", new { text = "second" }, ("If-Match", "\"1\""));
        using var replayed = await SendAsync(HttpMethod.Put, "/documents/8", new { text = "third" }, ("If-Match", "\"1\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal(412, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.PreconditionFailed, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"2\"", current.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, replayed.StatusCode);
    }

    // §13.2.2 step 3 for a method other than GET/HEAD: a matching If-None-Match answers 412.
    [Theory]
    [InlineData("*", HttpStatusCode.PreconditionFailed)]
    [InlineData("W/\"1\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("\"5\"", HttpStatusCode.OK)]
    public async Task Patch_IfNoneMatch_MatchingAnswers412(string ifNoneMatch, HttpStatusCode expected)
    {
        await ResetAsync(9);
        using var response = await SendAsync(HttpMethod.Patch, "/documents/9", new { text = "second" }, ("If-None-Match", ifNoneMatch));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Patch_WithoutPreconditions_IsAllowed()
    {
        await ResetAsync(10);
        using var response = await SendAsync(HttpMethod.Patch, "/documents/10", new { text = "second" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task ConcurrentPuts_WithTheSameIfMatch_ExactlyOneWinsTheRestAnswer412()
    {
        await ResetAsync(11);
        const int writers = 16;
        var responses = await Task.WhenAll(Enumerable.Range(0, writers).Select(i =>
            SendAsync(HttpMethod.Put, "/documents/11", new { text = $"writer {i}" }, ("If-Match", "\"1\""))));
        try
        {
            var winners = responses.Where(static r => r.StatusCode == HttpStatusCode.OK).ToList();
            var winner = Assert.Single(winners);
            Assert.All(responses.Except(winners), static r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));

            var written = await winner.Content.ReadFromJsonAsync<JsonElement>();
            using var stored = await _client.GetAsync("/documents/11");
            var read = await stored.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(written.GetProperty("text").GetString(), read.GetProperty("text").GetString());
            Assert.Equal(2, read.GetProperty("version").GetInt32());
            Assert.Equal("\"2\"", stored.Headers.ETag?.ToString());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    /// <summary>
    /// The list reading is Resourceful's own (no parsing into objects on the 304 path); ASP.NET Core's
    /// <see cref="EntityTagHeaderValue.TryParseList"/> with weak comparison is the oracle for every list it accepts.
    /// </summary>
    [Theory]
    [InlineData("\"1\"")]
    [InlineData("\"1\",")]
    [InlineData(", ,\"1\"")]
    [InlineData("W/\"1\"")]
    [InlineData("w/\"1\"")]
    [InlineData("\"2\"")]
    [InlineData("\"\"")]
    [InlineData("\"2\",\"1\"")]
    [InlineData("\"2\" ,\t W/\"1\"")]
    [InlineData("\"1 \"")]
    [InlineData("\"x,1\"")]
    [InlineData("\"2\", *")]
    [InlineData("*")]
    [InlineData("\"11\"")]
    [InlineData("1")]
    public async Task IfNoneMatch_ListReading_AgreesWithEntityTagHeaderValue(string header)
    {
        await ResetAsync(12);
        if (!EntityTagHeaderValue.TryParseList([header], out var tags))
        {
            return;
        }

        var current = new EntityTagHeaderValue("\"1\"");
        var oracle = tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
        using var response = await SendAsync(HttpMethod.Get, "/documents/12", ("If-None-Match", header));

        Assert.Equal(oracle ? HttpStatusCode.NotModified : HttpStatusCode.OK, response.StatusCode);
    }
}
