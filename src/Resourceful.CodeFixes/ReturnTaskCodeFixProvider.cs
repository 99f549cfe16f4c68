using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Resourceful.Generators.Diagnostics;

namespace Resourceful.CodeFixes;

/// <summary>
/// RSF0011: makes an <c>async void</c> handler return <c>Task</c>, so the response waits for its work and its
/// exceptions reach the app's error handling. The other unsupported returns (by reference, a ref struct, a pointer,
/// a static type) need a different value, which the user chooses.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnTaskCodeFixProvider)), Shared]
public sealed class ReturnTaskCodeFixProvider : ResourcefulCodeFixProvider
{
    private const string TaskType = "global::System.Threading.Tasks.Task";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HandlerReturnNotSupported);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Node is not MethodDeclarationSyntax method
            || !method.Modifiers.Any(SyntaxKind.AsyncKeyword)
            || method.ReturnType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword } returnType)
        {
            yield break;
        }

        yield return new ProposedFix(
            $"Make '{method.Identifier.ValueText}' return Task",
            site.Diagnostic.Id,
            editor => editor.Replace(returnType, static current => SyntaxEdits.QualifiedName(TaskType).WithTriviaFrom(current)));
    }
}
