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
/// RSF0201, RSF0202, RSF0203, RSF0204: rewrites a template string literal to the value the analyzer computed (verb
/// removed, lower case, no trailing slash, no file extension).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TemplateCodeFixProvider)), Shared]
public sealed class TemplateCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.VerbInPath, DiagnosticIds.UppercaseInPath, DiagnosticIds.TrailingSlash, DiagnosticIds.FileExtensionInPath);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Property(DiagnosticProperties.NewTemplate) is not { } newTemplate
            || site.Node is not LiteralExpressionSyntax literal
            || literal.Parent is not AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } })
        {
            yield break;
        }

        var title = site.Diagnostic.Id switch
        {
            DiagnosticIds.VerbInPath => newTemplate.Length == 0 ? "Remove the verb from the path" : $"Change the path to '{newTemplate}'",
            DiagnosticIds.UppercaseInPath or DiagnosticIds.FileExtensionInPath => $"Change the path to '{newTemplate}'",
            _ => "Remove the trailing slash",
        };

        // The analyzer computed the whole new template; the edit applies only the part it changed, so several
        // diagnostics in one literal (two upper-case segments) are all fixed in one Fix All.
        var original = literal.Token.ValueText;
        var isHandlerTemplate = attribute.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
            && SyntaxEdits.HttpMethodAttributes(method).Contains(attribute);
        yield return new ProposedFix(
            title,
            site.Diagnostic.Id,
            editor =>
            {
                editor.Replace(literal, current =>
                    SyntaxEdits.ApplyChange(current.Token.ValueText, original, newTemplate) is { } value
                        ? SyntaxEdits.StringLiteral(value, current)
                        : current);
                if (isHandlerTemplate)
                {
                    // An empty handler template is the resource's own URI: say it with no argument at all.
                    editor.Replace(attribute, static current =>
                        current is { ArgumentList.Arguments: { Count: 1 } arguments }
                        && arguments[0] is { NameEquals: null, NameColon: null, Expression: LiteralExpressionSyntax { Token.ValueText: "" } }
                            ? current.WithArgumentList(null)
                            : current);
                }
            });
    }
}
