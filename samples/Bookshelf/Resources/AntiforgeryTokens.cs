using Bookshelf.Models;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Resourceful;

namespace Bookshelf.Resources;

/// <summary>
/// <c>GET /antiforgery/token</c>: a token for the form endpoints (the cover upload), and its cookie. A client sends
/// the token back as the form field (or the header) named here, with the cookie.
/// </summary>
[Resource("/antiforgery/token")]
public sealed partial class AntiforgeryTokens(IAntiforgery antiforgery)
{
    /// <summary>Issues a token and sets the antiforgery cookie; the response is never cached.</summary>
    /// <param name="context">The request, whose response carries the cookie.</param>
    [Get]
    public Ok<AntiforgeryToken> Issue(HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName!, tokens.FormFieldName));
    }
}
