using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Reads the JSON shape of body and result types (public properties, <c>[JsonPropertyName]</c>, <c>[JsonIgnore]</c>,
/// nullability, <c>required</c>, DataAnnotations) for the compile-time OpenAPI document.
/// </summary>
internal static class ShapeParser
{
    // A pathological type graph must not make a keystroke expensive.
    private const int MaxShapes = 256;

    public static readonly SymbolDisplayFormat KeyFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>Adds the shape of <paramref name="type"/> (and of every type it reaches) and returns its key.</summary>
    public static string Collect(ITypeSymbol type, Dictionary<string, TypeShapeModel> shapes, KnownTypes known)
    {
        type = Unwrap(type);
        var key = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(KeyFormat);
        if (shapes.ContainsKey(key) || shapes.Count >= MaxShapes)
        {
            return key;
        }

        // Reserve the key first, so a type that refers to itself ends the recursion.
        shapes[key] = new TypeShapeModel(key, Name(type), ShapeKind.Any, null, null,
            EquatableArray<PropertyShapeModel>.Empty, EquatableArray<string>.Empty, false);
        shapes[key] = Build(type, key, shapes, known);
        return key;
    }

    private static TypeShapeModel Build(ITypeSymbol type, string key, Dictionary<string, TypeShapeModel> shapes, KnownTypes known)
    {
        TypeShapeModel Simple(ShapeKind kind, string? format = null) =>
            new(key, Name(type), kind, format, null, EquatableArray<PropertyShapeModel>.Empty, EquatableArray<string>.Empty, false);

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Char:
                return Simple(ShapeKind.String);
            case SpecialType.System_Boolean:
                return Simple(ShapeKind.Boolean);
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
                return Simple(ShapeKind.Integer, "int32");
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return Simple(ShapeKind.Integer, "int64");
            case SpecialType.System_Single:
                return Simple(ShapeKind.Number, "float");
            case SpecialType.System_Double:
                return Simple(ShapeKind.Number, "double");
            case SpecialType.System_Decimal:
                return Simple(ShapeKind.Number, "decimal");
            case SpecialType.System_DateTime:
                return Simple(ShapeKind.String, "date-time");
            case SpecialType.System_Object:
                return Simple(ShapeKind.Any);
        }

        switch (type.ToDisplayString(KeyFormat))
        {
            case "global::System.Guid":
                return Simple(ShapeKind.String, "uuid");
            case "global::System.DateTimeOffset":
                return Simple(ShapeKind.String, "date-time");
            case "global::System.DateOnly":
                return Simple(ShapeKind.String, "date");
            case "global::System.TimeOnly":
                return Simple(ShapeKind.String, "time");
            case "global::System.TimeSpan":
                return Simple(ShapeKind.String, "duration");
            case "global::System.Uri":
                return Simple(ShapeKind.String, "uri");
            case "global::System.Text.Json.JsonElement":
            case "global::System.Text.Json.Nodes.JsonNode":
            case "global::System.Text.Json.Nodes.JsonObject":
                return Simple(ShapeKind.Any);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            var members = type.GetMembers().OfType<IFieldSymbol>().Where(static f => f.HasConstantValue).ToList();
            var asStrings = HasStringEnumConverter(type, known);
            var values = asStrings
                ? members.Select(static f => Json(f.Name))
                : members.Select(static f => Convert.ToString(f.ConstantValue, CultureInfo.InvariantCulture) ?? "0");
            return new TypeShapeModel(key, Name(type), ShapeKind.Enum, null, null,
                EquatableArray<PropertyShapeModel>.Empty, values.ToEquatableArray(), asStrings);
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                return Simple(ShapeKind.String, "byte");
            }

            return Element(ShapeKind.Array, array.ElementType);
        }

        if (type is INamedTypeSymbol named)
        {
            if (DictionaryValue(named, known) is { } value)
            {
                return Element(ShapeKind.Dictionary, value);
            }

            if (EnumerableElement(named, known) is { } element)
            {
                return Element(ShapeKind.Array, element);
            }

            if (named.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface)
            {
                return new TypeShapeModel(key, Name(type), ShapeKind.Object, null, null,
                    Properties(named, shapes, known).ToEquatableArray(), EquatableArray<string>.Empty, false);
            }
        }

        return Simple(ShapeKind.Any);

        TypeShapeModel Element(ShapeKind kind, ITypeSymbol elementType)
        {
            var elementKey = Collect(elementType, shapes, known);
            return new TypeShapeModel(key, Name(type), kind, null, elementKey,
                EquatableArray<PropertyShapeModel>.Empty, EquatableArray<string>.Empty, false);
        }
    }

    private static IEnumerable<PropertyShapeModel> Properties(INamedTypeSymbol type, Dictionary<string, TypeShapeModel> shapes, KnownTypes known)
    {
        var positional = type.InstanceConstructors
            .Where(static c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(static c => c.Parameters.Length)
            .FirstOrDefault()?.Parameters ?? default;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is null || !seen.Add(property.Name) || property.Type.TypeKind == TypeKind.Error)
                {
                    continue;
                }

                var attributes = property.GetAttributes().ToList();
                if (!positional.IsDefault && positional.FirstOrDefault(p => p.Name == property.Name) is { } parameter)
                {
                    attributes.AddRange(parameter.GetAttributes());
                }

                if (attributes.Any(a => KnownTypes.Is(a.AttributeClass, known.JsonIgnoreAttribute)
                    && !a.NamedArguments.Any(static n => n.Key == "Condition" && n.Value.Value is int condition && condition != 1)))
                {
                    continue;
                }

                var jsonName = attributes
                    .Where(a => KnownTypes.Is(a.AttributeClass, known.JsonPropertyNameAttribute))
                    .Select(static a => a.ConstructorArguments.FirstOrDefault().Value as string)
                    .FirstOrDefault(static n => n is not null) ?? CamelCase(property.Name);

                var isNullable = property.NullableAnnotation == NullableAnnotation.Annotated
                    || property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
                var isRequired = property.IsRequired || attributes.Any(a => KnownTypes.Is(a.AttributeClass, known.RequiredAttribute)
                    || KnownTypes.Is(a.AttributeClass, known.JsonRequiredAttribute));

                var typeKey = Collect(property.Type, shapes, known);
                var isArray = shapes.TryGetValue(typeKey, out var shape) && shape.Kind == ShapeKind.Array;
                yield return new PropertyShapeModel(jsonName, typeKey, isNullable, isRequired, Constraints(attributes, isArray).ToEquatableArray());
            }
        }
    }

    private static IEnumerable<ConstraintModel> Constraints(List<AttributeData> attributes, bool isArray)
    {
        foreach (var attribute in attributes)
        {
            var arguments = attribute.ConstructorArguments;
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case "System.ComponentModel.DataAnnotations.StringLengthAttribute" when arguments.Length == 1:
                    yield return new ConstraintModel("maxLength", Number(arguments[0].Value));
                    foreach (var named in attribute.NamedArguments.Where(static n => n.Key == "MinimumLength"))
                    {
                        yield return new ConstraintModel("minLength", Number(named.Value.Value));
                    }

                    break;
                case "System.ComponentModel.DataAnnotations.MinLengthAttribute" when arguments.Length == 1:
                    yield return new ConstraintModel(isArray ? "minItems" : "minLength", Number(arguments[0].Value));
                    break;
                case "System.ComponentModel.DataAnnotations.MaxLengthAttribute" when arguments.Length == 1:
                    yield return new ConstraintModel(isArray ? "maxItems" : "maxLength", Number(arguments[0].Value));
                    break;
                case "System.ComponentModel.DataAnnotations.RangeAttribute" when arguments.Length == 2
                    && arguments[0].Value is int or double && arguments[1].Value is int or double:
                    yield return new ConstraintModel("minimum", Number(arguments[0].Value));
                    yield return new ConstraintModel("maximum", Number(arguments[1].Value));
                    break;
                case "System.ComponentModel.DataAnnotations.RegularExpressionAttribute" when arguments.Length == 1 && arguments[0].Value is string pattern:
                    yield return new ConstraintModel("pattern", Json(pattern));
                    break;
                case "System.ComponentModel.DataAnnotations.EmailAddressAttribute":
                    yield return new ConstraintModel("format", "\"email\"");
                    break;
                case "System.ComponentModel.DataAnnotations.UrlAttribute":
                    yield return new ConstraintModel("format", "\"uri\"");
                    break;
            }
        }
    }

    private static ITypeSymbol Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

    private static ITypeSymbol? DictionaryValue(INamedTypeSymbol type, KnownTypes known)
    {
        foreach (var candidate in new[] { type }.Concat(type.AllInterfaces))
        {
            if ((KnownTypes.Is(candidate, known.DictionaryOfT) || KnownTypes.Is(candidate, known.ReadOnlyDictionaryOfT))
                && candidate.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return candidate.TypeArguments[1];
            }
        }

        return null;
    }

    private static ITypeSymbol? EnumerableElement(INamedTypeSymbol type, KnownTypes known)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        // IAsyncEnumerable<T> is written as a JSON array too, streamed as its items come.
        foreach (var candidate in new[] { type }.Concat(type.AllInterfaces))
        {
            if (KnownTypes.Is(candidate, known.EnumerableOfT) || KnownTypes.Is(candidate, known.AsyncEnumerableOfT))
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="type"/> is read and written by name: its <c>[JsonConverter]</c> is
    /// <c>JsonStringEnumConverter</c>, generic or not, or a class derived from it (one that, say, turns numbers off).
    /// </summary>
    private static bool HasStringEnumConverter(ITypeSymbol type, KnownTypes known) =>
        type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, known.JsonConverterAttribute)
            && a.ConstructorArguments.FirstOrDefault().Value is INamedTypeSymbol converter
            && IsOrDerivesFromStringEnumConverter(converter));

    private static bool IsOrDerivesFromStringEnumConverter(INamedTypeSymbol? converter)
    {
        for (; converter is not null; converter = converter.BaseType)
        {
            if (converter.Name.StartsWith("JsonStringEnumConverter", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Name(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            return generic.Name + "Of" + string.Concat(generic.TypeArguments.Select(Name));
        }

        return type is IArrayTypeSymbol array ? Name(array.ElementType) + "Array" : type.Name;
    }

    private static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    private static string Number(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0",
    };

    internal static string Json(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
