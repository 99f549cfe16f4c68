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
/// RSF0005, RSF0006: makes a resource class visible to its assembly, as <c>MapResources()</c> needs: a nested
/// class that is private or protected (and every type around it that is) becomes <c>internal</c>, and a
/// <c>file</c>-local class becomes <c>internal</c>. The least visibility that works; <c>public</c> stays the user's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeResourceVisibleCodeFixProvider)), Shared]
public sealed class MakeResourceVisibleCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.ResourceNotAccessible, DiagnosticIds.ResourceIsFileLocal);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Node is not TypeDeclarationSyntax declaration)
        {
            yield break;
        }

        var targets = site.Diagnostic.Id == DiagnosticIds.ResourceIsFileLocal
            ? declaration.Modifiers.Any(SyntaxKind.FileKeyword) ? [declaration] : []
            : declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Where(HidesFromAssembly).ToArray();
        if (targets.Length == 0)
        {
            yield break;
        }

        yield return new ProposedFix(
            $"Make '{targets[0].Identifier.ValueText}' internal",
            site.Diagnostic.Id,
            editor => editor.ReplaceEach(targets, MakeInternal));
    }

    // A nested type is private unless it says otherwise; private, protected and private protected hide it from the
    // rest of the assembly.
    private static bool HidesFromAssembly(TypeDeclarationSyntax declaration)
    {
        if (declaration.Parent is not TypeDeclarationSyntax)
        {
            return false;
        }

        var modifiers = declaration.Modifiers;
        return !modifiers.Any(SyntaxKind.PublicKeyword) && !modifiers.Any(SyntaxKind.InternalKeyword);
    }

    private static TypeDeclarationSyntax MakeInternal(TypeDeclarationSyntax declaration)
    {
        var modifiers = declaration.Modifiers;
        var hiding = modifiers.Where(static m => m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.FileKeyword)).ToList();
        if (hiding.Count > 0)
        {
            var first = hiding[0];
            var internalKeyword = SyntaxFactory.Token(first.LeadingTrivia, SyntaxKind.InternalKeyword, hiding[hiding.Count - 1].TrailingTrivia);
            var kept = new List<SyntaxToken>();
            foreach (var modifier in modifiers)
            {
                if (modifier == first)
                {
                    kept.Add(internalKeyword);
                }
                else if (!hiding.Contains(modifier))
                {
                    kept.Add(modifier);
                }
            }

            return declaration.WithModifiers(SyntaxFactory.TokenList(kept));
        }

        if (modifiers.Count == 0)
        {
            var keyword = declaration.Keyword;
            var internalToken = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.InternalKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(internalToken));
        }

        var firstModifier = modifiers[0];
        return declaration.WithModifiers(modifiers
            .Replace(firstModifier, firstModifier.WithLeadingTrivia())
            .Insert(0, SyntaxFactory.Token(firstModifier.LeadingTrivia, SyntaxKind.InternalKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))));
    }
}
