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

/// <summary>RSF0102: turns a state-changing <c>[Get]</c> (or <c>[Query]</c>) into the method its name implies.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwitchHttpMethodCodeFixProvider)), Shared]
public sealed class SwitchHttpMethodCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.GetChangesState);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Property(DiagnosticProperties.HttpMethodAttribute) is not { } target
            || site.Node is not MethodDeclarationSyntax method
            || SyntaxEdits.HttpMethodAttributes(method).FirstOrDefault(static a => SyntaxEdits.SimpleName(a) is "Get" or "Query") is not { } get)
        {
            yield break;
        }

        yield return new ProposedFix(
            $"Handle '{method.Identifier.ValueText}' with [{target}]",
            site.Diagnostic.Id,
            editor => editor.Replace(get.Name, current => Rename(current, target)));
    }

    // [Get], [GetAttribute], [Resourceful.Get]: keep the qualification and the suffix the user wrote.
    internal static NameSyntax Rename(NameSyntax name, string target)
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
