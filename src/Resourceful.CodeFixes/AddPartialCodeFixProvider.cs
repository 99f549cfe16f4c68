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

/// <summary>RSF0001, RSF0002: adds <c>partial</c> to the resource class, or to the types around it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFixProvider)), Shared]
public sealed class AddPartialCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.ResourceNotPartial, DiagnosticIds.ContainingTypeNotPartial);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Node is not TypeDeclarationSyntax declaration)
        {
            yield break;
        }

        var targets = site.Diagnostic.Id == DiagnosticIds.ContainingTypeNotPartial
            ? declaration.Ancestors().OfType<TypeDeclarationSyntax>().Where(static t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).ToArray()
            : [declaration];
        if (targets.Length == 0)
        {
            yield break;
        }

        yield return new ProposedFix(
            $"Make '{targets[0].Identifier.ValueText}' partial",
            site.Diagnostic.Id,
            editor => editor.ReplaceEach(targets, SyntaxEdits.WithPartial));
    }
}
