using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Resourceful.Runtime;

/// <summary>
/// The values of one request that failed to bind, each under the name the client used. A default instance
/// allocates nothing, so a request that binds cleanly pays nothing for it. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct BindingErrors
{
    private Dictionary<string, List<string>>? _errors;
    private int _count;

    /// <summary>Whether any value failed to bind.</summary>
    public readonly bool HasErrors => _errors is not null;

    /// <summary>Records that a required value was not sent.</summary>
    public void AddMissing(string name, string source)
        => Add(name, $"The {source} value '{name}' is required.");

    /// <summary>Records that a value was sent but does not parse as <paramref name="typeName"/>.</summary>
    public void AddInvalid(string name, string? value, string typeName)
        => Add(name, $"The value '{value}' is not a valid {typeName}.");

    /// <summary>How many failures were recorded: a validator compares it before and after an object's members.</summary>
    public readonly int Count => _count;

    /// <summary>Whether <paramref name="name"/> already has an error (a value that did not parse is not validated too).</summary>
    public readonly bool Has(string name) => _errors?.ContainsKey(name) ?? false;

    /// <summary>Records a failure in the client's own words.</summary>
    public void Add(string name, string message)
    {
        _count++;
        _errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!_errors.TryGetValue(name, out var messages))
        {
            messages = new List<string>(1);
            _errors.Add(name, messages);
        }

        messages.Add(message);
    }

    /// <summary>Writes <c>400 Bad Request</c> with an RFC 9457 validation problem listing every failure.</summary>
    public readonly Task WriteProblemAsync(HttpContext httpContext)
        => ProblemWriter.WriteValidationProblemAsync(httpContext, _errors);
}

/// <summary>
/// Writes RFC 9457 problem details through the app's <see cref="IProblemDetailsService"/> (<c>AddProblemDetails()</c>),
/// so its <c>CustomizeProblemDetails</c> and <see cref="IProblemDetailsWriter"/>s apply as they do to minimal APIs. When
/// the app registered none, or every writer declined (an <c>Accept</c> without JSON), it writes the document itself,
/// without reflection, so it works unchanged under Native AOT.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ProblemWriter
{
    /// <summary>Writes <c>400 Bad Request</c>: a validation problem whose <c>errors</c> name each field that failed.</summary>
    public static Task WriteValidationProblemAsync(HttpContext httpContext, IReadOnlyDictionary<string, List<string>>? errors)
        => WriteAsync(httpContext, StatusCodes.Status400BadRequest, "One or more validation errors occurred.", detail: null, errors);

    /// <summary>
    /// Writes <c>405 Method Not Allowed</c>. Without the app's problem-details service, the document is a constant
    /// around the trace id, written straight to the response with its length: no serializer, no writer object, since
    /// scanners send such requests by the thousand. The bytes are those <see cref="WriteAsync"/> writes.
    /// </summary>
    public static Task WriteMethodNotAllowedAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var traceId = TraceId(httpContext);
        if (response.HasStarted
            || httpContext.RequestServices?.GetService<IProblemDetailsService>() is not null
            || !IsPlain(traceId))
        {
            return WriteAsync(httpContext, StatusCodes.Status405MethodNotAllowed, MethodNotAllowedTitle, detail: null);
        }

        var head = "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.6\",\"title\":\"Method Not Allowed\",\"status\":405,\"traceId\":\""u8;
        var tail = "\"}"u8;
        response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        response.ContentType = "application/problem+json";
        response.ContentLength = head.Length + traceId.Length + tail.Length;
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return Task.CompletedTask;
        }

        var writer = response.BodyWriter;
        writer.Write(head);
        writer.Advance(Encoding.ASCII.GetBytes(traceId, writer.GetSpan(traceId.Length)));
        writer.Write(tail);
        var flush = writer.FlushAsync(httpContext.RequestAborted);
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }

    /// <summary>
    /// Writes <c>415 Unsupported Media Type</c>, saying which media types the method accepts (RFC 9110 §15.5.16):
    /// <paramref name="accepted"/> in <c>Accept-Post</c>, <c>Accept-Patch</c> or, for <c>QUERY</c>, <c>Accept-Query</c>
    /// (RFC 10008 §3). The JSON body reader and the form reader both answer through it.
    /// </summary>
    internal static Task WriteUnsupportedMediaTypeAsync(HttpContext httpContext, string accepted, string detail)
    {
        var method = httpContext.Request.Method;
        var header = HttpMethods.IsPost(method) ? "Accept-Post"
            : HttpMethods.IsPatch(method) ? "Accept-Patch"
            : string.Equals(method, "QUERY", StringComparison.OrdinalIgnoreCase) ? "Accept-Query"
            : null;
        if (header is not null)
        {
            httpContext.Response.Headers[header] = accepted;
        }

        return WriteAsync(httpContext, StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", detail);
    }

    /// <summary>Writes a problem document with <paramref name="status"/>; <paramref name="errors"/> become its <c>errors</c> member.</summary>
    public static async Task WriteAsync(
        HttpContext httpContext,
        int status,
        string title,
        string? detail,
        IReadOnlyDictionary<string, List<string>>? errors = null)
    {
        var response = httpContext.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        if (httpContext.RequestServices?.GetService<IProblemDetailsService>() is { } problems
            && await problems.TryWriteAsync(Context(httpContext, status, title, detail, errors)))
        {
            return;
        }

        response.ContentType = "application/problem+json";

        // Problem documents are JSON, never HTML: relaxed escaping keeps quotes in messages readable.
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeFor(status));
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            if (detail is not null)
            {
                writer.WriteString("detail", detail);
            }

            if (errors is not null)
            {
                writer.WriteStartObject("errors");
                foreach (var (name, messages) in errors)
                {
                    writer.WriteStartArray(name);
                    foreach (var message in messages)
                    {
                        writer.WriteStringValue(message);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteString("traceId", TraceId(httpContext));
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    private const string MethodNotAllowedTitle = "Method Not Allowed";

    // The W3C trace id when there is an activity, as ASP.NET Core's own problem details write it.
    private static string TraceId(HttpContext httpContext) => Activity.Current?.Id ?? httpContext.TraceIdentifier;

    // Characters JSON writes as they are (W3C trace ids, Kestrel's connection:request ids), so no escaping is needed.
    private static bool IsPlain(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or ':' or '.' or '_' or '|'))
            {
                return false;
            }
        }

        return true;
    }

    private static ProblemDetailsContext Context(
        HttpContext httpContext,
        int status,
        string title,
        string? detail,
        IReadOnlyDictionary<string, List<string>>? errors)
    {
        ProblemDetails problem;
        if (errors is null)
        {
            problem = new ProblemDetails();
        }
        else
        {
            var validation = new HttpValidationProblemDetails();
            foreach (var (name, messages) in errors)
            {
                validation.Errors[name] = [.. messages];
            }

            problem = validation;
        }

        problem.Type = TypeFor(status);
        problem.Title = title;
        problem.Status = status;
        problem.Detail = detail;
        return new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem };
    }

    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        406 => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        428 => "https://tools.ietf.org/html/rfc6585#section-3",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        _ => "about:blank",
    };
}
