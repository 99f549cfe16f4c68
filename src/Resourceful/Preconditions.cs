using System;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Resourceful.Runtime;

namespace Resourceful;

/// <summary>
/// A request's preconditions (RFC 9110 §13.1): <c>If-Match</c>, <c>If-None-Match</c> and <c>If-Unmodified-Since</c>.
/// Declare a handler parameter of this type and ask <see cref="Allows(long)"/> with the resource's current version
/// before changing it; answer <see cref="PreconditionFailed"/> when it says no. Versions are compared as their entity
/// tags (<see cref="ResourcefulETag"/>), the same the resource's <c>GET</c> answers with.
/// </summary>
/// <remarks>
/// The evaluation is RFC 9110 §13.2.2's for a method that changes state: <c>If-Match</c> first (strong comparison;
/// <c>*</c> matches any current version); <c>If-Unmodified-Since</c> only when there is no <c>If-Match</c> and only for
/// a date version (other versions have no <c>Last-Modified</c> to compare); then <c>If-None-Match</c>, which must match
/// nothing (weak comparison; <c>*</c> fails, since the resource exists). A request with none of them is allowed.
/// Generated endpoints bind it directly; it is also <see cref="IBindableFromHttpContext{TSelf}"/>, so minimal APIs and
/// API explorers see a value bound from the request, never a body or a service.
/// </remarks>
public sealed class Preconditions : IBindableFromHttpContext<Preconditions>
{
    private readonly StringValues _ifMatch;
    private readonly StringValues _ifNoneMatch;
    private readonly DateTimeOffset? _ifUnmodifiedSince;

    internal Preconditions(StringValues ifMatch, StringValues ifNoneMatch, DateTimeOffset? ifUnmodifiedSince)
    {
        _ifMatch = ifMatch;
        _ifNoneMatch = ifNoneMatch;
        _ifUnmodifiedSince = ifUnmodifiedSince;
    }

    /// <summary>The request's preconditions, as minimal APIs bind a parameter of this type.</summary>
    public static ValueTask<Preconditions?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<Preconditions?>(ResourcefulConditional.Preconditions(context));
    }

    /// <summary>Whether the request sent any precondition this type reads.</summary>
    public bool IsEmpty => _ifMatch.Count == 0 && _ifNoneMatch.Count == 0 && _ifUnmodifiedSince is null;

    /// <summary>Whether the request sent <c>If-Match</c>.</summary>
    public bool HasIfMatch => _ifMatch.Count > 0;

    /// <summary>Whether the request may change the resource whose current version is <paramref name="currentVersion"/>.</summary>
    public bool Allows(long currentVersion) => Allows(ResourcefulETag.Format(currentVersion), lastModified: null);

    /// <summary>Whether the request may change the resource whose current version is <paramref name="currentVersion"/>.</summary>
    public bool Allows(ulong currentVersion) => Allows(ResourcefulETag.Format(currentVersion), lastModified: null);

    /// <summary>Whether the request may change the resource whose current version is <paramref name="currentVersion"/>.</summary>
    public bool Allows(Guid currentVersion) => Allows(ResourcefulETag.Format(currentVersion), lastModified: null);

    /// <summary>Whether the request may change the resource whose current version is <paramref name="currentVersion"/>.</summary>
    public bool Allows(string currentVersion) => Allows(ResourcefulETag.Format(currentVersion), lastModified: null);

    /// <summary>Whether the request may change the resource whose current version (a <c>rowversion</c>) is <paramref name="currentVersion"/>.</summary>
    public bool Allows(byte[] currentVersion) => Allows(ResourcefulETag.Format(currentVersion), lastModified: null);

    /// <summary>Whether the request may change the resource last modified at <paramref name="currentVersion"/>; also reads <c>If-Unmodified-Since</c>.</summary>
    public bool Allows(DateTime currentVersion) => Allows(ResourcefulETag.Format(currentVersion), ResourcefulETag.LastModified(currentVersion));

    /// <summary>Whether the request may change the resource last modified at <paramref name="currentVersion"/>; also reads <c>If-Unmodified-Since</c>.</summary>
    public bool Allows(DateTimeOffset currentVersion) => Allows(ResourcefulETag.Format(currentVersion), currentVersion);

    /// <summary>
    /// Whether the request may act on a resource that does not exist (a <c>PUT</c> that creates): <c>If-Match</c>
    /// fails, as no current representation matches it; <c>If-None-Match: *</c> ("only if absent") is allowed.
    /// </summary>
    public bool AllowsAbsent() => _ifMatch.Count == 0;

    // Steps 1 and 2 as for GET; step 3 refuses a match, since this request changes state.
    private bool Allows(string? etag, DateTimeOffset? lastModified) =>
        ResourcefulConditional.PassesIfMatchSteps(_ifMatch, _ifUnmodifiedSince, etag, lastModified)
        && (_ifNoneMatch.Count == 0 || !EntityTags.Matches(_ifNoneMatch, etag, weak: true));
}
