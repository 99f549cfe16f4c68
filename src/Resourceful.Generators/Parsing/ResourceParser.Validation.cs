using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>Validation: the DataAnnotations rules of a JSON body, keyed by the names the client sends.</summary>
internal static partial class ResourceParser
{
    /// <summary>
    /// The DataAnnotations rules on a body type's public properties (and on a record's positional parameters,
    /// where C# puts attributes written without a target), each keyed by the member's JSON name.
    /// </summary>
    private static EquatableArray<ValidationRuleModel> ParseValidation(ITypeSymbol type, KnownTypes known, CancellationToken cancellationToken)
    {
        if (IsNullableValueType(type))
        {
            type = ((INamedTypeSymbol)type).TypeArguments[0];
        }

        if (type is not INamedTypeSymbol named || named.SpecialType != SpecialType.None || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return EquatableArray<ValidationRuleModel>.Empty;
        }

        var primaryParameters = named.InstanceConstructors
            .Where(static c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(static c => c.Parameters.Length)
            .FirstOrDefault()?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;

        var rules = new List<ValidationRuleModel>();
        foreach (var property in named.GetMembers().OfType<IPropertySymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public || property.GetMethod is null)
            {
                continue;
            }

            var jsonName = ExplicitJsonName(property, known);
            var attributes = property.GetAttributes().AsEnumerable();
            var positional = primaryParameters.FirstOrDefault(p => p.Name == property.Name);
            if (positional is not null)
            {
                attributes = attributes.Concat(positional.GetAttributes());
            }

            foreach (var attribute in attributes)
            {
                if (!KnownTypes.IsOrInherits(attribute.AttributeClass, known.ValidationAttribute))
                {
                    continue;
                }

                var expression = AttributeExpression.TryCreate(attribute);
                if (expression is not null)
                {
                    rules.Add(new ValidationRuleModel(property.Name, jsonName, expression));
                }
            }
        }

        return rules.ToEquatableArray();
    }

    // Errors that IValidatableObject reports by member name are keyed by the name the client sees in JSON.
    private static EquatableArray<string> RenamedMembers(ITypeSymbol type, KnownTypes known)
    {
        var pairs = new List<string>();
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsStatic || property.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            if (ExplicitJsonName(property, known) is { } jsonName)
            {
                pairs.Add(property.Name);
                pairs.Add(jsonName);
            }
        }

        return pairs.ToEquatableArray();
    }

    // [JsonPropertyName], when the member has one; otherwise the app's naming policy decides, at run time.
    private static string? ExplicitJsonName(IPropertySymbol property, KnownTypes known)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (KnownTypes.Is(attribute.AttributeClass, known.JsonPropertyNameAttribute)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return null;
    }
}
