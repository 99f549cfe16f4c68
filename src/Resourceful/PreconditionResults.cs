using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Resourceful.Runtime;

namespace Resourceful;

/// <summary>
/// <c>412 Precondition Failed</c> (RFC 9110 §15.5.13) as problem details: the request's <c>If-Match</c>,
/// <c>If-None-Match</c> or <c>If-Unmodified-Since</c> does not hold for the resource's current version (see
/// <see cref="Preconditions.Allows(long)"/>). Written through the app's <c>IProblemDetailsService</c> when it has one.
/// </summary>
public sealed class PreconditionFailed : IResult, IStatusCodeHttpResult
{
    private const string DefaultDetail = "The resource has changed since the version the request's preconditions name.";

    /// <summary>412.</summary>
    public int StatusCode => StatusCodes.Status412PreconditionFailed;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The problem's <c>detail</c>; a general sentence when <see langword="null"/>.</summary>
    public string? Detail { get; init; }

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, Detail);

    internal static Task WriteAsync(HttpContext httpContext, string? detail) =>
        ProblemWriter.WriteAsync(httpContext, StatusCodes.Status412PreconditionFailed, "Precondition Failed", detail ?? DefaultDetail);
}

/// <summary>
/// <c>428 Precondition Required</c> (RFC 6585 §3) as problem details: the resource changes only under a precondition
/// (<c>If-Match</c> with the version the client last read), and the request sent none. <c>RequireIfMatch = true</c> on
/// <see cref="PutAttribute"/>, <see cref="PatchAttribute"/> or <see cref="DeleteAttribute"/> answers it before the
/// handler runs.
/// </summary>
public sealed class PreconditionRequired : IResult, IStatusCodeHttpResult
{
    private const string DefaultDetail = "This request must be conditional: send If-Match with the ETag of the version it changes.";

    /// <summary>428.</summary>
    public int StatusCode => StatusCodes.Status428PreconditionRequired;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The problem's <c>detail</c>; a general sentence when <see langword="null"/>.</summary>
    public string? Detail { get; init; }

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, Detail);

    internal static Task WriteAsync(HttpContext httpContext, string? detail) =>
        ProblemWriter.WriteAsync(httpContext, StatusCodes.Status428PreconditionRequired, "Precondition Required", detail ?? DefaultDetail);
}
