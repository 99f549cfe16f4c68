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
/// RSF0021: keeps serving a handler marked <c>[Obsolete(..., error: true)]</c> by making the <c>[Obsolete]</c> a
/// warning (its <c>error</c> argument removed), so generated code can call it. Retiring the endpoint instead means
/// removing its HTTP method attribute, which the user decides.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ObsoleteAsWarningCodeFixProvider)), Shared]
public sealed class ObsoleteAsWarningCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HandlerObsoleteError);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax method
                || ErrorArgument(method) is not { } argument)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make the [Obsolete] of '{method.Identifier.ValueText}' a warning",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia)!)),
                    equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }

    // The second argument of [Obsolete(message, error)], named 'error:' or not.
    private static AttributeArgumentSyntax? ErrorArgument(MethodDeclarationSyntax method) =>
        method.AttributeLists
            .SelectMany(static list => list.Attributes)
            .Where(static attribute => SyntaxEdits.SimpleName(attribute) is "Obsolete")
            .Select(static attribute => attribute.ArgumentList?.Arguments.Skip(1).FirstOrDefault(static a => a.NameEquals is null))
            .FirstOrDefault(static argument => argument is not null);
}
