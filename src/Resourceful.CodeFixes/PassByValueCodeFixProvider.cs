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
/// RSF0010: takes a <c>params</c> array, an <c>in</c> or a <c>ref readonly</c> parameter as a plain parameter: the
/// handler reads the same value either way. <c>ref</c> and <c>out</c> parameters are left to the user, since the
/// handler writes to them and what should become of those writes (a result, a header) is a design decision; so are
/// <c>params</c> collections other than arrays, whose plain form may not bind.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PassByValueCodeFixProvider)), Shared]
public sealed class PassByValueCodeFixProvider : ResourcefulCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HandlerParameterByReference);

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Node is not ParameterSyntax parameter || !ReadsOnly(parameter))
        {
            yield break;
        }

        yield return new ProposedFix(
            $"Take '{parameter.Identifier.ValueText}' as a plain parameter",
            site.Diagnostic.Id,
            editor => editor.Replace(parameter, WithoutPassingModifiers));
    }

    // params T[], in, ref readonly: the handler only reads the value. A lone ref or out may be written to.
    private static bool ReadsOnly(ParameterSyntax parameter)
    {
        var modifiers = parameter.Modifiers;
        if (modifiers.Any(SyntaxKind.OutKeyword) || modifiers.Any(SyntaxKind.ThisKeyword))
        {
            return false;
        }

        if (modifiers.Any(SyntaxKind.ParamsKeyword))
        {
            return parameter.Type is ArrayTypeSyntax;
        }

        return modifiers.Any(SyntaxKind.InKeyword)
            || (modifiers.Any(SyntaxKind.RefKeyword) && modifiers.Any(SyntaxKind.ReadOnlyKeyword));
    }

    private static ParameterSyntax WithoutPassingModifiers(ParameterSyntax parameter)
    {
        // 'scoped' only means something on a reference, which the parameter no longer is.
        var modifiers = SyntaxEdits.WithoutModifiers(
            parameter.Modifiers,
            static m => m.Kind() is SyntaxKind.ParamsKeyword or SyntaxKind.InKeyword or SyntaxKind.RefKeyword or SyntaxKind.ReadOnlyKeyword or SyntaxKind.ScopedKeyword,
            out var orphanedTrivia);
        var updated = parameter.WithModifiers(modifiers);
        return orphanedTrivia.Count == 0 || updated.Type is null ? updated : updated.WithType(updated.Type.WithLeadingTrivia(orphanedTrivia));
    }
}
