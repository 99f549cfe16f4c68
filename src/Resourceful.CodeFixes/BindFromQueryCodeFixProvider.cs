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

/// <summary>RSF0101: binds a GET or DELETE parameter from the query instead of the body.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BindFromQueryCodeFixProvider)), Shared]
public sealed class BindFromQueryCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BodyOnBodylessMethod);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.BindFrom, out var bindFrom)
                || bindFrom is not (DiagnosticProperties.FromQuery or DiagnosticProperties.AsParameters)
                || root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not ParameterSyntax parameter)
            {
                continue;
            }

            var attributeName = bindFrom == DiagnosticProperties.FromQuery
                ? "global::Microsoft.AspNetCore.Mvc.FromQuery"
                : "global::Microsoft.AspNetCore.Http.AsParameters";
            context.RegisterCodeFix(
                CodeAction.Create(
                    bindFrom == DiagnosticProperties.FromQuery ? $"Bind '{parameter.Identifier.ValueText}' from the query" : $"Bind the members of '{parameter.Identifier.ValueText}' from the query",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(parameter, Rebind(parameter, attributeName)))),
                    equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }

    private static ParameterSyntax Rebind(ParameterSyntax parameter, string attributeName)
    {
        var replacement = SyntaxFactory.Attribute(SyntaxEdits.QualifiedName(attributeName));
        var fromBody = parameter.AttributeLists.SelectMany(static l => l.Attributes).FirstOrDefault(static a => SyntaxEdits.SimpleName(a) == "FromBody");
        if (fromBody is not null)
        {
            return parameter.ReplaceNode(fromBody, replacement.WithTriviaFrom(fromBody));
        }

        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(replacement))
            .WithLeadingTrivia(parameter.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.Space);
        return parameter.WithoutLeadingTrivia().WithAttributeLists(parameter.AttributeLists.Insert(0, list));
    }
}
