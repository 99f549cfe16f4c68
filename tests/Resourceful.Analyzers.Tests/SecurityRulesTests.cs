using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.Generators.Analyzers;
using Resourceful.Generators.Diagnostics;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>RSF04xx: open redirects and authorization gaps.</summary>
public sealed class SecurityRulesTests
{
    [Fact]
    public Task OpenRedirect_QueryValueAsTarget_Reports() =>
        Verify<SecurityRules>.AnalyzerAsync(
            """
            [Resource("/session")]
            public sealed partial class Session
            {
                [Get("done")] public RedirectHttpResult Done(string returnUrl) => TypedResults.Redirect({|#0:returnUrl|});
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.OpenRedirect).WithLocation(0).WithArguments("Session.Done", "returnUrl"));

    [Fact]
    public Task OpenRedirect_ThroughLocalsAndRequest_Reports() =>
        Verify<SecurityRules>.AnalyzerAsync("""
            public sealed record Next(string Url);

            [Resource("/session")]
            public sealed partial class Session
            {
                [Get("a")]
                public IResult A(HttpRequest request)
                {
                    var target = request.Query["next"].ToString();
                    return Results.Redirect({|RSF0401:target|});
                }

                [Post("b")]
                public void B(Next body, HttpResponse response) => response.Redirect({|RSF0401:body.Url|});

                [Get("c")]
                public IResult C(HttpContext context)
                {
                    context.Request.Query.TryGetValue("next", out var next);
                    return Results.Redirect({|RSF0401:"https://" + next|});
                }

                [Get("d")]
                public IResult D([FromHeader(Name = "Referer")] string? referer) => Results.Redirect({|RSF0401:$"{referer}"|});
            }
            """);

    [Fact]
    public Task OpenRedirect_ConstantLocalOrCheckedTarget_NoDiagnostic() =>
        Verify<SecurityRules>.AnalyzerAsync("""
            public sealed class UrlStore
            {
                public string Lookup(int id) => "/books";
            }

            [Resource("/session")]
            public sealed partial class Session(UrlStore store)
            {
                [Get("a")] public IResult A() => Results.Redirect("/books");
                [Get("b/{id}")] public IResult B(int id) => Results.Redirect("/books/" + id);
                [Get("c/{id}")] public IResult C(int id) => Results.Redirect($"/books/{id}/reviews");
                [Get("d")] public IResult D(string returnUrl) => Results.LocalRedirect(returnUrl);
                [Get("e/{id}")] public IResult E(int id) => Results.Redirect(store.Lookup(id));
                [Get("f")]
                public IResult F(string returnUrl, HttpContext context) =>
                    IsLocalUrl(returnUrl) ? Results.Redirect(returnUrl) : Results.Redirect("/");

                private static bool IsLocalUrl(string url) => url.StartsWith('/') && !url.StartsWith("//");
            }
            """);

    [Fact]
    public Task MissingAuthorization_DeleteOpenWhileGetProtected_Reports() =>
        Verify<SecurityRules>.AnalyzerAsync(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get, Microsoft.AspNetCore.Authorization.Authorize] public string List() => "";
                [Delete("{id}")] public void {|#0:Remove|}(int id) { }
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.MissingAuthorization).WithLocation(0)
                .WithArguments("DELETE", "Books.Remove", "Books.List"));

    [Fact]
    public Task MissingAuthorization_ClassAuthorizeOrExplicitAnonymous_NoDiagnostic() =>
        Verify<SecurityRules>.AnalyzerAsync("""
            [Resource("/books"), Microsoft.AspNetCore.Authorization.Authorize]
            public sealed partial class Books
            {
                [Get] public string List() => "";
                [Delete("{id}")] public void Remove(int id) { }
            }

            [Resource("/reviews")]
            public sealed partial class Reviews
            {
                [Delete("{id}"), Microsoft.AspNetCore.Authorization.Authorize(Roles = "admin")] public void Remove(int id) { }
                [Post, Microsoft.AspNetCore.Authorization.AllowAnonymous] public void Add(string text) { }
                [Get] public string List() => "";
            }

            [Resource("/public")]
            public sealed partial class Public
            {
                [Get] public string List() => "";
                [Post] public void Add(string text) { }
            }
            """);

    [Theory]
    [InlineData("[FromCookie(Name = \".AspNetCore.Cookies\")] string", "ticket", ".AspNetCore.Cookies")]
    [InlineData("[FromCookie(Name = \".AspNetCore.Session\")] string", "id", ".AspNetCore.Session")]
    [InlineData("[FromCookie(Name = \"X-Auth-Token\")] string", "value", "X-Auth-Token")]
    [InlineData("[FromCookie] string", "authToken", "authToken")]
    [InlineData("[FromCookie] string", "jwt", "jwt")]
    [InlineData("[FromCookie(Name = \"api_key\")] string", "key", "api_key")]
    [InlineData("[FromCookie(Name = \"prefs\")] string?", "sessionId", "prefs")]
    [InlineData("[FromCookie(Name = \"access_token\")] string", "value", "access_token")]
    [InlineData("[FromCookie(Name = \"Bearer\")] string", "value", "Bearer")]
    public Task AuthenticationCookie_AuthName_Reports(string attributeAndType, string name, string cookie) =>
        Verify<CookieRules>.AnalyzerAsync(
            $$"""
            [Resource("/me")]
            public sealed partial class Me
            {
                [Get] public string Show({{attributeAndType}} {|#0:{{name}}|}) => "";
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.AuthenticationCookieParameter).WithLocation(0).WithArguments(name, "Me.Show", cookie));

    [Theory]
    [InlineData("[FromCookie(Name = \"theme\")] string? theme")]
    [InlineData("[FromCookie] int authorId")]
    [InlineData("[FromCookie(Name = \".AspNetCore.Culture\")] string? culture")]
    [InlineData("[FromCookie(Name = \"XSRF-TOKEN\")] string? xsrf")]
    [InlineData("[FromCookie(Name = \"tokenizer\")] string? mode")]
    [InlineData("[FromQuery] string? token")]
    public Task AuthenticationCookie_OtherNames_NoDiagnostic(string parameter) =>
        Verify<CookieRules>.AnalyzerAsync($$"""
            [Resource("/me")]
            public sealed partial class Me
            {
                [Get] public string Show({{parameter}}) => "";
            }
            """);
}
