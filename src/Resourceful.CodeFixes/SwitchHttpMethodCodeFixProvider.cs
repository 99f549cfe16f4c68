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

/// <summary>RSF0102: turns a state-changing <c>[Get]</c> into the method its name implies.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwitchHttpMethodCodeFixProvider)), Shared]
public sealed class SwitchHttpMethodCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.GetChangesState);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.HttpMethodAttribute, out var target) || target is null
                || root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax method
                || SyntaxEdits.HttpMethodAttributes(method).FirstOrDefault(static a => SyntaxEdits.SimpleName(a) == "Get") is not { } get)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Handle '{method.Identifier.ValueText}' with [{target}]",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(get.Name, Rename(get.Name, target)))),
                    equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }

    // [Get], [GetAttribute], [Resourceful.Get]: keep the qualification and the suffix the user wrote.
    private static NameSyntax Rename(NameSyntax name, string target)
    {
        SimpleNameSyntax Renamed(SimpleNameSyntax simple)
        {
            var text = simple.Identifier.ValueText.EndsWith("Attribute", System.StringComparison.Ordinal) ? target + "Attribute" : target;
            return SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(simple.Identifier.LeadingTrivia, text, simple.Identifier.TrailingTrivia));
        }

        return name switch
        {
            QualifiedNameSyntax qualified => qualified.WithRight(Renamed(qualified.Right)),
            AliasQualifiedNameSyntax alias => alias.WithName(Renamed(alias.Name)),
            SimpleNameSyntax simple => Renamed(simple),
            _ => name,
        };
    }
}
