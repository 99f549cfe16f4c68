using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// §2, row 10: a body over the endpoint's limit answers <c>413</c> and changes nothing. <c>/semantics/limited</c>
/// allows 100 bytes (<c>[Resource(MaxBodySize = 100)]</c>), its PUT 1000 and its PATCH 50 (the method's own limit
/// wins). Bodies with a Content-Length are tried on TestServer and on Kestrel; chunked bodies, which only a real
/// server limits while reading, and Kestrel's own limit, on Kestrel.
/// </summary>
public sealed class ContentTooLargeTests
{
    /// <summary>A valid item padded with JSON whitespace to exactly <paramref name="size"/> bytes.</summary>
    private static string ItemOfSize(int size)
    {
        const string Item = """{"name":"Washer","quantity":5}""";
        return Item[..^1] + new string(' ', size - Item.Length) + "}";
    }

    private static HttpRequestMessage Send(HttpMethod method, string path, string json, bool chunked = false)
    {
        HttpContent content = chunked ? new ChunkedContent(json) : Json(json);
        return new HttpRequestMessage(method, path) { Content = content };
    }

    private static Task<SemanticsHost> StartAsync(bool kestrel) => SemanticsHost.StartAsync(new SemanticsHostOptions { Kestrel = kestrel });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_OverTheResourceLimit_Answers413Problem(bool kestrel)
    {
        await using var host = await StartAsync(kestrel);

        using var response = await SendWithoutChangeAsync(host, Send(HttpMethod.Post, "/semantics/limited", ItemOfSize(101)), HttpStatusCode.RequestEntityTooLarge);

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.14", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("Content Too Large", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(
            "The request body is larger than this endpoint's limit of 100 bytes.",
            problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_AtTheResourceLimit_IsAccepted(bool kestrel)
    {
        await using var host = await StartAsync(kestrel);

        using var response = await host.Client.SendAsync(Send(HttpMethod.Post, "/semantics/limited", ItemOfSize(100)));

        Status(response, HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Put_OverTheResourceLimitButUnderItsOwn_IsAccepted(bool kestrel)
    {
        await using var host = await StartAsync(kestrel);

        using var response = await host.Client.SendAsync(Send(HttpMethod.Put, "/semantics/limited/1", ItemOfSize(900)));

        Status(response, HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Put_OverItsOwnLimit_Answers413(bool kestrel)
    {
        await using var host = await StartAsync(kestrel);

        using var response = await SendWithoutChangeAsync(host, Send(HttpMethod.Put, "/semantics/limited/1", ItemOfSize(1001)), HttpStatusCode.RequestEntityTooLarge);

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("limit of 1000 bytes", problem.RootElement.GetProperty("detail").GetString(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Patch_OverItsOwnSmallerLimit_Answers413(bool kestrel)
    {
        await using var host = await StartAsync(kestrel);
        var patch = """{"quantity":3}""" + new string(' ', 40);

        using var small = await host.Client.SendAsync(Send(HttpMethod.Patch, "/semantics/limited/1", """{"quantity":3}"""));
        using var large = await SendWithoutChangeAsync(host, Send(HttpMethod.Patch, "/semantics/limited/1", patch), HttpStatusCode.RequestEntityTooLarge);

        Status(small, HttpStatusCode.OK, await small.Content.ReadAsStringAsync());
        Assert.Equal(54, Encoding.UTF8.GetByteCount(patch));
    }

    [Fact]
    public async Task Post_ChunkedOverTheLimit_Answers413OnKestrel()
    {
        await using var host = await StartAsync(kestrel: true);

        using var response = await SendWithoutChangeAsync(host, Send(HttpMethod.Post, "/semantics/limited", ItemOfSize(400), chunked: true), HttpStatusCode.RequestEntityTooLarge);

        // Kestrel finds the size while reading, so the detail is its own.
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Request body too large. The max request body size is 100 bytes.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_OverTheLimitAndNotJson_Answers413First(bool kestrel)
    {
        await using var host = await StartAsync(kestrel);
        var content = new StringContent(ItemOfSize(500), Encoding.UTF8, "text/plain");

        using var response = await SendWithoutChangeAsync(host, new HttpRequestMessage(HttpMethod.Post, "/semantics/limited") { Content = content }, HttpStatusCode.RequestEntityTooLarge);

        await ResponseAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_ChunkedUnderTheLimit_IsAcceptedOnKestrel()
    {
        await using var host = await StartAsync(kestrel: true);

        // One 60-byte chunk: 60 bytes of data and 7 of chunk framing.
        using var response = await host.Client.SendAsync(Send(HttpMethod.Post, "/semantics/limited", ItemOfSize(60), chunked: true));

        Status(response, HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_ChunkedJustUnderTheLimit_IsRefusedBecauseKestrelCountsTheChunkFraming()
    {
        await using var host = await StartAsync(kestrel: true);

        // 98 bytes of JSON in two chunks ("40\r\n"...): Kestrel counts chunk sizes and CRLFs toward the limit too.
        using var response = await SendWithoutChangeAsync(host, Send(HttpMethod.Post, "/semantics/limited", ItemOfSize(98), chunked: true), HttpStatusCode.RequestEntityTooLarge);

        await ResponseAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_ChunkedOverTheLimit_ProblemIsTitledContentTooLarge()
    {
        await using var host = await StartAsync(kestrel: true);

        using var response = await SendWithoutChangeAsync(host, Send(HttpMethod.Post, "/semantics/limited", ItemOfSize(400), chunked: true), HttpStatusCode.RequestEntityTooLarge);

        // The problem's type is RFC 9110 §15.5.14 (413), so its title is that status's, whoever detected the size.
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.14", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("Content Too Large", problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_WithoutALimitOfItsOwn_AcceptsLargeBodies(bool kestrel)
    {
        await using var host = await StartAsync(kestrel);

        using var response = await host.Client.SendAsync(Send(HttpMethod.Post, "/semantics/items", ItemOfSize(100_000)));

        Status(response, HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_WithoutALimitOfItsOwn_IsHeldToKestrelsLimit(bool chunked)
    {
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions
        {
            Kestrel = true,
            ConfigureKestrel = static kestrel => kestrel.Limits.MaxRequestBodySize = 200,
        });

        // Chunk framing counts toward Kestrel's limit, so the accepted body stays clear of it.
        using var under = await host.Client.SendAsync(Send(HttpMethod.Post, "/semantics/items", ItemOfSize(chunked ? 150 : 200), chunked));
        using var over = await SendWithoutChangeAsync(host, Send(HttpMethod.Post, "/semantics/items", ItemOfSize(201), chunked), HttpStatusCode.RequestEntityTooLarge);

        Status(under, HttpStatusCode.Created, await under.Content.ReadAsStringAsync());
        await ResponseAssert.ProblemAsync(over, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Put_WithItsOwnLimit_ReplacesKestrelsLimit()
    {
        // Endpoint metadata sets the server's limit for the request, as [RequestSizeLimit] does, larger or smaller.
        await using var host = await SemanticsHost.StartAsync(new SemanticsHostOptions
        {
            Kestrel = true,
            ConfigureKestrel = static kestrel => kestrel.Limits.MaxRequestBodySize = 200,
        });

        using var response = await host.Client.SendAsync(Send(HttpMethod.Put, "/semantics/limited/1", ItemOfSize(900), chunked: true));

        Status(response, HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>JSON sent without a Content-Length, so the server learns the size only while reading.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // Several writes, so the body really arrives in more than one chunk.
            for (var offset = 0; offset < _bytes.Length; offset += 64)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(64, _bytes.Length - offset)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
