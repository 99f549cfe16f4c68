using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>Sends requests and checks responses the way every test here needs.</summary>
internal static class Http
{
    /// <summary>Sends <paramref name="method"/> with <c>If-Match</c>: the books' writes require one (428 without).</summary>
    public static Task<HttpResponseMessage> SendIfMatchAsync(this HttpClient client, HttpMethod method, string path, string etag, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    /// <summary>The strong ETag of a book version, as <c>GET /books/{id}</c> answers it: <c>"3"</c>.</summary>
    public static string ETag(long version) => "\"" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    /// <summary>Asserts <paramref name="status"/> and a JSON body, and reads it as <typeparamref name="T"/>.</summary>
    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response, HttpStatusCode status, JsonTypeInfo<T> typeInfo)
    {
        await AssertStatusAsync(response, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var value = await response.Content.ReadFromJsonAsync(typeInfo);
        Assert.NotNull(value);
        return value;
    }

    /// <summary>Asserts <paramref name="status"/> and an RFC 9457 problem body, and returns its root.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        await AssertStatusAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Asserts a <c>400</c> validation problem whose <c>errors</c> name exactly <paramref name="fields"/>.</summary>
    public static async Task AssertValidationProblemAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var names = new System.Collections.Generic.List<string>();
        foreach (var error in problem.GetProperty("errors").EnumerateObject())
        {
            names.Add(error.Name);
        }

        names.Sort(System.StringComparer.Ordinal);
        Assert.Equal(fields.Order(System.StringComparer.Ordinal), names);
    }

    /// <summary>Asserts <paramref name="status"/>, showing the body when it differs.</summary>
    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)status} {status} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    /// <summary>A JSON body made by <paramref name="typeInfo"/>.</summary>
    public static HttpContent Json<T>(T value, JsonTypeInfo<T> typeInfo) => JsonContent.Create(value, typeInfo);

    /// <summary>A body of raw text, for what a serializer would never write.</summary>
    public static HttpContent Raw(string text, string mediaType = "application/json") => new StringContent(text, Encoding.UTF8, mediaType);
}
