using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Resourceful.Generators.Diagnostics;

namespace Resourceful.CodeFixes;

/// <summary>
/// RSF0106: adds a <c>Resourceful.Preconditions preconditions</c> parameter to a write of a versioned resource, for
/// the handler to ask <c>preconditions.Allows(current.Version)</c> before it writes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPreconditionsCodeFixProvider)), Shared]
public sealed class AddPreconditionsCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LostUpdate);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Node?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            yield break;
        }

        var name = UnusedName(method);
        yield return new ProposedFix(
            $"Add parameter 'Preconditions {name}' to '{method.Identifier.ValueText}'",
            site.Diagnostic.Id,
            editor => editor.Replace(method, current => AddParameter(current, name)));
    }

    private static string UnusedName(MethodDeclarationSyntax method)
    {
        var names = method.ParameterList.Parameters.Select(static p => p.Identifier.ValueText).ToImmutableHashSet();
        var name = "preconditions";
        for (var suffix = 2; names.Contains(name); suffix++)
        {
            name = "preconditions" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    // Optional parameters must stay last, and a CancellationToken reads best at the end: insert before them.
    private static MethodDeclarationSyntax AddParameter(MethodDeclarationSyntax method, string name)
    {
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
            .WithType(SyntaxFactory.ParseTypeName("global::Resourceful.Preconditions").WithAdditionalAnnotations(Simplifier.Annotation));
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
}
