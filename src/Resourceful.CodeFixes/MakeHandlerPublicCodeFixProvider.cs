using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Resourceful.Generators.Diagnostics;

namespace Resourceful.CodeFixes;

/// <summary>RSF0008: makes a handler <c>public</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeHandlerPublicCodeFixProvider)), Shared]
public sealed class MakeHandlerPublicCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HandlerNotPublic);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax method)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{method.Identifier.ValueText}' public",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, MakePublic(method)))),
                    equivalenceKey: diagnostic.Id),
                diagnostic);
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
