using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Resourceful.Http.Tests.Hosting;

/// <summary>Assertions on whole responses, so each test states the status, the media type and the body it expects.</summary>
public static class ResponseAssert
{
    public static async Task TextAsync(HttpResponseMessage response, string expected, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, body);
    }

    public static async Task JsonAsync(HttpResponseMessage response, string expectedJson, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedJson, body);
    }

    public static async Task EmptyAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(string.Empty, body);
    }

    /// <summary>
    /// A 400 RFC 9457 validation problem whose <c>errors</c> object has a member named after each of
    /// <paramref name="fields"/> (the names the client used), each holding at least one message.
    /// </summary>
    public static async Task ValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        using var document = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(
            document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object,
            $"No 'errors' object in {document.RootElement}");
        var names = errors.EnumerateObject().Select(e => e.Name).ToArray();
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}'; errors name: {string.Join(", ", names)}");
            Assert.Equal(JsonValueKind.Array, messages.ValueKind);
            Assert.NotEqual(0, messages.GetArrayLength());
        }
    }

    /// <summary>An <c>application/problem+json</c> response with <paramref name="status"/>, parsed.</summary>
    public static async Task<JsonDocument> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(body);
        Assert.Equal((int)status, document.RootElement.GetProperty("status").GetInt32());
        return document;
    }
}
