using System.Linq;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Resourceful.Http.Tests.Resources.Semantics;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// A test authentication scheme: the <c>X-Semantics-User</c> header names the user, <c>X-Semantics-Roles</c> lists
/// roles. No header, no identity; a challenge is a bare <c>401</c> with <c>WWW-Authenticate: Header</c>.
/// </summary>
public sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Header";
    public const string UserHeader = "X-Semantics-User";
    public const string RolesHeader = "X-Semantics-Roles";

    /// <summary>The scheme, the <c>Editors</c> policy of <see cref="SecuredItems"/>, and the middleware, for one app.</summary>
    public static SemanticsHostOptions HostOptions(bool kestrel = false) => new()
    {
        Kestrel = kestrel,
        Services = static services =>
        {
            services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(SchemeName, null);
            services.AddAuthorizationBuilder().AddPolicy(SecuredItems.EditorsPolicy, static policy => policy.RequireRole("editor"));
        },
        Pipeline = static app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
        },
    };

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[UserHeader] is not [{ Length: > 0 } name])
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = Request.Headers[RolesHeader].ToString()
            .Split(',', System.StringSplitOptions.RemoveEmptyEntries | System.StringSplitOptions.TrimEntries)
            .Select(static role => new Claim(ClaimTypes.Role, role))
            .Prepend(new Claim(ClaimTypes.Name, name));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = SchemeName;
        return Task.CompletedTask;
    }
}
