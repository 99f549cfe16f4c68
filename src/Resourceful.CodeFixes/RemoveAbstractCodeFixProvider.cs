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
/// RSF0004: removes <c>abstract</c> from a resource class that declares no abstract member, so one instance can be
/// created per request. A class with abstract members is left to the user: implementing them, or making the class
/// and its handlers static, is a design decision.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveAbstractCodeFixProvider)), Shared]
public sealed class RemoveAbstractCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ResourceIsAbstract);

    /// <inheritdoc />
    protected override bool NeedsSemanticModel => true;

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Node is not ClassDeclarationSyntax declaration
            || !declaration.Modifiers.Any(SyntaxKind.AbstractKeyword)
            || site.Model?.GetDeclaredSymbol(declaration, site.CancellationToken) is not { } type
            || type.GetMembers().Any(static m => m.IsAbstract)
            || type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree != declaration.SyntaxTree && r.GetSyntax(site.CancellationToken) is ClassDeclarationSyntax other && other.Modifiers.Any(SyntaxKind.AbstractKeyword)))
        {
            yield break;
        }

        yield return new ProposedFix(
            $"Remove 'abstract' from '{declaration.Identifier.ValueText}'",
            site.Diagnostic.Id,
            editor => editor.Replace(declaration, WithoutAbstract));
    }

    private static ClassDeclarationSyntax WithoutAbstract(ClassDeclarationSyntax declaration)
    {
        var modifiers = SyntaxEdits.WithoutModifiers(declaration.Modifiers, static m => m.IsKind(SyntaxKind.AbstractKeyword), out var orphanedTrivia);
        var updated = declaration.WithModifiers(modifiers);
        return orphanedTrivia.Count == 0 ? updated : updated.WithKeyword(updated.Keyword.WithLeadingTrivia(orphanedTrivia));
    }
}
