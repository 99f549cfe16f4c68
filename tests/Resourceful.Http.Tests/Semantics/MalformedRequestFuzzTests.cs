using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Resourceful.Http.Tests.Resources;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// No request a client can send answers <c>5xx</c>, redirects off the app's origin, or changes stored data: a
/// scripted corpus of malformed requests (bad headers, charsets, framing, JSON, route and query values, huge values,
/// odd methods, bad <c>Accept</c> and <c>Content-Type</c>) sent over raw sockets to Kestrel, in Production, against
/// every resource of this project (every binding kind). Every request in it is malformed: none may change data.
/// </summary>
public sealed class MalformedRequestFuzzTests(KestrelSemanticsHostFixture fixture) : IClassFixture<KestrelSemanticsHostFixture>
{
    [Fact]
    public async Task Corpus_OfMalformedRequests_NeverAnswers5xxLeavesTheOriginOrChangesData()
    {
        var server = fixture.Client.BaseAddress!;
        var corpus = MalformedRequestCorpus.Build(server.Authority);
        Assert.True(corpus.Count >= 500, $"The corpus has only {corpus.Count} requests.");
        var books = fixture.Host.App.Services.GetRequiredService<BookStore>();
        var before = (Items: fixture.Store.Snapshot(), Books: books.List(int.MaxValue).Count);

        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, _) =>
        {
            var response = await RawHttp.SendAsync(server, request.Bytes, request.EndRequest, TimeSpan.FromSeconds(5));
            if (response.Status >= 500)
            {
                failures.Enqueue($"{request.Name}: {response.Status}\n{response.Text}");
            }
            else if (response.Status == 0 && !request.EndRequest)
            {
                // A whole request, however malformed, gets an answer; silence would hide what the server did.
                failures.Enqueue($"{request.Name}: no response{(response.TimedOut ? " (timed out)" : string.Empty)}");
            }

            try
            {
                SameOrigin(server, response.Header("Location"));
            }
            catch (Exception exception)
            {
                failures.Enqueue($"{request.Name}: {exception.Message}");
            }
        });

        var exceptions = fixture.Host.Logs.Exceptions().Select(static e => e.GetType().Name + ": " + e.Message + " <- " + e.InnerException?.GetType().Name).Distinct();
        Assert.True(
            failures.IsEmpty,
            $"{failures.Count} of {corpus.Count} requests failed:\n" + string.Join("\n\n", failures.Take(20).Select(static f => f.Length > 300 ? f[..300] : f))
            + "\nLogged exceptions: " + string.Join("\n", exceptions));
        Assert.Equal(before, (fixture.Store.Snapshot(), books.List(int.MaxValue).Count));
        Assert.DoesNotContain(fixture.Host.Logs.Errors, static e => e.Category == "Resourceful");
        await StillServingAsync(fixture.Client);
    }
}

/// <summary>One malformed request: its bytes, and whether the client ends its side after them (a truncated request).</summary>
public sealed record MalformedRequest(string Name, byte[] Bytes, bool EndRequest = false);

/// <summary>The scripted corpus: every request in it is malformed, so none may change stored data.</summary>
public static class MalformedRequestCorpus
{
    // The endpoints that write to the stores, which get every broken body, charset and Content-Type.
    private static readonly string[] WritingEndpoints = ["POST /semantics/items", "PUT /semantics/items/1", "PATCH /semantics/items/1", "POST /books"];

    // Every other endpoint that reads a JSON body (with a body limit, an optional body, an explicit [FromBody]).
    private static readonly string[] OtherJsonEndpoints =
    [
        "POST /semantics/limited", "PUT /semantics/limited/1", "PATCH /semantics/limited/2", "POST /body/explicit",
        "POST /body/inferred", "PUT /body/1", "PATCH /body/1", "POST /body/optional", "POST /semantics/articles",
        "PUT /semantics/queries/by-id/1",
    ];

    private static readonly string[] RawBodyEndpoints = ["POST /raw/stream", "POST /raw/pipe"];

    // Form endpoints without antiforgery (this app has no UseAntiforgery), a field and a file one.
    private static readonly string[] FormEndpoints = ["POST /forms/open", "POST /forms/open-file"];

    // Broken forms: multipart without or with a bad boundary, truncated, over FormOptions' limits; urlencoded with
    // broken escapes, huge keys, too many values. Each answers 400, 413 or 415, never 5xx.
    private static readonly (string ContentType, string Body)[] BrokenForms =
    [
        ("multipart/form-data", "--b\r\n\r\n--b--"),
        ("multipart/form-data; boundary=", "--\r\n"),
        ("multipart/form-data; boundary=" + new string('b', 200), "--b"),
        ("multipart/form-data; boundary=b", ""),
        ("multipart/form-data; boundary=b", "--b"),
        ("multipart/form-data; boundary=b", "--b\r\n"),
        ("multipart/form-data; boundary=b", "garbage"),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc"),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\nmany\r\n--b--\r\n"),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\nX: " + new string('x', 20_000) + "\r\n\r\na\r\n--b--\r\n"),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: \r\n\r\na\r\n--b--\r\n"),
        ("multipart/form-data; boundary=b", "--b\r\nno colon here\r\n\r\na\r\n--b--\r\n"),
        ("multipart/form-data; boundary=b", string.Concat(Enumerable.Repeat("--b\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\nv\r\n", 1100)) + "--b--\r\n"),
        ("application/x-www-form-urlencoded", "%"),
        ("application/x-www-form-urlencoded", "name=%zz&count=%E0%A4%A"),
        ("application/x-www-form-urlencoded", "=&=&&="),
        ("application/x-www-form-urlencoded", new string('k', 3000) + "=v"),
        ("application/x-www-form-urlencoded", "name=" + new string('v', 5_000_000)),
        ("application/x-www-form-urlencoded", string.Join("&", Enumerable.Range(0, 2000).Select(static i => "k" + i.ToString(CultureInfo.InvariantCulture) + "=v"))),
        ("application/x-www-form-urlencoded; charset=bogus", "name=a"),
        ("text/plain", "name=a"),
        ("application/json", "{\"name\":\"a\"}"),
    ];

    // A value that fits each body type's members (NewStockItem, NewBook, the patches) as far as JSON goes; the
    // corpus only ever sends broken forms of it.
    private const string Whole = """{"name":"Washer","quantity":5,"title":"Dune","pages":3}""";

    // Bodies that are not JSON, or JSON that no body type binds: each answers 400 (or 413/415), never stores.
    private static readonly string[] BrokenBodies =
    [
        "{", "}", "[", "]", "[]", "null", "\"text\"", "123", "true", "{,}", "{\"name\":}", "{\"name\"}", "{name:\"Washer\"}",
        "{'name':'Washer'}", "{\"name\":\"Washer\",}", "{\"name\":\"Washer\" \"quantity\":5}", Whole + "}", Whole + "x",
        Whole + Whole, "}" + Whole, Whole.Replace(':', '='), Whole.Replace(',', ';'), "[" + Whole + "]",
        "/* c */" + Whole, Whole[..^1] + ",}", "{\"name\":1,\"quantity\":\"x\",\"title\":1,\"pages\":\"x\",\"sku\":1}",
        "{\"name\":\"Washer\",\"quantity\":99999999999999999999,\"pages\":99999999999999999999}",
        "{\"name\":\"Washer\",\"quantity\":1.5,\"pages\":1.5}", "{\"name\":\"Washer\",\"quantity\":1e999,\"pages\":-1e999}",
        "{\"name\":\"Washer\",\"quantity\":NaN,\"pages\":NaN}", "{\"name\":[],\"quantity\":{},\"title\":{},\"pages\":[]}",
        "{\"name\":\"\\uD800\",\"quantity\":\"\\u0000\",\"title\":\"\\uDFFF\",\"pages\":\"\\x\"}",
        new string('[', 5000), "{\"name\":" + new string('[', 3000), new string('{', 2000), "\"" + new string('a', 100_000),
        "{\"name\":\"" + new string('a', 200_000) + "\",\"quantity\":\"x\",\"pages\":\"x\"}",
    ];

    private static readonly string[] BadCharsets =
    [
        "charset=windows-1252", "charset=utf-7", "charset=\"utf-7\"", "charset=bogus", "charset=", "charset=\"\"",
        "charset=\"utf-8", "charset=utf-8\"", "charset=utf-16", "charset=\"UTF-8\"", "charset=iso-8859-1",
        "charset=utf-32BE", "charset=ibm037", "charset=x-mac-japanese", "charset=*", "charset=utf-8; charset=bogus",
        "charset", "charset==utf-8", "charset=\u00ff",
    ];

    private static readonly string[] BadContentTypes =
    [
        "", "application/", "/json", "application", "application/json;;;", "application/json; boundary=\"",
        "application/json, text/plain", "text/json", "application/problem+json", "application/json-patch+json",
        "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=", "*/*",
        "application/json\u00ff", "application/json; " + new string('x', 5000), "application/json; q=\"",
    ];

    private static readonly string[] GetTargets =
    [
        "/route/ints/abc", "/route/ints/99999999999999999999", "/route/ints/%", "/route/ints/%ZZ", "/route/ints/1%00",
        "/route/longs/-", "/route/guids/xyz", "/route/guids/%7B%7D", "/route/days/2020-13-45", "/route/days/%FF",
        "/route/colors/Purple", "/route/colors/999", "/route/colors/%C0%AF", "/route/skus/%%", "/route/skus/-",
        "/route/constrained/x", "/route/ranges/0", "/route/ranges/11", "/route/renamed/x", "/route/pairs/x/y",
        "/route/pages/x", "/route/defaults/x", "/route/names/..%2F..%2Fetc", "/route/names/%2e%2e", "/route/names/\u00e9",
        "/semantics/items/abc", "/semantics/items/-1", "/semantics/items/2147483648", "/semantics/items/1/label/x",
        "/semantics/queries/by-id/%00", "/semantics/described/x",
        "/query/required-int", "/query/required-int?value=abc", "/query/required-int?value=", "/query/required-int?value=1e5",
        "/query/required-int?value=%FF", "/query/required-int?value=1&value=x", "/query/optional-int?value=x",
        "/query/defaulted?page=x", "/query/required-string", "/query/flags?flag=maybe", "/query/numbers?amount=x&ratio=y",
        "/query/numbers?amount=1e400&ratio=1e400", "/query/date-times?at=garbage", "/query/date-times?at=9999-99-99",
        "/query/date-time-offsets?at=now", "/query/times?at=25:61", "/query/colors?color=99", "/query/colors?color=",
        "/query/skus?sku=bad", "/query/ids?ids=1&ids=x", "/query/ids?ids=99999999999", "/query/tags?tags=%",
        "/query/search?&&&=&=", "/query/search?%", "/query/required-int?value=" + new string('9', 6000),
        "/bind-async/tenant", "/bind-async/slice?page=x", "/bind-async/point",
        "/bind-async/marker?marker=%FF", "/headers/required", "/results/books/x", "/parity/books/x",
        "/old-root//evil.com", "/old-root///evil.com", "/old-root/\\evil.com", "/old-root//\\evil.com/x",
        "/old-wiki//evil.com/phish", "/old-wiki/%2F%2Fevil.com", "/semantics/old-articles//evil.com",
        "/semantics/legacy/%2F%2Fevil.com", "//evil.com", "///evil.com", "/\\evil.com", "/..", "/./.", "/%2e%2e/%2e%2e",
    ];

    private static readonly string[] BadHeaders =
    [
        "X-Count: abc", "X-Count: 99999999999", "X-Count:", "X-Count: 1\r\nX-Count: x", "X-Request-Tag:",
        "X-Tenant:", "X-Tenant: \u00ff\u00fe", "Accept: ;;;", "Accept: */*;q=abc", "Accept: text/plain;foo=\"x,*/*;q=1\"",
        "Accept: application/json;q=0", "Accept: ,,,", "Accept: \"", "Accept: text/*;q=2, */*;q=-1", "Accept: " + new string('a', 6000),
        "Accept: application/json;q=0.0000001", "Accept: */*;q=", "Accept-Charset: bogus", "Accept-Encoding: \u00ff",
        "If-None-Match: \"", "If-None-Match: *", "If-Match: W/", "If-Modified-Since: yesterday", "Range: bytes=9-1",
        "Cookie: ;;;=;", "Authorization: Bearer", "Origin: null", "X-Forwarded-For: ::::", "Content-Length: 0",
        "Expect: 100-continue", "Expect: bogus", "Connection: close, upgrade", "Upgrade: websocket", "Host: x",
    ];

    // Header lines and request lines Kestrel must refuse itself: answered 400/4xx before any app code runs.
    private static readonly string[] BrokenHeads =
    [
        "GET /semantics/items HTTP/1.1\r\nHost: {0}\r\nNo-Colon\r\n\r\n",
        "GET /semantics/items HTTP/1.1\r\nHost: {0}\r\nX-A : b\r\n\r\n",
        "GET /semantics/items HTTP/1.1\r\nHost: {0}\r\nX-A: b\r\n folded\r\n\r\n",
        "GET /semantics/items HTTP/1.1\r\nHost: {0}\r\nX-A: a\u0000b\r\n\r\n",
        "GET /semantics/items HTTP/1.1\r\nHost: {0}\r\n: empty\r\n\r\n",
        "GET /semantics/items HTTP/1.1\r\nHost: {0}\r\nX-A: b\n\r\n",
        "GET /semantics/items HTTP/1.1\r\n\r\n",
        "GET /semantics/items HTTP/1.1\r\nHost: {0}\r\nHost: other\r\n\r\n",
        "GET /semantics/items HTTP/1.1\r\nHost: a b\r\n\r\n",
        "GET /semantics/items HTTP/1.1\r\nHost: {0}\r\nX-Big: " + new string('b', 40_000) + "\r\n\r\n",
        "GET /semantics/items HTTP/1.1\r\nHost: {0}\r\n" + string.Concat(Enumerable.Repeat("X-Many: 1\r\n", 200)) + "\r\n",
        "GET /" + new string('a', 10_000) + " HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "GET /semantics/items\r\nHost: {0}\r\n\r\n",
        "GET  /semantics/items  HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "GET semantics/items HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "GET * HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "GET http://evil.com/old-root//evil.com HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "GET http://{0}/old-root//evil.com HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "CONNECT evil.com:443 HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "CONNECT /semantics/items HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "G ET /semantics/items HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "G@T /semantics/items HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "\u00ff\u00ff /semantics/items HTTP/1.1\r\nHost: {0}\r\n\r\n",
        new string('A', 300) + " /semantics/items HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "GET /semantics/items?\u0001 HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "GET /semantics/items#frag HTTP/1.1\r\nHost: {0}\r\n\r\n",
        "GET /semantics/items HTTP/1.0\r\n\r\n",
        "HELLO\r\n\r\n",
        "GET /semantics/items HTTP/1.1\r\nHost: {0}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
        "POST /semantics/items HTTP/1.1\r\nHost: {0}\r\nContent-Length: 5\r\nContent-Length: 6\r\nContent-Type: application/json\r\n\r\n{\"a\":",
        "POST /semantics/items HTTP/1.1\r\nHost: {0}\r\nContent-Length: -1\r\nContent-Type: application/json\r\n\r\n",
        "POST /semantics/items HTTP/1.1\r\nHost: {0}\r\nContent-Length: abc\r\nContent-Type: application/json\r\n\r\n",
        "POST /semantics/items HTTP/1.1\r\nHost: {0}\r\nContent-Length: 99999999999999999999\r\nContent-Type: application/json\r\n\r\n",
        "POST /semantics/items HTTP/1.1\r\nHost: {0}\r\nTransfer-Encoding: gzip\r\nContent-Type: application/json\r\n\r\n{\"a\":",
        "POST /semantics/items HTTP/1.1\r\nHost: {0}\r\nTransfer-Encoding: chunked, gzip\r\nContent-Type: application/json\r\n\r\n1\r\n{\r\n0\r\n\r\n",
    ];

    // Chunked framings of a broken body that Kestrel cannot read to the end.
    private static readonly string[] BadChunkings =
    [
        "FFFFFFFFFFFFFFFFFFFF\r\n{{}}\r\n0\r\n\r\n", "-1\r\n{{\r\n0\r\n\r\n", "zz\r\n{{\r\n0\r\n\r\n", "0x10\r\n{{\r\n0\r\n\r\n",
        "2\r\n{{\"name\"\r\n0\r\n\r\n", "1\r\n{{0\r\n\r\n", "1;ext\u0000=1\r\n{{\r\n0\r\n\r\n", "1\r\n{{\r\n0\r\nX-Trailer: \u0000\r\n\r\n",
        " 1\r\n{{\r\n0\r\n\r\n", "1 \r\n{{\r\n0\r\n\r\n", "\r\n{{\r\n0\r\n\r\n", "1\n{{\n0\n\n",
        "1\r\n{{\r\n" + new string('f', 100) + "\r\n\r\n",
    ];

    // Methods no endpoint declares, on paths that exist; lower-case "get" is a different method (RFC 9110 §9.1).
    private static readonly string[] OddMethods = ["TRACE", "PROPFIND", "MKCOL", "LOCK", "PURGE", "FOO", "QUERY", "get", "M-SEARCH", "PRI"];

    private static readonly string[] OddMethodPaths = ["/semantics/items", "/semantics/items/1", "/books", "/raw/stream", "/", "/old-root//evil.com"];

    public static IReadOnlyList<MalformedRequest> Build(string authority)
    {
        var corpus = new List<MalformedRequest>();
        var truncatedWhole = Encoding.UTF8.GetBytes(Whole[..^1]);

        foreach (var endpoint in WritingEndpoints)
        {
            foreach (var body in BrokenBodies)
            {
                corpus.Add(Body($"{endpoint} {Shorten(body)}", endpoint, authority, "application/json", Encoding.UTF8.GetBytes(body)));
            }

            foreach (var charset in BadCharsets)
            {
                corpus.Add(Body($"{endpoint} {charset}", endpoint, authority, "application/json; " + charset, truncatedWhole));
            }

            foreach (var contentType in BadContentTypes)
            {
                corpus.Add(Body($"{endpoint} Content-Type {Shorten(contentType)}", endpoint, authority, contentType, truncatedWhole));
            }
        }

        foreach (var endpoint in OtherJsonEndpoints)
        {
            foreach (var body in BrokenBodies.Where(static (_, index) => index % 4 == 0))
            {
                corpus.Add(Body($"{endpoint} {Shorten(body)}", endpoint, authority, "application/json", Encoding.UTF8.GetBytes(body)));
            }

            corpus.Add(Body($"{endpoint} charset=bogus", endpoint, authority, "application/json; charset=bogus", truncatedWhole));
            corpus.Add(Body($"{endpoint} charset=\"utf-8\"", endpoint, authority, "application/json; charset=\"utf-8\"", truncatedWhole));
            corpus.Add(Body($"{endpoint} text/plain", endpoint, authority, "text/plain", truncatedWhole));
        }

        // Every proper prefix of an object is incomplete JSON.
        foreach (var endpoint in new[] { "POST /semantics/items", "PATCH /semantics/items/1", "POST /books" })
        {
            for (var length = 0; length < Whole.Length; length += 3)
            {
                corpus.Add(Body($"{endpoint} truncated to {length}", endpoint, authority, "application/json", Encoding.UTF8.GetBytes(Whole[..length])));
            }

            corpus.Add(Body($"{endpoint} invalid UTF-8", endpoint, authority, "application/json", [(byte)'{', 0xFF, 0xFE, (byte)'"', 0xC3, (byte)'"', (byte)'}']));
            corpus.Add(Body($"{endpoint} NUL", endpoint, authority, "application/json", [(byte)'{', 0, (byte)'}']));
        }

        foreach (var endpoint in WritingEndpoints.Concat(RawBodyEndpoints).Append("POST /semantics/limited"))
        {
            var (method, path) = Split(endpoint);
            foreach (var chunking in BadChunkings)
            {
                var head = $"{method} {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
                corpus.Add(new MalformedRequest($"{endpoint} chunked {Shorten(chunking)}", Latin1(head + chunking.Replace("{{", "{", StringComparison.Ordinal))));
            }

            // A body shorter than its Content-Length, and a chunk cut short: the client ends its side inside the body.
            corpus.Add(new MalformedRequest(
                $"{endpoint} Content-Length longer than the body",
                Latin1($"{method} {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{Whole}"),
                EndRequest: true));
            corpus.Add(new MalformedRequest(
                $"{endpoint} chunk cut short",
                Latin1($"{method} {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{Whole[..10]}"),
                EndRequest: true));
            corpus.Add(new MalformedRequest(
                $"{endpoint} chunks that never end",
                Latin1($"{method} {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{{\r\n1\r\n"),
                EndRequest: true));
            corpus.Add(new MalformedRequest(
                $"{endpoint} body over the limit",
                Latin1($"{method} {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{Whole}"),
                EndRequest: true));
        }

        foreach (var endpoint in FormEndpoints)
        {
            foreach (var (contentType, body) in BrokenForms)
            {
                corpus.Add(Body($"{endpoint} {Shorten(contentType)} {Shorten(body)}", endpoint, authority, contentType, Encoding.UTF8.GetBytes(body)));
            }

            // A multipart body cut short on the wire: the client ends its side inside it.
            var (method, path) = Split(endpoint);
            corpus.Add(new MalformedRequest(
                $"{endpoint} multipart Content-Length longer than the body",
                Latin1($"{method} {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 5000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nab"),
                EndRequest: true));
        }

        foreach (var target in GetTargets)
        {
            corpus.Add(new MalformedRequest($"GET {Shorten(target)}", Latin1($"GET {target} HTTP/1.1\r\nHost: {authority}\r\n\r\n")));
            corpus.Add(new MalformedRequest($"HEAD {Shorten(target)}", Latin1($"HEAD {target} HTTP/1.1\r\nHost: {authority}\r\n\r\n")));
        }

        foreach (var header in BadHeaders)
        {
            foreach (var path in new[] { "/headers/typed", "/semantics/items/1" })
            {
                corpus.Add(new MalformedRequest($"GET {path} {Shorten(header)}", Latin1($"GET {path} HTTP/1.1\r\nHost: {authority}\r\n{header}\r\n\r\n")));
            }
        }

        foreach (var head in BrokenHeads)
        {
            corpus.Add(new MalformedRequest(Shorten(head), Latin1(head.Replace("{0}", authority, StringComparison.Ordinal))));
        }

        // Empty lines before a request line are allowed (RFC 9112 §2.2), so the server waits for the request itself.
        corpus.Add(new MalformedRequest("only empty lines", Latin1("\r\n\r\n"), EndRequest: true));

        foreach (var method in OddMethods)
        {
            foreach (var path in OddMethodPaths)
            {
                corpus.Add(new MalformedRequest($"{method} {path}", Latin1($"{method} {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Length: 1\r\n\r\n{{")));
            }
        }

        return corpus;
    }

    private static MalformedRequest Body(string name, string endpoint, string authority, string contentType, byte[] body)
    {
        var (method, path) = Split(endpoint);
        var head = $"{method} {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        return new MalformedRequest(name, RawHttp.Request(head, body));
    }

    private static (string Method, string Path) Split(string endpoint)
    {
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        return (endpoint[..space], endpoint[(space + 1)..]);
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + $"…({text.Length})";
}
