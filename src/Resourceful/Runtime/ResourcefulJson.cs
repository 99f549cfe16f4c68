using System;
using System.ComponentModel;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Resourceful.Runtime;

/// <summary>
/// JSON reading and writing for generated endpoints, always through the app's configured
/// <see cref="JsonOptions"/> and its type-info resolver, so a source-generated <c>JsonSerializerContext</c>
/// makes every endpoint Native-AOT safe. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulJson
{
    /// <summary>
    /// Resolves the metadata for <typeparamref name="T"/> once, when endpoints are mapped, so a request pays
    /// no lookup. Throws at start-up, not on the first request, when the configured resolver lacks the type.
    /// </summary>
    public static JsonTypeInfo<T> GetTypeInfo<T>(IServiceProvider services)
        => (JsonTypeInfo<T>)SerializerOptions(services).GetTypeInfo(typeof(T));

    /// <summary>
    /// The metadata for a complex parameter that is the JSON body unless DI can resolve <typeparamref name="T"/>, as
    /// minimal APIs decide at start-up: <see langword="null"/> when it is a service (see <see cref="ReadBodyOrServiceAsync{T}"/>).
    /// </summary>
    public static JsonTypeInfo<T>? GetBodyTypeInfo<T>(IServiceProvider services)
        => ResourcefulEndpoints.IsService<T>(services) ? null : GetTypeInfo<T>(services);

    /// <summary>The app's configured <see cref="JsonOptions"/>, or the defaults when it configured none.</summary>
    internal static JsonSerializerOptions SerializerOptions(IServiceProvider services)
        => services.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? new JsonOptions().SerializerOptions;

    /// <summary>Writes <paramref name="value"/> as <c>200 OK</c> <c>application/json</c>.</summary>
    public static Task WriteAsync<T>(HttpContext httpContext, T value, JsonTypeInfo<T> typeInfo)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        return httpContext.Response.WriteAsJsonAsync(value, typeInfo, contentType: null, httpContext.RequestAborted);
    }

    /// <summary>
    /// Reads the request body as <typeparamref name="T"/>. On failure it has already answered the request
    /// (<c>400</c>, <c>413</c> or <c>415</c> problem details) and returns a result whose
    /// <see cref="BodyReadResult{T}.Succeeded"/> is <see langword="false"/>.
    /// </summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="typeInfo">The body type's JSON metadata.</param>
    /// <param name="name">The handler parameter's name, used in problem details.</param>
    /// <param name="allowEmpty">Whether an absent body binds as <see langword="null"/> rather than failing.</param>
    /// <param name="maxBodySize">The endpoint's body limit in bytes, or 0 for the server's.</param>
    public static async ValueTask<BodyReadResult<T>> ReadBodyAsync<T>(
        HttpContext httpContext,
        JsonTypeInfo<T> typeInfo,
        string name,
        bool allowEmpty,
        long maxBodySize = 0)
    {
        var request = httpContext.Request;
        if (maxBodySize > 0 && request.ContentLength > maxBodySize)
        {
            await ProblemWriter.WriteAsync(
                httpContext,
                StatusCodes.Status413PayloadTooLarge,
                "Content Too Large",
                $"The request body is larger than this endpoint's limit of {maxBodySize} bytes.");
            return default;
        }

        if (!HasBody(httpContext))
        {
            if (allowEmpty)
            {
                return new BodyReadResult<T>(true, default);
            }

            await ProblemWriter.WriteValidationProblemAsync(httpContext, SingleError(name, "A non-empty request body is required."));
            return default;
        }

        if (!request.HasJsonContentType())
        {
            await ProblemWriter.WriteUnsupportedMediaTypeAsync(httpContext, "application/json", $"The request body must be JSON ('application/json'), not '{request.ContentType}'.");
            return default;
        }

        if (!TryGetCharset(request, out var encoding, out var charset))
        {
            await ProblemWriter.WriteUnsupportedMediaTypeAsync(httpContext, "application/json", $"The request body must be JSON in UTF-8 ('application/json; charset=utf-8'); charset '{charset}' cannot be read.");
            return default;
        }

        T? value;
        try
        {
            value = encoding is null
                ? await request.ReadFromJsonAsync(typeInfo, httpContext.RequestAborted)
                : await ReadWithCharsetAsync(request.Body, encoding, typeInfo, httpContext.RequestAborted);
        }
        catch (JsonException exception)
        {
            var location = exception.Path is { Length: > 1 } path ? $"{name}{path[1..]}" : name;
            await ProblemWriter.WriteValidationProblemAsync(httpContext, SingleError(location, "The request body is not valid JSON for this endpoint."));
            return default;
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own verdicts: 413 for a body over the limit, 400 for a malformed stream.
            var title = exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Content Too Large" : "Bad Request";
            await ProblemWriter.WriteAsync(httpContext, exception.StatusCode, title, exception.Message);
            return default;
        }

        if (value is null && !allowEmpty)
        {
            await ProblemWriter.WriteValidationProblemAsync(httpContext, SingleError(name, "A non-null request body is required."));
            return default;
        }

        return new BodyReadResult<T>(true, value);
    }

    /// <summary>
    /// A complex parameter that is either a service or the JSON body, as decided at start-up (see
    /// <see cref="ResourcefulEndpoints.IsService{T}"/>): with no <paramref name="typeInfo"/> it is the request's
    /// service (required unless <paramref name="allowEmpty"/>), otherwise the body read by <see cref="ReadBodyAsync{T}"/>.
    /// </summary>
    public static ValueTask<BodyReadResult<T>> ReadBodyOrServiceAsync<T>(
        HttpContext httpContext,
        JsonTypeInfo<T>? typeInfo,
        string name,
        bool allowEmpty,
        long maxBodySize = 0)
        where T : notnull
    {
        if (typeInfo is not null)
        {
            return ReadBodyAsync(httpContext, typeInfo, name, allowEmpty, maxBodySize);
        }

        var service = allowEmpty ? httpContext.RequestServices.GetService<T>() : httpContext.RequestServices.GetRequiredService<T>();
        return new ValueTask<BodyReadResult<T>>(new BodyReadResult<T>(true, service));
    }

    /// <summary>
    /// The body's charset: <see langword="true"/> with no <paramref name="encoding"/> when it needs no decoding by us
    /// (none given, or UTF-8 as the framework's own reader spells it), with an <paramref name="encoding"/> to read it
    /// with (UTF-8 in any other spelling, quoted or in any case, or a charset the runtime transcodes safely, as the
    /// framework would); <see langword="false"/> for a charset that is empty, unknown or disabled (UTF-7), which the
    /// framework's reader would fail with an <see cref="InvalidOperationException"/>.
    /// </summary>
    private static bool TryGetCharset(HttpRequest request, out Encoding? encoding, out string charset)
    {
        encoding = null;
        charset = string.Empty;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || mediaType.Parameters.Count == 0)
        {
            return true;
        }

        NameValueHeaderValue? parameter = null;
        foreach (var candidate in mediaType.Parameters)
        {
            if (candidate.Name.Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                parameter = candidate;
                break;
            }
        }

        if (parameter is null || parameter.Value.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        charset = HeaderUtilities.RemoveQuotes(parameter.Value).ToString();
        if (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            encoding = Encoding.UTF8;
            return true;
        }

        try
        {
            encoding = charset.Length == 0 ? null : Encoding.GetEncoding(charset);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            encoding = null;
        }

        return encoding is not null;
    }

    private static async ValueTask<T?> ReadWithCharsetAsync<T>(Stream body, Encoding encoding, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken);
        }

        // As the framework's reader does for a charset it knows: decode to UTF-8 on the fly. Bytes the charset cannot
        // decode become U+FFFD, never an exception.
        await using var transcoded = Encoding.CreateTranscodingStream(body, encoding, Encoding.UTF8, leaveOpen: true);
        return await JsonSerializer.DeserializeAsync(transcoded, typeInfo, cancellationToken);
    }

    private static bool HasBody(HttpContext httpContext)
    {
        if (httpContext.Request.ContentLength == 0)
        {
            return false;
        }

        var detection = httpContext.Features.Get<IHttpRequestBodyDetectionFeature>();
        return detection?.CanHaveBody ?? true;
    }

    private static System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<string>> SingleError(string name, string message)
        => new(StringComparer.Ordinal) { [name] = [message] };
}

/// <summary>The outcome of <see cref="ResourcefulJson.ReadBodyAsync{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct BodyReadResult<T>(bool succeeded, T? value)
{
    /// <summary>Whether the body was read; when <see langword="false"/> the response has been written.</summary>
    public bool Succeeded { get; } = succeeded;

    /// <summary>The body, or <see langword="null"/> when it was absent and allowed to be.</summary>
    public T? Value { get; } = value;
}
