using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// The URI design rules (RSF02xx), read from the template literals as written: a verb where a noun belongs,
/// upper case, a trailing slash, a file extension. Tuned to stay quiet on established names (see
/// <see cref="EstablishedSegments"/>, extended with <c>resourceful.allowed_path_segments</c>).
/// </summary>
internal sealed class UriDesignRules : ResourceRules
{
    /// <summary>Verbs that name an action wherever they start a segment, and the method that action is.</summary>
    internal static readonly ImmutableDictionary<string, string> Verbs = new Dictionary<string, string>
    {
        ["get"] = "GET",
        ["fetch"] = "GET",
        ["retrieve"] = "GET",
        ["find"] = "GET",
        ["create"] = "POST",
        ["add"] = "POST",
        ["insert"] = "POST",
        ["update"] = "PUT",
        ["modify"] = "PUT",
        ["edit"] = "PUT",
        ["delete"] = "DELETE",
        ["remove"] = "DELETE",
        ["destroy"] = "DELETE",
        ["erase"] = "DELETE",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Words that are verbs only when another word follows (<c>setPrice</c>, <c>list-books</c>); alone they are
    /// as likely nouns (a <c>set</c>, a <c>list</c>).
    /// </summary>
    internal static readonly ImmutableDictionary<string, string> VerbsBeforeAnObject = new Dictionary<string, string>
    {
        ["set"] = "PUT",
        ["list"] = "GET",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Segments that are established names, never flagged by any URI design rule.</summary>
    internal static readonly ImmutableHashSet<string> EstablishedSegments = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "search", "ping", "health", "healthz", "livez", "readyz", "ready", "live", "status", "version", "metrics", "echo",
        "login", "logout", "signin", "signout", "signup", "register", "token", "refresh", "authorize", "revoke", "introspect", "userinfo",
        "verify", "validate", "confirm", "me", "batch", "export", "import", "upload", "download", "preview",
        "openapi", "swagger", "graphql", "webhook", "webhooks", "callback", "add-ons", "get-started",
        "robots.txt", "sitemap.xml", "favicon.ico", "openapi.json", "swagger.json", "manifest.json", "security.txt", ".well-known");

    /// <summary>Extensions that name a representation (negotiated with Accept) or a server technology.</summary>
    internal static readonly ImmutableHashSet<string> FileExtensions = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "json", "xml", "csv", "html", "htm", "txt", "yaml", "yml", "atom", "rss", "php", "asp", "aspx", "jsp", "cgi");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.VerbInPath,
        DiagnosticDescriptors.UppercaseInPath,
        DiagnosticDescriptors.TrailingSlash,
        DiagnosticDescriptors.FileExtensionInPath);

    /// <inheritdoc />
    public override void Register(CompilationStartAnalysisContext start, ResourceDescriptions descriptions) =>
        start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || ResourceParser.FindResourceAttribute(type) is not { } attribute)
        {
            return;
        }

        var sink = new DiagnosticSink(context.ReportDiagnostic);
        string? resourceTemplate = null;
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string rawResourceTemplate)
        {
            resourceTemplate = RouteTemplateParser.Normalize(rawResourceTemplate);
            AnalyzeTemplate(attribute, rawResourceTemplate, null, context, sink);
        }

        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                continue;
            }

            foreach (var methodAttribute in method.GetAttributes())
            {
                var httpMethod = ResourceParser.GetHttpMethod(methodAttribute.AttributeClass);
                if (httpMethod is null || methodAttribute.ConstructorArguments.Length != 1
                    || methodAttribute.ConstructorArguments[0].Value is not string template)
                {
                    continue;
                }

                AnalyzeTemplate(methodAttribute, template, resourceTemplate ?? "/", context, sink);
            }
        }
    }

    // resourceTemplate: null for the [Resource] template itself, else the (normalized) template the handler's goes under.
    private static void AnalyzeTemplate(
        AttributeData attribute,
        string raw,
        string? resourceTemplate,
        SymbolAnalysisContext context,
        DiagnosticSink sink)
    {
        string Display(string value) => resourceTemplate is null
            ? RouteTemplateParser.Normalize(value)
            : RouteTemplateParser.Combine(resourceTemplate, value);

        var display = Display(raw);
        var isResource = resourceTemplate is null;
        var cancellationToken = context.CancellationToken;
        var options = ResourcefulOptions.Read(context.Options, SyntaxLocations.Tree(attribute));
        var template = RouteTemplateText.Parse(raw, options.IsCustomConstraint);
        if (template.Problem is not null)
        {
            return;
        }

        bool IsAllowed(string segment) => EstablishedSegments.Contains(segment) || options.AllowedPathSegments.Contains(segment);

        foreach (var segment in template.Segments)
        {
            if (IsAllowed(segment.Text))
            {
                continue;
            }

            var verbReported = false;
            if (segment.Parts.Length > 0 && !segment.Parts[0].IsParameter)
            {
                verbReported = ReportVerb(attribute, template, segment, display, Display, cancellationToken, sink);
            }

            foreach (var part in segment.Parts.Where(static p => !p.IsParameter))
            {
                if (!verbReported && part.Text.Any(static c => c is >= 'A' and <= 'Z'))
                {
                    var lower = KebabCase(part.Text);
                    sink.Report(
                        DiagnosticDescriptors.UppercaseInPath,
                        SyntaxLocations.TemplateSpan(attribute, part.Start, part.Length, cancellationToken),
                        null,
                        NewTemplate(Replace(raw, part.Start, part.Length, lower)),
                        part.Text, display, lower);
                }

                var dot = part.Text.LastIndexOf('.');
                if (dot >= 0 && dot < part.Text.Length - 1 && FileExtensions.Contains(part.Text.Substring(dot + 1)))
                {
                    // The fix drops the extension where that leaves a segment and the literal holds no escaped brace
                    // (its text and its span then line up): '/books.json' and '/books/{id}.json' both read well without.
                    var fixable = part.Length == part.Text.Length && (dot > 0 || segment.Parts.Length > 1);
                    sink.Report(
                        DiagnosticDescriptors.FileExtensionInPath,
                        SyntaxLocations.TemplateSpan(attribute, part.Start, part.Length, cancellationToken),
                        null,
                        fixable ? NewTemplate(Replace(raw, part.Start + dot, part.Length - dot, string.Empty)) : null,
                        segment.Text, display, part.Text.Substring(dot));
                }
            }
        }

        var trimmed = raw.Trim();
        if (template.HasTrailingSlash && trimmed is not ("/" or "~/"))
        {
            var withoutSlash = raw.TrimEnd().TrimEnd('/');
            if (isResource && withoutSlash.Length == 0)
            {
                withoutSlash = "/";
            }

            sink.Report(
                DiagnosticDescriptors.TrailingSlash, SyntaxLocations.Template(attribute, cancellationToken), null,
                NewTemplate(withoutSlash), raw);
        }
    }

    private static bool ReportVerb(
        AttributeData attribute,
        RouteTemplateText template,
        TemplateSegment segment,
        string display,
        Func<string, string> displayOf,
        CancellationToken cancellationToken,
        DiagnosticSink sink)
    {
        var first = segment.Parts[0];
        var words = Words(first.Text);
        if (words.Count == 0)
        {
            return false;
        }

        var verb = words[0].ToLowerInvariant();
        if (!Verbs.TryGetValue(verb, out var impliedMethod)
            && !(words.Count > 1 && VerbsBeforeAnObject.TryGetValue(verb, out impliedMethod)))
        {
            return false;
        }

        // getBooks → books; a segment that is only the verb goes away.
        var rest = string.Join(first.Text.Contains("_") ? "_" : "-", words.Skip(1).Select(static w => w.ToLowerInvariant()));
        string newRaw;
        if (rest.Length > 0 || segment.Parts.Length > 1)
        {
            newRaw = Replace(template.Raw, first.Start, first.Length, rest);
        }
        else
        {
            newRaw = RemoveSegment(template.Raw, segment);
        }

        sink.Report(
            DiagnosticDescriptors.VerbInPath,
            SyntaxLocations.TemplateSpan(attribute, first.Start, first.Length, cancellationToken),
            null,
            NewTemplate(newRaw),
            first.Text, display, verb, impliedMethod + " " + displayOf(newRaw));
        return true;
    }

    private static ImmutableDictionary<string, string?> NewTemplate(string value) =>
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.NewTemplate, value);

    private static string Replace(string text, int start, int length, string replacement) =>
        text.Substring(0, start) + replacement + text.Substring(start + length);

    private static string RemoveSegment(string raw, TemplateSegment segment)
    {
        var start = segment.Start;
        var end = segment.Start + segment.Text.Length;
        if (end < raw.Length && raw[end] == '/')
        {
            end++;
        }
        else if (start > 0 && raw[start - 1] == '/')
        {
            start--;
        }

        var result = raw.Substring(0, start) + raw.Substring(end);
        return result.Length == 0 && raw.StartsWith("/", StringComparison.Ordinal) ? "/" : result;
    }

    /// <summary>The words of a path segment: split at '-', '_', '.', and where camel case changes case.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '-' or '_' or '.' or '~')
            {
                Flush();
                continue;
            }

            var startsWord = current.Length > 0 && char.IsUpper(c)
                && (char.IsLower(text[i - 1]) || char.IsDigit(text[i - 1]) || (i + 1 < text.Length && char.IsLower(text[i + 1])));
            if (startsWord)
            {
                Flush();
            }

            current.Append(c);
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

    /// <summary><c>BookReviews</c> → <c>book-reviews</c>; separators already there are kept.</summary>
    internal static string KebabCase(string text)
    {
        var builder = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsUpper(c) && i > 0 && text[i - 1] is not ('-' or '_' or '.' or '~')
                && (char.IsLower(text[i - 1]) || char.IsDigit(text[i - 1]) || (i + 1 < text.Length && char.IsLower(text[i + 1]) && char.IsUpper(text[i - 1]))))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
