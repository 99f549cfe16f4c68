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

/// <summary>RSF0008: makes a handler <c>public</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeHandlerPublicCodeFixProvider)), Shared]
public sealed class MakeHandlerPublicCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HandlerNotPublic);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Node is MethodDeclarationSyntax method)
        {
            yield return new ProposedFix(
                $"Make '{method.Identifier.ValueText}' public",
                site.Diagnostic.Id,
                editor => editor.Replace(method, MakePublic));
        }
    }

    private static MethodDeclarationSyntax MakePublic(MethodDeclarationSyntax method)
    {
        var modifiers = method.Modifiers;
        var accessibility = modifiers.Where(static m => m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.InternalKeyword)).ToList();
        if (accessibility.Count > 0)
        {
            var first = accessibility[0];
            var index = modifiers.IndexOf(first);
            var publicKeyword = SyntaxFactory.Token(first.LeadingTrivia, SyntaxKind.PublicKeyword, accessibility[accessibility.Count - 1].TrailingTrivia);
            var rest = modifiers.Where(m => !accessibility.Contains(m)).ToList();
            rest.Insert(index, publicKeyword);
            return method.WithModifiers(SyntaxFactory.TokenList(rest));
        }

        if (modifiers.Count == 0)
        {
            var returnType = method.ReturnType;
            var publicToken = SyntaxFactory.Token(returnType.GetLeadingTrivia(), SyntaxKind.PublicKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return method.WithReturnType(returnType.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(publicToken));
        }

        var firstModifier = modifiers[0];
        return method.WithModifiers(modifiers
            .Replace(firstModifier, firstModifier.WithLeadingTrivia())
            .Insert(0, SyntaxFactory.Token(firstModifier.LeadingTrivia, SyntaxKind.PublicKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))));
    }
}
