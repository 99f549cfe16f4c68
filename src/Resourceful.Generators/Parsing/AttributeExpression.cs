using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Rewrites an applied attribute as the C# expression that creates the same instance
/// (<c>new global::X("a") { Roles = "b" }</c>), so generated code can hand it to routing as endpoint metadata,
/// or run a validation attribute, without reading attributes through reflection at run time.
/// </summary>
internal static class AttributeExpression
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>The creation expression, or <see langword="null"/> when an argument cannot be written as a constant.</summary>
    public static string? TryCreate(AttributeData attribute)
    {
        var type = attribute.AttributeClass;
        if (type is null || type.TypeKind == TypeKind.Error || type.IsAbstract || type.IsGenericType
            || attribute.AttributeConstructor is not { DeclaredAccessibility: Accessibility.Public }
            || !IsPublic(type))
        {
            return null;
        }

        var arguments = new List<string>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            var text = Constant(argument);
            if (text is null)
            {
                return null;
            }

            arguments.Add(text);
        }

        var initializers = new List<string>();
        foreach (var named in attribute.NamedArguments)
        {
            var text = Constant(named.Value);
            if (text is null)
            {
                return null;
            }

            initializers.Add($"{EscapeIdentifier(named.Key)} = {text}");
        }

        var creation = $"new {type.ToDisplayString(TypeFormat)}({string.Join(", ", arguments)})";
        return initializers.Count == 0 ? creation : $"{creation} {{ {string.Join(", ", initializers)} }}";
    }

    private static string? Constant(TypedConstant constant)
    {
        if (constant.Kind == TypedConstantKind.Error)
        {
            return null;
        }

        if (constant.Kind == TypedConstantKind.Array)
        {
            if (constant.IsNull)
            {
                return "null";
            }

            var elementType = (constant.Type as IArrayTypeSymbol)?.ElementType;
            if (elementType is null)
            {
                return null;
            }

            var items = constant.Values.Select(Constant).ToList();
            return items.Any(static i => i is null)
                ? null
                : $"new {elementType.ToDisplayString(TypeFormat)}[] {{ {string.Join(", ", items)} }}";
        }

        if (constant.IsNull)
        {
            return constant.Type is { IsReferenceType: true } referenceType
                ? $"({referenceType.ToDisplayString(TypeFormat)}?)null"
                : "null";
        }

        if (constant.Kind == TypedConstantKind.Type)
        {
            return constant.Value is ITypeSymbol typeValue && typeValue.TypeKind != TypeKind.Error
                ? $"typeof({typeValue.ToDisplayString(TypeFormat)})"
                : null;
        }

        if (constant.Kind == TypedConstantKind.Enum)
        {
            return $"({constant.Type!.ToDisplayString(TypeFormat)}){Number(constant.Value)}";
        }

        return constant.Value switch
        {
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            double d when double.IsNaN(d) => "double.NaN",
            double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
            double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
            float f when float.IsNaN(f) => "float.NaN",
            float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
            float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
            long l => l.ToString(CultureInfo.InvariantCulture) + "L",
            ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
            uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
            int i => i.ToString(CultureInfo.InvariantCulture),
            short s => $"(short){s.ToString(CultureInfo.InvariantCulture)}",
            ushort us => $"(ushort){us.ToString(CultureInfo.InvariantCulture)}",
            byte by => $"(byte){by.ToString(CultureInfo.InvariantCulture)}",
            sbyte sb => $"(sbyte){sb.ToString(CultureInfo.InvariantCulture)}",
            _ => null,
        };
    }

    private static string Number(object? value)
    {
        var text = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0";
        return text.StartsWith("-", System.StringComparison.Ordinal) ? "(" + text + ")" : text;
    }

    private static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static bool IsPublic(INamedTypeSymbol type)
    {
        // The user's own internal attributes are visible to generated code in the same assembly.
        var inSource = type.Locations.Any(static location => location.IsInSource);
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public
                && !(inSource && current.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }
}
