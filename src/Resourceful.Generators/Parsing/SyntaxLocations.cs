using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Where a diagnostic goes: always in the user's own declaration (never in generated code, where it could not
/// be suppressed), at the smallest span that names the problem.
/// </summary>
internal static class SyntaxLocations
{
    /// <summary>The identifier of the class declaration that carries <paramref name="attribute"/>.</summary>
    public static Location TypeIdentifier(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } syntax
            && syntax.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } declaration)
        {
            return declaration.Identifier.GetLocation();
        }

        return FirstSourceLocation(type);
    }

    /// <summary>The identifier of <paramref name="type"/>'s first declaration in source.</summary>
    public static Location FirstSourceLocation(ISymbol symbol) =>
        symbol.Locations.FirstOrDefault(static l => l.IsInSource) ?? Location.None;

    /// <summary>The identifier of the method declaration that carries <paramref name="attribute"/>.</summary>
    public static Location MethodIdentifier(IMethodSymbol method, AttributeData? attribute, CancellationToken cancellationToken)
    {
        if (attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } syntax
            && syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } declaration)
        {
            return declaration.Identifier.GetLocation();
        }

        return FirstSourceLocation(method);
    }

    /// <summary>The first positional argument of <paramref name="attribute"/> (the template), or <see langword="null"/>.</summary>
    public static ExpressionSyntax? TemplateArgument(AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            return arguments.Arguments.FirstOrDefault(static a => a.NameEquals is null && a.NameColon is null)?.Expression
                ?? arguments.Arguments.FirstOrDefault(static a => a.NameColon is not null)?.Expression;
        }

        return null;
    }

    /// <summary>The template argument's location, or the attribute's when it has none.</summary>
    public static Location Template(AttributeData attribute, CancellationToken cancellationToken)
    {
        if (TemplateArgument(attribute, cancellationToken) is { } argument)
        {
            return argument.GetLocation();
        }

        return attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;
    }

    /// <summary>
    /// The characters <paramref name="start"/>..<paramref name="start"/>+<paramref name="length"/> of the template
    /// inside its string literal, when the literal is written without escapes so offsets map one to one;
    /// otherwise the whole argument.
    /// </summary>
    public static Location TemplateSpan(AttributeData attribute, int start, int length, CancellationToken cancellationToken)
    {
        var argument = TemplateArgument(attribute, cancellationToken);
        if (argument is LiteralExpressionSyntax { Token: var token } literal && token.IsKind(SyntaxKind.StringLiteralToken)
            && token.Text.Length == token.ValueText.Length + 2 && token.Text[0] == '"'
            && start >= 0 && length > 0 && start + length <= token.ValueText.Length)
        {
            return Location.Create(literal.SyntaxTree, new TextSpan(token.SpanStart + 1 + start, length));
        }

        return argument?.GetLocation() ?? Template(attribute, cancellationToken);
    }

    /// <summary>The syntax tree the template of <paramref name="attribute"/> is written in, for its options.</summary>
    public static SyntaxTree? Tree(AttributeData attribute) => attribute.ApplicationSyntaxReference?.SyntaxTree;
}
