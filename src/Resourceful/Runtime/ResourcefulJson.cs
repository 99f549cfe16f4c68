using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
            // RFC 9110 §15.5.16: say which media types the method accepts.
            if (HttpMethods.IsPost(request.Method))
            {
                httpContext.Response.Headers["Accept-Post"] = "application/json";
            }
            else if (HttpMethods.IsPatch(request.Method))
            {
                httpContext.Response.Headers["Accept-Patch"] = "application/json";
            }

            await ProblemWriter.WriteAsync(
                httpContext,
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported Media Type",
                $"The request body must be JSON ('application/json'), not '{request.ContentType}'.");
            return default;
        }

        T? value;
        try
        {
            value = await request.ReadFromJsonAsync(typeInfo, httpContext.RequestAborted);
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
