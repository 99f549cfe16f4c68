using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace Bookshelf.Data;

/// <summary>
/// Answers the database's and Redis's errors that are the client's or the moment's, not the code's: a constraint
/// violation is <c>409 Conflict</c>, an unreachable database or Redis <c>503 Service Unavailable</c>; both as
/// problem details, instead of a 500.
/// </summary>
/// <remarks>
/// The handlers check first (is the ISBN taken? does the book exist?) and answer 409 or 404 themselves, but a check
/// and the write after it are two steps: another request, on this instance or another, can get in between. The
/// database has the last word — a <c>UNIQUE</c> or <c>REFERENCES</c> constraint — and its error means exactly that
/// the request lost such a race, so it is the client's conflict with the resource's current state, not a server
/// fault. An unreachable database or Redis (a connection refused, a timeout, a locked SQLite file) is temporary:
/// 503 with <c>Retry-After</c> tells the client, and <c>GET /health</c> tells the load balancer. One handler here
/// covers every store and every endpoint, with no try/catch in the resources; any other error stays a 500.
/// </remarks>
public sealed class DataExceptionHandler(BookshelfDatabase database, IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <summary>The seconds a client is asked to wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (database.Dialect.Classify(exception) is { } conflict)
        {
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                Title = "Conflict",
                Detail = conflict == ConstraintConflict.Duplicate
                    ? "Another request stored the same unique value (an ISBN, a shelf name) first."
                    : "A resource this request refers to was deleted, or is still referred to, by another request.",
            };
        }
        else if (database.Dialect.IsUnavailable(exception) || RedisFailure(exception) is not null)
        {
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                Title = "Service Unavailable",
                Detail = RedisFailure(exception) is not null
                    ? "Redis is unavailable."
                    : $"The database ({database.Dialect.Name}) is unavailable.",
            };
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    // Redis's connection errors, also where another part wraps them: the session middleware protects its cookie
    // with the data-protection key ring, which lives in Redis, so with Redis down that is a CryptographicException.
    private static RedisException? RedisFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is RedisConnectionException or RedisTimeoutException)
            {
                return (RedisException)exception;
            }
        }

        return null;
    }
}
