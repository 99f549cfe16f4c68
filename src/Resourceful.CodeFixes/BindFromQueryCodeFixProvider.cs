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

/// <summary>RSF0101, RSF0107: binds a GET or DELETE parameter from the query instead of the body or the form.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BindFromQueryCodeFixProvider)), Shared]
public sealed class BindFromQueryCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BodyOnBodylessMethod, DiagnosticIds.FormOnBodylessMethod);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        var bindFrom = site.Property(DiagnosticProperties.BindFrom);
        if (bindFrom is not (DiagnosticProperties.FromQuery or DiagnosticProperties.AsParameters) || site.Node is not ParameterSyntax parameter)
        {
            yield break;
        }

        var fromQuery = bindFrom == DiagnosticProperties.FromQuery;
        var attributeName = fromQuery ? "global::Microsoft.AspNetCore.Mvc.FromQuery" : "global::Microsoft.AspNetCore.Http.AsParameters";
        yield return new ProposedFix(
            fromQuery ? $"Bind '{parameter.Identifier.ValueText}' from the query" : $"Bind the members of '{parameter.Identifier.ValueText}' from the query",
            site.Diagnostic.Id,
            editor => editor.Replace(parameter, current => Rebind(current, attributeName)));
    }

    private static ParameterSyntax Rebind(ParameterSyntax parameter, string attributeName)
    {
        var replacement = SyntaxFactory.Attribute(SyntaxEdits.QualifiedName(attributeName));
        var fromBody = parameter.AttributeLists.SelectMany(static l => l.Attributes).FirstOrDefault(static a => SyntaxEdits.SimpleName(a) is "FromBody" or "FromForm");
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
