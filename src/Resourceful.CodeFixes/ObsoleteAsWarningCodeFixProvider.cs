using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Resourceful.Generators.Diagnostics;

namespace Resourceful.CodeFixes;

/// <summary>
/// RSF0021: keeps serving a handler marked <c>[Obsolete(..., error: true)]</c> by making the <c>[Obsolete]</c> a
/// warning (its <c>error</c> argument removed), so generated code can call it. Retiring the endpoint instead means
/// removing its HTTP method attribute, which the user decides.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ObsoleteAsWarningCodeFixProvider)), Shared]
public sealed class ObsoleteAsWarningCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HandlerObsoleteError);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Node is MethodDeclarationSyntax method && ErrorArgument(method) is { } argument)
        {
            yield return new ProposedFix(
                $"Make the [Obsolete] of '{method.Identifier.ValueText}' a warning",
                site.Diagnostic.Id,
                editor => editor.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia));
        }
    }

    // The second argument of [Obsolete(message, error)], named 'error:' or not.
    private static AttributeArgumentSyntax? ErrorArgument(MethodDeclarationSyntax method) =>
        method.AttributeLists
            .SelectMany(static list => list.Attributes)
            .Where(static attribute => SyntaxEdits.SimpleName(attribute) is "Obsolete")
            .Select(static attribute => attribute.ArgumentList?.Arguments.Skip(1).FirstOrDefault(static a => a.NameEquals is null))
            .FirstOrDefault(static argument => argument is not null);
}
