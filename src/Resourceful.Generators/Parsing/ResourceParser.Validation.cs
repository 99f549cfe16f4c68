using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Validation: the DataAnnotations rules of a JSON body (its members, nested objects and collection items) and of
/// route, query and header values, found here at compile time the way the <c>Microsoft.Extensions.Validation</c>
/// source generator finds them for minimal APIs, so the generated code needs no reflection.
/// </summary>
internal static partial class ResourceParser
{
    // A body type graph larger than this is validated only this far: a generator must stay fast on any input.
    private const int MaxValidatableTypes = 64;

    /// <summary>The rules on a route, query or header value: its own validation attributes.</summary>
    private static EquatableArray<string> ParseValueRules(IEnumerable<AttributeData> attributes, KnownTypes known) =>
        attributes
            .Where(attribute => KnownTypes.IsOrInherits(attribute.AttributeClass, known.ValidationAttribute))
            .Select(AttributeExpression.TryCreate)
            .Where(static expression => expression is not null)
            .Select(static expression => expression!)
            .ToEquatableArray();

    /// <summary>
    /// Every type a body of <paramref name="type"/> reaches that has something to validate, its own type first; empty
    /// when nothing has. A type counts when one of its public properties has a rule, holds such a type (or a collection
    /// of them), or when it is an <c>IValidatableObject</c>, as for the framework's <c>ValidatableTypeInfo</c>.
    /// </summary>
    private static EquatableArray<ValidatableTypeModel> ParseValidation(ITypeSymbol type, KnownTypes known, CancellationToken cancellationToken)
    {
        var nodes = new Dictionary<string, ValidatableTypeModel>(StringComparer.Ordinal);
        var root = VisitValidatable(type, known, nodes, cancellationToken);
        if (root is null)
        {
            return EquatableArray<ValidatableTypeModel>.Empty;
        }

        // Keep only what has something to check, found by a fixed point because types may refer to each other.
        var validatable = new HashSet<string>(nodes.Values.Where(static n => n.IsValidatableObject || n.Members.Any(static m => m.Rules.Count > 0)).Select(static n => n.TypeName));
        bool grew;
        do
        {
            grew = false;
            foreach (var node in nodes.Values)
            {
                if (!validatable.Contains(node.TypeName) && node.Members.Any(m => m.NestedTypeName is { } nested && validatable.Contains(nested)))
                {
                    validatable.Add(node.TypeName);
                    grew = true;
                }
            }
        }
        while (grew);

        if (!validatable.Contains(root))
        {
            return EquatableArray<ValidatableTypeModel>.Empty;
        }

        ValidatableTypeModel Prune(ValidatableTypeModel node) => node with
        {
            Members = node.Members
                .Select(m => m.NestedTypeName is { } nested && !validatable.Contains(nested) ? m with { NestedTypeName = null, IsCollection = false } : m)
                .Where(static m => m.Rules.Count > 0 || m.NestedTypeName is not null)
                .ToEquatableArray(),
        };

        return new[] { Prune(nodes[root]) }
            .Concat(nodes.Values.Where(n => n.TypeName != root && validatable.Contains(n.TypeName)).OrderBy(static n => n.TypeName, StringComparer.Ordinal).Select(Prune))
            .ToEquatableArray();
    }

    /// <summary>Adds <paramref name="type"/> and the types its members reach to <paramref name="nodes"/>; returns its key, or null when it is not an object to walk.</summary>
    private static string? VisitValidatable(ITypeSymbol type, KnownTypes known, Dictionary<string, ValidatableTypeModel> nodes, CancellationToken cancellationToken)
    {
        if (IsNullableValueType(type))
        {
            type = ((INamedTypeSymbol)type).TypeArguments[0];
        }

        if (!IsValidatableCandidate(type))
        {
            return null;
        }

        var named = (INamedTypeSymbol)type;
        var key = named.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (nodes.ContainsKey(key) || nodes.Count >= MaxValidatableTypes)
        {
            return nodes.ContainsKey(key) ? key : null;
        }

        // Reserved first, so a type that refers to itself ends the walk.
        nodes[key] = new ValidatableTypeModel(key, named.Name, EquatableArray<ValidatableMemberModel>.Empty, false, EquatableArray<string>.Empty);

        var primaryParameters = named.InstanceConstructors
            .Where(static c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(static c => c.Parameters.Length)
            .FirstOrDefault()?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;

        var members = new List<ValidatableMemberModel>();
        foreach (var property in PublicProperties(named))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attributes = property.GetAttributes().AsEnumerable();
            var positional = primaryParameters.FirstOrDefault(p => p.Name == property.Name);
            if (positional is not null)
            {
                attributes = attributes.Concat(positional.GetAttributes());
            }

            if (attributes.Any(static a => a.AttributeClass?.ToDisplayString() == "Microsoft.Extensions.Validation.SkipValidationAttribute"))
            {
                continue;
            }

            var rules = ParseValueRules(attributes, known);
            var (itemType, isCollection) = CollectionItem(property.Type, known);
            var held = isCollection ? itemType! : property.Type;
            var nested = VisitValidatable(held, known, nodes, cancellationToken);
            var isValueType = held.IsValueType && !IsNullableValueType(held);
            members.Add(new ValidatableMemberModel(property.Name, ExplicitJsonName(property, known), rules, nested, nested is not null && isCollection, isValueType));
        }

        nodes[key] = new ValidatableTypeModel(
            key,
            named.Name,
            members.ToEquatableArray(),
            KnownTypes.IsOrInherits(named, known.ValidatableObject),
            RenamedMembers(named, known));
        return key;
    }

    // Objects the framework would walk: the user's classes, records and structs, not the framework's own types.
    private static bool IsValidatableCandidate(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || named.SpecialType != SpecialType.None || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        // Generated code names the type: one nested as private or protected is out of its reach.
        for (var current = named; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        var ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return !(ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns == "Microsoft" || ns.StartsWith("Microsoft.", StringComparison.Ordinal));
    }

    /// <summary>The item type of a collection (an array or any <c>IEnumerable&lt;T&gt;</c> but a string or a dictionary).</summary>
    private static (ITypeSymbol? Item, bool IsCollection) CollectionItem(ITypeSymbol type, KnownTypes known)
    {
        if (type is IArrayTypeSymbol array)
        {
            return (array.ElementType, true);
        }

        if (type.SpecialType == SpecialType.System_String || type is not INamedTypeSymbol named)
        {
            return (null, false);
        }

        var enumerable = KnownTypes.Is(named.OriginalDefinition, known.EnumerableOfT)
            ? named
            : named.AllInterfaces.FirstOrDefault(i => KnownTypes.Is(i.OriginalDefinition, known.EnumerableOfT));
        if (enumerable is null)
        {
            return (null, false);
        }

        var item = enumerable.TypeArguments[0];
        var isPair = item is INamedTypeSymbol { Name: "KeyValuePair", ContainingNamespace: { } pairNamespace } && pairNamespace.ToDisplayString() == "System.Collections.Generic";
        return isPair ? (null, false) : (item, true);
    }

    // Public instance properties with a getter, the base type's first; an override stands in for what it overrides.
    private static IEnumerable<IPropertySymbol> PublicProperties(INamedTypeSymbol type)
    {
        var levels = new List<List<IPropertySymbol>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            levels.Insert(0, current.GetMembers().OfType<IPropertySymbol>()
                .Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null && seen.Add(p.Name))
                .ToList());
        }

        return levels.SelectMany(static level => level);
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
