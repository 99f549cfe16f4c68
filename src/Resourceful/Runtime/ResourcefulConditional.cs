using System;
using System.ComponentModel;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Resourceful.Runtime;

/// <summary>
/// Conditional requests (RFC 9110 §13) for generated endpoints: the validators of a versioned representation
/// (<c>ETag</c>, and <c>Last-Modified</c> for a date version), the evaluation of a <c>GET</c>/<c>HEAD</c>'s
/// preconditions in §13.2.2's order, <see cref="Resourceful.Preconditions"/> for handlers that change state, and the
/// <c>428</c> of <c>RequireIfMatch</c>. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulConditional
{
    /// <summary>
    /// Writes the headers that a versioned <c>200</c> carries and that a <c>304</c> carries alike (RFC 9110 §15.4.5):
    /// the one place both paths pass through. <paramref name="etag"/> and <paramref name="lastModified"/> are left
    /// out when <see langword="null"/>.
    /// </summary>
    public static void WriteValidators(HttpContext httpContext, string? etag, DateTimeOffset? lastModified)
    {
        var headers = httpContext.Response.Headers;
        if (etag is not null)
        {
            headers.ETag = etag;
        }

        if (lastModified is { } date)
        {
            headers.LastModified = HeaderUtilities.FormatDate(date);
        }
    }

    /// <summary>
    /// For a <c>GET</c> or <c>HEAD</c> whose handler returned a versioned representation: writes its validators
    /// (<see cref="WriteValidators"/>), then evaluates the request's preconditions in RFC 9110 §13.2.2's order.
    /// Returns <see langword="null"/> when the representation is to be sent, or the task of the answer written
    /// instead: <c>304 Not Modified</c> (no body: the representation is never serialised) or <c>412</c> problem details.
    /// </summary>
    public static Task? Evaluate(HttpContext httpContext, string? etag, DateTimeOffset? lastModified)
    {
        WriteValidators(httpContext, etag, lastModified);
        var headers = httpContext.Request.Headers;

        // 1. If-Match; 2. If-Unmodified-Since only without If-Match, read only when there is a date to compare.
        var ifMatch = headers.IfMatch;
        var unmodifiedSince = ifMatch.Count == 0 && lastModified is not null && TryGetDate(headers.IfUnmodifiedSince, out var date)
            ? date
            : (DateTimeOffset?)null;
        if (!PassesIfMatchSteps(ifMatch, unmodifiedSince, etag, lastModified))
        {
            return PreconditionFailed(httpContext);
        }

        // 3. If-None-Match (weak comparison); 4. If-Modified-Since only without If-None-Match.
        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return EntityTags.Matches(ifNoneMatch, etag, weak: true) ? NotModified(httpContext) : null;
        }

        if (lastModified is { } lastModifiedDate && TryGetDate(headers.IfModifiedSince, out var modifiedSince)
            && Seconds(lastModifiedDate) <= modifiedSince)
        {
            return NotModified(httpContext);
        }

        return null;
    }

    /// <summary>
    /// Steps 1 and 2 of RFC 9110 §13.2.2, alike for every method: <c>If-Match</c> when present (strong comparison;
    /// <c>*</c> matches any current representation), else <c>If-Unmodified-Since</c> for a date version. Whether the
    /// request may go on; both <see cref="Evaluate"/> and <see cref="Resourceful.Preconditions"/> ask it.
    /// </summary>
    internal static bool PassesIfMatchSteps(StringValues ifMatch, DateTimeOffset? ifUnmodifiedSince, string? etag, DateTimeOffset? lastModified) =>
        ifMatch.Count > 0
            ? EntityTags.Matches(ifMatch, etag, weak: false)
            : !(lastModified is { } modified && ifUnmodifiedSince is { } since && Seconds(modified) > since);

    /// <summary>The request's preconditions, for a handler's <see cref="Resourceful.Preconditions"/> parameter.</summary>
    public static Preconditions Preconditions(HttpContext httpContext)
    {
        var headers = httpContext.Request.Headers;
        return new Preconditions(
            headers.IfMatch,
            headers.IfNoneMatch,
            TryGetDate(headers.IfUnmodifiedSince, out var date) ? date : null);
    }

    /// <summary>
    /// <c>RequireIfMatch = true</c>: answers <c>428 Precondition Required</c> (RFC 6585 §3) when the request has no
    /// <c>If-Match</c>, and returns <see langword="null"/> when it has one and the handler is to run.
    /// </summary>
    public static Task? RequireIfMatch(HttpContext httpContext) =>
        httpContext.Request.Headers.IfMatch.Count > 0 ? null : PreconditionRequired.WriteAsync(httpContext, detail: null);

    private static Task NotModified(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }

    private static Task PreconditionFailed(HttpContext httpContext) => Resourceful.PreconditionFailed.WriteAsync(httpContext, detail: null);

    // HTTP dates have whole seconds: a version stored with sub-second precision is compared as its Last-Modified reads.
    internal static DateTimeOffset Seconds(DateTimeOffset date) =>
        new(date.UtcTicks - (date.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    // An absent, repeated or invalid date is no precondition (RFC 9110 §13.1.3, §13.1.4: ignored).
    private static bool TryGetDate(StringValues header, out DateTimeOffset date)
    {
        date = default;
        return header.Count == 1 && HeaderUtilities.TryParseDate(header.ToString(), out date);
    }
}
