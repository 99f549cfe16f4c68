using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Rename;
using Resourceful.Generators.Diagnostics;

namespace Resourceful.CodeFixes;

/// <summary>
/// RSF0015: adds the handler parameter a route value lacks. RSF0016: adds the missing value to the template, or
/// renames the parameter to the value the template declares.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RouteParameterCodeFixProvider)), Shared]
public sealed class RouteParameterCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.RouteParameterNotBound, DiagnosticIds.FromRouteNotInTemplate);

    /// <inheritdoc />
    protected override bool NeedsSemanticModel => true;

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site) =>
        site.Diagnostic.Id == DiagnosticIds.RouteParameterNotBound ? AddParameterFixes(site)
        : site.Node is ParameterSyntax parameter ? TemplateFixes(site, parameter)
        : [];

    private static IEnumerable<ProposedFix> AddParameterFixes(CodeFixSite site)
    {
        if (site.Property(DiagnosticProperties.RouteParameterName) is not { } name
            || site.Property(DiagnosticProperties.RouteParameterType) is not { } type
            || site.Node?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            yield break;
        }

        yield return new ProposedFix(
            $"Add parameter '{name}' to '{method.Identifier.ValueText}'",
            site.Diagnostic.Id,
            editor => editor.Replace(method, current => AddParameter(current, name, type)));
    }

    // Optional parameters must stay last, and a CancellationToken reads best at the end: insert before them.
    private static MethodDeclarationSyntax AddParameter(MethodDeclarationSyntax method, string name, string type)
    {
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name))
            .WithType(SyntaxFactory.ParseTypeName(type).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation));
        var parameters = method.ParameterList.Parameters;
        var index = parameters.Count;
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Default is not null || parameters[i].Type?.ToString() is "CancellationToken" or "System.Threading.CancellationToken")
            {
                index = i;
                break;
            }
        }

        return method.WithParameterList(method.ParameterList.WithParameters(parameters.Insert(index, parameter)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static IEnumerable<ProposedFix> TemplateFixes(CodeFixSite site, ParameterSyntax parameter)
    {
        if (parameter.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            yield break;
        }

        var httpAttributes = SyntaxEdits.HttpMethodAttributes(method);
        if (httpAttributes.Length == 1 && site.Property(DiagnosticProperties.NewTemplate) is { } newTemplate)
        {
            var attribute = httpAttributes[0];
            var original = TemplateLiteral(attribute)?.Token.ValueText ?? string.Empty;
            yield return new ProposedFix(
                $"Change the template to '{newTemplate}'",
                site.Diagnostic.Id + ".Template",
                editor => editor.Replace(attribute, current => WithTemplate(current, original, newTemplate)));
        }

        // A parameter that names its route value explicitly is fixed in the template, not by renaming it.
        var namesRouteValue = parameter.AttributeLists.SelectMany(static l => l.Attributes)
            .Any(static a => a.ArgumentList?.Arguments.Any(static arg => arg.NameEquals?.Name.Identifier.ValueText == "Name") == true);
        if (!namesRouteValue && site.Property(DiagnosticProperties.RenameTo) is { } renameTo
            && site.Model?.GetDeclaredSymbol(parameter, site.CancellationToken) is { } symbol)
        {
            var model = site.Model;
            var cancellationToken = site.CancellationToken;
            yield return new ProposedFix(
                $"Rename '{parameter.Identifier.ValueText}' to '{renameTo}'",
                site.Diagnostic.Id + ".Rename",
                editor => RenameInMethod(editor, model, method, parameter, symbol, renameTo, cancellationToken),
                (solution, token) => Renamer.RenameSymbolAsync(solution, symbol, new SymbolRenameOptions(), renameTo, token));
        }
    }

    private static LiteralExpressionSyntax? TemplateLiteral(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(static a => a.NameEquals is null)?.Expression as LiteralExpressionSyntax;

    // Adds to the template as it is now, so two route values added to one handler by Fix All both land.
    private static AttributeSyntax WithTemplate(AttributeSyntax attribute, string original, string template)
    {
        var argument = attribute.ArgumentList?.Arguments.FirstOrDefault(static a => a.NameEquals is null);
        if (argument is not null)
        {
            var value = argument.Expression is LiteralExpressionSyntax literal
                ? SyntaxEdits.ApplyChange(literal.Token.ValueText, original, template)
                : template;
            return value is null ? attribute : attribute.ReplaceNode(argument.Expression, SyntaxEdits.StringLiteral(value, argument.Expression));
        }

        var newArgument = SyntaxFactory.AttributeArgument(SyntaxEdits.StringLiteral(template));
        return attribute.WithArgumentList(attribute.ArgumentList is { } list
            ? list.WithArguments(list.Arguments.Insert(0, newArgument))
            : SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(newArgument)));
    }

    // Fix All edits one document at a time: the parameter and its uses inside the handler, which is all a route
    // value's parameter usually has. The single fix renames through the whole solution.
    private static void RenameInMethod(
        SyntaxEditor editor, SemanticModel model, MethodDeclarationSyntax method, ParameterSyntax parameter, IParameterSymbol symbol, string newName, CancellationToken cancellationToken)
    {
        editor.Replace(parameter, current => current.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(current.Identifier)));
        foreach (var use in method.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (use.Identifier.ValueText == parameter.Identifier.ValueText
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, symbol))
            {
                editor.Replace(use, current => current.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(current.Identifier)));
            }
        }
    }
}
