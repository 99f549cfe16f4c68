using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// RSF0403: a <c>[FromCookie]</c> parameter that reads authentication data. The rule, by name only (cookie name, or
/// the parameter's name when the cookie has none of its own): it fires when
/// <list type="bullet">
/// <item>the cookie is one of ASP.NET Core's own protected cookies: its name starts with <c>.AspNetCore.Cookies</c>,
/// <c>.AspNetCore.Identity.</c> or <c>.AspNetCore.Session</c>; or</item>
/// <item>one of the words of the cookie's name or of the parameter's name (split at every character that is not a
/// letter or digit and at lower-to-upper case changes: <c>X-Auth-Token</c>, <c>authToken</c>, <c>api_key</c>) is
/// <c>auth</c>, <c>authn</c>, <c>authz</c>, <c>authentication</c>, <c>authorization</c>, <c>token</c>, <c>jwt</c>,
/// <c>bearer</c>, <c>session</c>, <c>sessionid</c>, <c>sid</c>, <c>apikey</c>, <c>credential(s)</c>,
/// <c>password</c>, <c>passwd</c>, <c>secret</c>, or ends with <c>token</c> (<c>accesstoken</c>); or two words in
/// a row are <c>api</c> <c>key</c> or <c>access</c> <c>key</c>.</item>
/// </list>
/// Words that merely start like one (<c>author</c>, <c>authorId</c>, <c>tokenizer</c>) do not count, nor do
/// anti-forgery names (<c>xsrf</c>, <c>csrf</c>, <c>antiforgery</c>): those belong to IAntiforgery, not to this rule.
/// </summary>
internal sealed class CookieRules : ResourceRules
{
    private static readonly ImmutableHashSet<string> AuthWords = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "auth", "authn", "authz", "authentication", "authorization", "token", "jwt", "bearer", "session", "sessionid", "sid",
        "apikey", "credential", "credentials", "password", "passwd", "secret");

    private static readonly string[] FrameworkCookies = [".AspNetCore.Cookies", ".AspNetCore.Identity.", ".AspNetCore.Session"];

    private static readonly string[] AntiforgeryWords = ["xsrf", "csrf", "antiforgery"];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.AuthenticationCookieParameter);

    /// <inheritdoc />
    public override void Register(CompilationStartAnalysisContext start, ResourceDescriptions descriptions)
    {
        var fromCookie = start.Compilation.GetTypeByMetadataName("Resourceful.FromCookieAttribute");
        if (fromCookie is null)
        {
            return;
        }

        start.RegisterSymbolAction(context => Analyze(context, fromCookie), SymbolKind.Method);
    }

    /// <summary>Whether a cookie called <paramref name="cookieName"/>, read into <paramref name="parameterName"/>, looks like authentication data.</summary>
    internal static bool LooksLikeAuthentication(string cookieName, string parameterName)
    {
        if (FrameworkCookies.Any(prefix => cookieName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return NameLooksLikeAuthentication(cookieName) || NameLooksLikeAuthentication(parameterName);
    }

    private static bool NameLooksLikeAuthentication(string name)
    {
        var words = Words(name);
        if (words.Any(static w => AntiforgeryWords.Any(a => w.Contains(a))))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (AuthWords.Contains(word) || (word.EndsWith("token", StringComparison.Ordinal) && word.Length > "token".Length))
            {
                return true;
            }

            if (i + 1 < words.Count && words[i + 1] == "key" && word is "api" or "access")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>X-Auth-Token</c> → auth, token (and x); <c>authToken</c> → auth, token; lower case.</summary>
    internal static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol fromCookie)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.ContainingType is not { } type || ResourceParser.FindResourceAttribute(type) is null
            || !method.GetAttributes().Any(static a => ResourceParser.GetHttpMethod(a.AttributeClass) is not null))
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            var attribute = parameter.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, fromCookie));
            if (attribute is null)
            {
                continue;
            }

            var named = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "Name").Value.Value as string;
            var cookieName = string.IsNullOrEmpty(named) ? parameter.Name : named!;
            if (LooksLikeAuthentication(cookieName, parameter.Name))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.AuthenticationCookieParameter,
                    SyntaxLocations.FirstSourceLocation(parameter),
                    parameter.Name,
                    SymbolNames.Handler(method),
                    cookieName));
            }
        }
    }
}
