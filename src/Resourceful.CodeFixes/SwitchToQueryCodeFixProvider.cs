using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Resourceful.Generators.Diagnostics;

namespace Resourceful.CodeFixes;

/// <summary>
/// RSF0101: a <c>[Get]</c> handler that reads a body becomes a <c>[Query]</c> handler (RFC 10008), the safe method
/// that carries one, keeping the body as it is. Offered beside "bind it from the query".
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwitchToQueryCodeFixProvider)), Shared]
public sealed class SwitchToQueryCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BodyOnBodylessMethod);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Property(DiagnosticProperties.HttpMethodAttribute) is not "Query"
            || site.Node?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || SyntaxEdits.HttpMethodAttributes(method).FirstOrDefault(static a => SyntaxEdits.SimpleName(a) == "Get") is not { } get)
        {
            yield break;
        }

        // One key for every parameter of one handler: they all ask for the same edit of the same attribute.
        yield return new ProposedFix(
            $"Handle '{method.Identifier.ValueText}' with [Query]",
            site.Diagnostic.Id + ".Query",
            editor => editor.Replace(get.Name, current => SwitchHttpMethodCodeFixProvider.Rename(current, "Query")));
    }
}
