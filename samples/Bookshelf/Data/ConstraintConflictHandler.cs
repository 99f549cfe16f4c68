using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bookshelf.Data;

/// <summary>
/// Answers a constraint violation from the database with <c>409 Conflict</c> problem details instead of a 500.
/// </summary>
/// <remarks>
/// The handlers check first (is the ISBN taken? does the book exist?) and answer 409 or 404 themselves, but a check
/// and the write after it are two steps: another request, on this instance or another, can get in between. The
/// database has the last word — a <c>UNIQUE</c> or <c>REFERENCES</c> constraint — and its error means exactly that
/// the request lost such a race, so it is the client's conflict with the resource's current state, not a server
/// fault. One handler here covers every write of every store, with no try/catch in the resources.
/// </remarks>
public sealed class ConstraintConflictHandler(BookshelfDatabase database, IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (database.Dialect.Classify(exception) is not { } conflict)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                Title = "Conflict",
                Detail = conflict == ConstraintConflict.Duplicate
                    ? "Another request stored the same unique value (an ISBN, a shelf name) first."
                    : "A resource this request refers to was deleted, or is still referred to, by another request.",
            },
        });
    }
}
