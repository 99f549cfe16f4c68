using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Values: which types the generator reads from text (route, query and header values) and how, and the literals it
/// writes for keys and default values.
/// </summary>
internal static partial class ResourceParser
{
    private readonly struct ValueInfo(ValueParser parser, string valueTypeName, string display, bool isArray)
    {
        public ValueParser Parser { get; } = parser;

        public string ValueTypeName { get; } = valueTypeName;

        public string Display { get; } = display;

        public bool IsArray { get; } = isArray;
    }

    private static ValueInfo GetValueInfo(ITypeSymbol type)
    {
        var isArray = false;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            isArray = true;
            type = array.ElementType;
            if (IsNullableValueType(type))
            {
                return default;
            }
        }

        if (IsNullableValueType(type))
        {
            type = ((INamedTypeSymbol)type).TypeArguments[0];
        }

        var valueTypeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(PlainTypeNameFormat);
        var display = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (type.SpecialType == SpecialType.System_String)
        {
            return new ValueInfo(ValueParser.String, valueTypeName, display, isArray);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return new ValueInfo(ValueParser.Enum, valueTypeName, display, isArray);
        }

        if (IsParsable(type))
        {
            return new ValueInfo(ValueParser.Parsable, valueTypeName, display, isArray);
        }

        if (!isArray && HasTryParseMethod(type))
        {
            return new ValueInfo(ValueParser.TryParseMethod, valueTypeName, display, isArray);
        }

        return new ValueInfo(ValueParser.None, valueTypeName, display, false);
    }

    private static bool IsParsable(ITypeSymbol type)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (candidate is { Name: "IParsable", TypeArguments.Length: 1 }
                && candidate.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
                && SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasTryParseMethod(ITypeSymbol type)
    {
        foreach (var member in type.GetMembers("TryParse"))
        {
            if (member is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, Parameters.Length: 2 } method
                && method.ReturnType.SpecialType == SpecialType.System_Boolean
                && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                && method.Parameters[1].RefKind == RefKind.Out
                && SymbolEqualityComparer.Default.Equals(method.Parameters[1].Type, type))
            {
                return true;
            }
        }

        return false;
    }

    private static string? FormatKey(TypedConstant constant)
    {
        if (constant.Kind == TypedConstantKind.Error || constant.IsNull)
        {
            return constant.IsNull ? "null" : null;
        }

        return constant.Value switch
        {
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ when constant.Type?.TypeKind == TypeKind.Enum && constant.Value is not null => EnumLiteral(constant.Type, constant.Value),
            _ => null,
        };
    }

    /// <summary><c>global::Mode.Fast</c> when a member has the value, otherwise a cast such as <c>(global::Mode)(-2)</c>.</summary>
    private static string EnumLiteral(ITypeSymbol enumType, object value)
    {
        foreach (var member in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (member.HasConstantValue && Equals(member.ConstantValue, value))
            {
                return enumType.ToDisplayString(PlainTypeNameFormat) + "." + member.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.WithMemberOptions(SymbolDisplayMemberOptions.None).AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers));
            }
        }

        var number = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "0";
        return $"({enumType.ToDisplayString(PlainTypeNameFormat)})" + (number.StartsWith("-", StringComparison.Ordinal) ? "(" + number + ")" : number);
    }

    private static string? FormatDefaultValue(ITypeSymbol type, object? value)
    {
        if (value is null)
        {
            return "default";
        }

        var target = IsNullableValueType(type) ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        if (target.TypeKind == TypeKind.Enum)
        {
            return EnumLiteral(target, value);
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return value switch
        {
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            int i => i.ToString(invariant),
            long l => l.ToString(invariant) + "L",
            uint ui => ui.ToString(invariant) + "U",
            ulong ul => ul.ToString(invariant) + "UL",
            short s => $"(short){s.ToString(invariant)}",
            ushort us => $"(ushort){us.ToString(invariant)}",
            byte by => $"(byte){by.ToString(invariant)}",
            sbyte sb => $"(sbyte){sb.ToString(invariant)}",
            double d when double.IsNaN(d) => "double.NaN",
            double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
            double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
            double d => d.ToString("R", invariant) + "D",
            float f when float.IsNaN(f) => "float.NaN",
            float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
            float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
            float f => f.ToString("R", invariant) + "F",
            decimal m => m.ToString(invariant) + "M",
            _ => null,
        };
    }
}
