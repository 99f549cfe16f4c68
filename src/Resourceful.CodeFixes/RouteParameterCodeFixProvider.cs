using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Rename;
using Resourceful.Generators.Diagnostics;

namespace Resourceful.CodeFixes;

/// <summary>
/// RSF0015: adds the handler parameter a route value lacks. RSF0016: adds the missing value to the template, or
/// renames the parameter to the value the template declares.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RouteParameterCodeFixProvider)), Shared]
public sealed class RouteParameterCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.RouteParameterNotBound, DiagnosticIds.FromRouteNotInTemplate);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
            if (diagnostic.Id == DiagnosticIds.RouteParameterNotBound)
            {
                RegisterAddParameter(context, diagnostic, root, node);
            }
            else if (node is ParameterSyntax parameter)
            {
                RegisterTemplateFixes(context, diagnostic, root, parameter);
            }
        }
    }

    private static void RegisterAddParameter(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode? node)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.RouteParameterName, out var name) || name is null
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.RouteParameterType, out var type) || type is null
            || node?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Add parameter '{name}' to '{method.Identifier.ValueText}'",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, AddParameter(method, name, type)))),
                equivalenceKey: diagnostic.Id),
            diagnostic);
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

    private static void RegisterTemplateFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, ParameterSyntax parameter)
    {
        if (parameter.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return;
        }

        var httpAttributes = SyntaxEdits.HttpMethodAttributes(method);
        if (httpAttributes.Length == 1
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.NewTemplate, out var newTemplate) && newTemplate is not null)
        {
            var attribute = httpAttributes[0];
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Change the template to '{newTemplate}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, WithTemplate(attribute, newTemplate)))),
                    equivalenceKey: diagnostic.Id + ".Template"),
                diagnostic);
        }

        // A parameter that names its route value explicitly is fixed in the template, not by renaming it.
        var namesRouteValue = parameter.AttributeLists.SelectMany(static l => l.Attributes)
            .Any(static a => a.ArgumentList?.Arguments.Any(static arg => arg.NameEquals?.Name.Identifier.ValueText == "Name") == true);
        if (!namesRouteValue && diagnostic.Properties.TryGetValue(DiagnosticProperties.RenameTo, out var renameTo) && renameTo is not null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Rename '{parameter.Identifier.ValueText}' to '{renameTo}'",
                    cancellationToken => RenameAsync(context.Document, parameter, renameTo, cancellationToken),
                    equivalenceKey: diagnostic.Id + ".Rename"),
                diagnostic);
        }
    }

    private static AttributeSyntax WithTemplate(AttributeSyntax attribute, string template)
    {
        var argument = attribute.ArgumentList?.Arguments.FirstOrDefault(static a => a.NameEquals is null);
        if (argument is not null)
        {
            return attribute.ReplaceNode(argument.Expression, SyntaxEdits.StringLiteral(template, argument.Expression));
        }

        var newArgument = SyntaxFactory.AttributeArgument(SyntaxEdits.StringLiteral(template));
        return attribute.WithArgumentList(attribute.ArgumentList is { } list
            ? list.WithArguments(list.Arguments.Insert(0, newArgument))
            : SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(newArgument)));
    }

    private static async Task<Solution> RenameAsync(Document document, ParameterSyntax parameter, string newName, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(parameter, cancellationToken) is not { } symbol)
        {
            return document.Project.Solution;
        }

        return await Renamer.RenameSymbolAsync(document.Project.Solution, symbol, new SymbolRenameOptions(), newName, cancellationToken).ConfigureAwait(false);
    }
}
