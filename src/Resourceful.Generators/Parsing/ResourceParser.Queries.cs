using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// The questions the analyzers ask of a resource besides <see cref="Describe"/>, answered by the parser's own tests
/// so that no rule has a second opinion of what the generator does.
/// </summary>
internal static partial class ResourceParser
{
    /// <summary>The <c>[Resource]</c> attribute of <paramref name="type"/>, matched by name as the generator matches it.</summary>
    public static AttributeData? FindResourceAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == ResourceAttributeName)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether the generator reads <paramref name="type"/> from text (route, query, header): a "simple" type.</summary>
    public static bool IsSimpleType(ITypeSymbol type) => GetValueInfo(type).Parser != ValueParser.None;

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.Internal => "internal",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "not public",
    };

    /// <summary>
    /// Why the generated code cannot reach <paramref name="type"/> (so the generator maps none of it), in words
    /// that complete "Resource class 'X' is …"; <see langword="null"/> when it can.
    /// </summary>
    public static string? AccessibilityProblem(INamedTypeSymbol type)
    {
        if (IsReachableFromAssembly(type))
        {
            return null;
        }

        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            if (named.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                var text = AccessibilityText(named.DeclaredAccessibility);
                return ReferenceEquals(named, type) ? text : $"inside '{named.Name}', which is {text}";
            }
        }

        return "not reachable";
    }

    /// <summary>
    /// Whether the generator gives <paramref name="type"/> a <c>Links</c> class. The model's
    /// <see cref="ResourceModel.CanDeclarePartial"/> cannot say so to an analyzer: analyzers see the compilation
    /// with the generated code in it, where the generated <c>Links</c> already exists.
    /// </summary>
    public static bool HasGeneratedLinks(INamedTypeSymbol type, KnownTypes known, CancellationToken cancellationToken)
    {
        if (!IsPartial(type, cancellationToken))
        {
            return false;
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || !IsPartial(outer, cancellationToken))
            {
                return false;
            }
        }

        // A Links of the user's own stops the generator from adding one; ours carries [GeneratedCode("Resourceful", …)].
        return type.GetMembers("Links").All(member => member.GetAttributes().Any(a =>
            KnownTypes.Is(a.AttributeClass, known.GeneratedCodeAttribute)
            && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == "Resourceful"));
    }

    /// <summary>
    /// RSF0007 for a <c>[Get]</c>-style <paramref name="attribute"/> on a method of a class that is not a resource (it maps
    /// nothing), reported once per method, at its first such attribute; <see langword="null"/> otherwise.
    /// </summary>
    public static Problem? HandlerOutsideResource(IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.ContainingType is not { } containingType
            || FindResourceAttribute(containingType) is not null)
        {
            return null;
        }

        var first = method.GetAttributes().FirstOrDefault(static a => GetHttpMethod(a.AttributeClass) is not null);
        if (first is null || first.ApplicationSyntaxReference?.Span != attribute.ApplicationSyntaxReference?.Span
            || first.ApplicationSyntaxReference?.SyntaxTree != attribute.ApplicationSyntaxReference?.SyntaxTree)
        {
            return null;
        }

        var attributeName = first.AttributeClass!.Name;
        return new Problem(
            DiagnosticDescriptors.MethodAttributeOutsideResource,
            SyntaxLocations.MethodIdentifier(method, first, cancellationToken),
            null,
            null,
            [SymbolNames.Handler(method), attributeName.Substring(0, attributeName.Length - "Attribute".Length), containingType.Name]);
    }
}
