using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Resourceful.CodeFixes;

/// <summary>Small syntax edits the fixes share.</summary>
internal static class SyntaxEdits
{
    private static readonly string[] HttpMethodAttributeNames = ["Get", "Post", "Put", "Patch", "Delete", "Query"];

    /// <summary><paramref name="declaration"/> with <c>partial</c> right before its keyword, as C# requires.</summary>
    public static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return declaration;
        }

        if (declaration.Modifiers.Count == 0)
        {
            var keyword = declaration.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.AddModifiers(SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
    }

    /// <summary>
    /// Replaces <paramref name="node"/> with what <paramref name="replace"/> builds from its current form. The
    /// replacement keeps the current node's annotations, among them the editor's tracking, so a later edit of the
    /// same node (two diagnostics in one literal, two resources in one containing type) still finds it.
    /// </summary>
    public static void Replace<TNode>(this SyntaxEditor editor, TNode node, System.Func<TNode, SyntaxNode> replace)
        where TNode : SyntaxNode =>
        editor.ReplaceNode(node, (current, _) => current.CopyAnnotationsTo(replace((TNode)current))!);

    /// <summary>Replaces each of <paramref name="nodes"/> as <see cref="Replace{TNode}"/> does.</summary>
    public static void ReplaceEach<TNode>(this SyntaxEditor editor, System.Collections.Generic.IEnumerable<TNode> nodes, System.Func<TNode, SyntaxNode> replace)
        where TNode : SyntaxNode
    {
        foreach (var node in nodes)
        {
            editor.Replace(node, replace);
        }
    }

    /// <summary>
    /// <paramref name="modifiers"/> without those <paramref name="remove"/> picks. A removed first modifier's leading
    /// trivia (indentation, a line break after attributes) moves to the modifier that now comes first or, when none
    /// is left, into <paramref name="orphanedTrivia"/> for the token after the modifiers.
    /// </summary>
    public static SyntaxTokenList WithoutModifiers(SyntaxTokenList modifiers, System.Func<SyntaxToken, bool> remove, out SyntaxTriviaList orphanedTrivia)
    {
        orphanedTrivia = SyntaxTriviaList.Empty;
        var kept = modifiers.Where(m => !remove(m)).ToList();
        if (kept.Count == modifiers.Count)
        {
            return modifiers;
        }

        if (remove(modifiers[0]))
        {
            if (kept.Count > 0)
            {
                kept[0] = kept[0].WithLeadingTrivia(modifiers[0].LeadingTrivia);
            }
            else
            {
                orphanedTrivia = modifiers[0].LeadingTrivia;
            }
        }

        return SyntaxFactory.TokenList(kept);
    }

    /// <summary>A string literal holding <paramref name="value"/>, with <paramref name="old"/>'s trivia.</summary>
    public static ExpressionSyntax StringLiteral(string value, SyntaxNode? old = null)
    {
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));
        return old is null ? literal : literal.WithTriviaFrom(old);
    }

    /// <summary>The simple name of an attribute as written: <c>Get</c> for <c>[Resourceful.GetAttribute]</c>.</summary>
    public static string SimpleName(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    /// <summary>The HTTP method attributes of <paramref name="method"/>, by name.</summary>
    public static AttributeSyntax[] HttpMethodAttributes(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(static l => l.Attributes)
            .Where(static a => HttpMethodAttributeNames.Contains(SimpleName(a)))
            .ToArray();

    /// <summary>
    /// <paramref name="current"/> with the change the analyzer computed from <paramref name="original"/> to
    /// <paramref name="updated"/> (its smallest span), or null when an earlier edit of the same text changed that
    /// span or what follows it. Fix All applies the edits of one text in source order, as one fix after another
    /// would, so several edits of one template each land where the analyzer meant them instead of one overwriting
    /// the others.
    /// </summary>
    public static string? ApplyChange(string current, string original, string updated)
    {
        var shorter = System.Math.Min(original.Length, updated.Length);
        var prefix = 0;
        while (prefix < shorter && original[prefix] == updated[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < shorter - prefix && original[original.Length - 1 - suffix] == updated[updated.Length - 1 - suffix])
        {
            suffix++;
        }

        // Edits before this one may have moved it, but left it and the text after it as the analyzer saw them.
        var tail = original.Length - prefix;
        if (current.Length < tail || string.CompareOrdinal(current, current.Length - tail, original, prefix, tail) != 0)
        {
            return null;
        }

        return current.Substring(0, current.Length - tail) + updated.Substring(prefix, updated.Length - prefix - suffix) + original.Substring(original.Length - suffix);
    }

    /// <summary>A type or attribute name written fully qualified, shortened by the simplifier where the usings allow.</summary>
    public static NameSyntax QualifiedName(string name) =>
        SyntaxFactory.ParseName(name).WithAdditionalAnnotations(Simplifier.Annotation);
}
