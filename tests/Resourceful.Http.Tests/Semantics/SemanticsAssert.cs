using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>Requests and assertions the HTTP semantics tests share.</summary>
public static class SemanticsAssert
{
    /// <summary>A JSON body, as clients send one.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A request whose headers are sent exactly as written (an <c>Accept</c> with q-values, say).</summary>
    public static HttpRequestMessage Request(HttpMethod method, string uri, HttpContent? content = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        foreach (var (name, value) in headers)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value), $"Could not add header {name}");
        }

        return request;
    }

    /// <summary>A response header wherever HttpClient filed it (<c>Allow</c> is a content header there), values joined.</summary>
    public static string? Header(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
        {
            return string.Join(", ", values);
        }

        return null;
    }

    /// <summary>The <c>Allow</c> header as written: OPTIONS and 405 answers list methods in RFC 9110 order.</summary>
    public static string? Allow(HttpResponseMessage response) => Header(response, "Allow");

    /// <summary>
    /// The <c>Allow</c> header's methods in RFC 9110 order, whatever order the server wrote them in (ASP.NET Core
    /// routing's own 405, for minimal APIs, lists a path's methods alphabetically).
    /// </summary>
    public static string? AllowedMethods(HttpResponseMessage response)
    {
        string[] order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
        return Allow(response) is { } allow
            ? string.Join(", ", allow.Split(',', System.StringSplitOptions.TrimEntries | System.StringSplitOptions.RemoveEmptyEntries)
                .OrderBy(method => System.Array.IndexOf(order, method) is var rank and >= 0 ? rank : order.Length)
                .ThenBy(method => method, System.StringComparer.Ordinal))
            : null;
    }

    public static void Status(HttpResponseMessage response, HttpStatusCode expected, string body)
        => Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");

    /// <summary>
    /// Sends a request that must be answered with <paramref name="status"/> (a refusal, mostly), then proves that it changed no stored
    /// data and that the server still answers. Returns the response (the caller disposes it) with its body read.
    /// </summary>
    public static async Task<HttpResponseMessage> SendWithoutChangeAsync(SemanticsHost host, HttpRequestMessage request, HttpStatusCode status)
    {
        var before = host.Store.Snapshot();

        var response = await host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Status(response, status, body);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(before, host.Store.Snapshot());
        await StillServingAsync(host.Client);
        return response;
    }

    /// <summary>The server still answers an ordinary request after whatever came before.</summary>
    public static async Task StillServingAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/semantics/items");
        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.OK, body);
        Assert.StartsWith("[{\"id\":", body, System.StringComparison.Ordinal);
    }

    /// <summary>A 400 validation problem whose <c>errors</c> has exactly <paramref name="fields"/> as keys.</summary>
    public static async Task ValidationProblemWithExactlyAsync(HttpResponseMessage response, params string[] fields)
    {
        await ResponseAssert.ValidationProblemAsync(response, fields);
        using var document = await ResponseAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var keys = document.RootElement.GetProperty("errors").EnumerateObject().Select(static e => e.Name).Order().ToArray();
        Assert.Equal(fields.Order().ToArray(), keys);
    }

    /// <summary>The messages of one <c>errors</c> member of a problem.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsOfAsync(HttpResponseMessage response, string field)
    {
        using var document = await ResponseAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        return document.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(static m => m.GetString() ?? string.Empty).ToArray();
    }

    /// <summary>A <c>Location</c> that, resolved against the server's URI as a browser resolves it, stays on the server.</summary>
    public static void SameOrigin(Uri server, string? location)
    {
        if (location is null)
        {
            return;
        }

        Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), location);

        // Browsers read a backslash as a slash (WHATWG URL), as System.Uri does for http URIs.
        var resolved = new Uri(server, location);
        Assert.True(
            string.Equals(resolved.Authority, server.Authority, StringComparison.OrdinalIgnoreCase) && resolved.Scheme == server.Scheme,
            $"Location '{location}' leaves {server.Authority} for {resolved.Authority}");
    }
}
