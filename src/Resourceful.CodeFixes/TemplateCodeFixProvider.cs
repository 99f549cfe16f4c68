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

/// <summary>
/// RSF0201, RSF0202, RSF0203, RSF0204: rewrites a template string literal to the value the analyzer computed (verb
/// removed, lower case, no trailing slash, no file extension).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TemplateCodeFixProvider)), Shared]
public sealed class TemplateCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.VerbInPath, DiagnosticIds.UppercaseInPath, DiagnosticIds.TrailingSlash, DiagnosticIds.FileExtensionInPath);

    // Two fixes in one literal would each rewrite all of it; fix one at a time.
    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.NewTemplate, out var newTemplate) || newTemplate is null
                || root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not LiteralExpressionSyntax literal
                || literal.Parent is not AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax arguments })
            {
                continue;
            }

            var title = diagnostic.Id switch
            {
                DiagnosticIds.VerbInPath => newTemplate.Length == 0 ? "Remove the verb from the path" : $"Change the path to '{newTemplate}'",
                DiagnosticIds.UppercaseInPath or DiagnosticIds.FileExtensionInPath => $"Change the path to '{newTemplate}'",
                _ => "Remove the trailing slash",
            };
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ =>
                    {
                        // An empty handler template is the resource's own URI: say it with no argument at all.
                        SyntaxNode updated = newTemplate.Length == 0 && arguments.Arguments.Count == 1 && arguments.Parent is AttributeSyntax attribute
                            && attribute.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
                            && SyntaxEdits.HttpMethodAttributes(method).Contains(attribute)
                            ? root.ReplaceNode(attribute, attribute.WithArgumentList(null))
                            : root.ReplaceNode(literal, SyntaxEdits.StringLiteral(newTemplate, literal));
                        return Task.FromResult(context.Document.WithSyntaxRoot(updated));
                    },
                    equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }
}
