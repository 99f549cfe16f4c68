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

/// <summary>RSF0108: says which media types a form handler accepts, with <c>[Consumes(…)]</c> after its other attributes.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddConsumesCodeFixProvider)), Shared]
public sealed class AddConsumesCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FormAcceptsUnsaid);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Property(DiagnosticProperties.ConsumesMediaTypes) is not { Length: > 0 } mediaTypes
            || site.Node is not MethodDeclarationSyntax method
            || method.AttributeLists.Count == 0)
        {
            yield break;
        }

        var types = mediaTypes.Split(',');
        yield return new ProposedFix(
            $"Accept {string.Join(" and ", types)} on '{method.Identifier.ValueText}'",
            site.Diagnostic.Id,
            editor => editor.Replace(method, current => AddConsumes(current, types)));
    }

    private static MethodDeclarationSyntax AddConsumes(MethodDeclarationSyntax method, string[] mediaTypes)
    {
        var arguments = SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(
            mediaTypes.Select(static m => SyntaxFactory.AttributeArgument(SyntaxEdits.StringLiteral(m)))));
        // Named as the file's usings allow, written out (the simplifier would also reformat the attribute lists).
        var usesMvc = method.SyntaxTree.GetCompilationUnitRoot().Usings.Any(static u => u.Name?.ToString() == "Microsoft.AspNetCore.Mvc" && u.Alias is null);
        var attribute = SyntaxFactory.Attribute(SyntaxFactory.ParseName(usesMvc ? "Consumes" : "global::Microsoft.AspNetCore.Mvc.Consumes"), arguments);
        var last = method.AttributeLists.Last();
        // Brackets without elastic trivia, so code cleanup keeps the space between "] [".
        var list = SyntaxFactory.AttributeList(
            SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenBracketToken, SyntaxTriviaList.Empty),
            null,
            SyntaxFactory.SingletonSeparatedList(attribute),
            SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBracketToken, SyntaxTriviaList.Empty));

        // On a line of its own when the attributes are (with their indentation), else beside them.
        var ownLine = last.GetTrailingTrivia().Any(static t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        list = ownLine
            ? list.WithLeadingTrivia(method.AttributeLists.First().GetLeadingTrivia().Where(static t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                .WithTrailingTrivia(last.GetTrailingTrivia())
            : list.WithTrailingTrivia(last.GetTrailingTrivia());
        var lists = ownLine ? method.AttributeLists : method.AttributeLists.Replace(last, last.WithTrailingTrivia(SyntaxFactory.Space));
        return method.WithAttributeLists(lists.Add(list));
    }
}
