using System.Linq;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Versions: the property of a handler's representation type marked <c>[ConcurrencyCheck]</c> or <c>[Timestamp]</c>,
/// from which the generated code derives the representation's <c>ETag</c> (and, for a date, <c>Last-Modified</c>)
/// without serialising it.
/// </summary>
internal static partial class ResourceParser
{
    /// <summary>
    /// The version of the representation a handler returns on success: the value of a plain result, or of its
    /// <c>Ok&lt;T&gt;</c> (else <c>Created&lt;T&gt;</c>), alone or inside <c>Results&lt;…&gt;</c>, awaited or not;
    /// <see langword="null"/> when that type has no version property of a type a tag can be derived from.
    /// </summary>
    private static VersionModel? ParseVersion(ITypeSymbol returnType, KnownTypes known) =>
        Representation(returnType, known) is { } found ? VersionOf(found.Type, found.ResultTypeName, known) : null;

    /// <summary>
    /// The version property of the representation <paramref name="returnType"/> carries when its type is one no tag
    /// is derived from (RSF0023), with the attribute that marks it; <see langword="null"/> otherwise.
    /// </summary>
    internal static (IPropertySymbol Property, string Attribute)? UnsupportedVersion(ITypeSymbol returnType, KnownTypes known)
    {
        if (Representation(returnType, known) is not { } found || found.Type.TypeKind == TypeKind.Error)
        {
            return null;
        }

        foreach (var property in VersionProperties(found.Type, known))
        {
            var type = property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : property.Type;
            if (type.TypeKind != TypeKind.Error && VersionCast(type).Cast is null)
            {
                return (property, KnownTypes.HasAttribute(property, known.ConcurrencyCheckAttribute) ? "ConcurrencyCheck" : "Timestamp");
            }

            return null;
        }

        return null;
    }

    /// <summary>
    /// What a handler answers success with: the value itself, or the <c>T</c> of <c>Ok&lt;T&gt;</c> (alone or in a
    /// <c>Results&lt;…&gt;</c>; with <paramref name="createdToo"/>, else of <c>Created&lt;T&gt;</c>), awaited or not, and
    /// the typed result's name when it is one.
    /// </summary>
    private static (ITypeSymbol Type, string? ResultTypeName)? Representation(ITypeSymbol returnType, KnownTypes known, bool createdToo = true)
    {
        if (returnType is INamedTypeSymbol task && task.TypeArguments.Length == 1
            && (KnownTypes.Is(task, known.TaskOfT) || KnownTypes.Is(task, known.ValueTaskOfT)))
        {
            returnType = task.TypeArguments[0];
        }

        if (returnType.SpecialType is SpecialType.System_Void or SpecialType.System_String || returnType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        if (!KnownTypes.IsOrInherits(returnType, known.Result))
        {
            return (returnType, null);
        }

        var members = returnType is INamedTypeSymbol { Name: "Results" } union && known.IsInHttpResults(union)
            ? union.TypeArguments
            : [returnType];
        foreach (var kind in createdToo ? new[] { "Ok", "Created" } : ["Ok"])
        {
            foreach (var member in members)
            {
                if (member is INamedTypeSymbol { TypeArguments.Length: 1 } named && named.Name == kind && known.IsInHttpResults(named))
                {
                    return (named.TypeArguments[0], named.ToDisplayString(PlainTypeNameFormat));
                }
            }
        }

        return null;
    }

    private static VersionModel? VersionOf(ITypeSymbol representation, string? resultTypeName, KnownTypes known)
    {
        if (representation.TypeKind == TypeKind.Error)
        {
            return null;
        }

        // The first version property decides: a second one is the user's business, not another tag.
        foreach (var property in VersionProperties(representation, known))
        {
            var propertyType = property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : property.Type;
            var (cast, isDate) = VersionCast(propertyType);
            if (cast is null)
            {
                return null;
            }

            return new VersionModel(
                resultTypeName,
                representation.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat),
                property.Name,
                cast + "?",
                isDate,
                representation.IsReferenceType
                    && (resultTypeName is not null || representation.NullableAnnotation != NullableAnnotation.NotAnnotated));
        }

        return null;
    }

    /// <summary>The public instance properties of <paramref name="type"/> and its bases marked <c>[ConcurrencyCheck]</c> or <c>[Timestamp]</c>.</summary>
    private static System.Collections.Generic.IEnumerable<IPropertySymbol> VersionProperties(ITypeSymbol type, KnownTypes known)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic && !property.IsIndexer && property.DeclaredAccessibility == Accessibility.Public
                    && property.GetMethod is { DeclaredAccessibility: Accessibility.Public }
                    && (KnownTypes.HasAttribute(property, known.ConcurrencyCheckAttribute) || KnownTypes.HasAttribute(property, known.TimestampAttribute)))
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>The type a version is cast to for <c>ResourcefulETag.Format</c>, and whether it is a date.</summary>
    private static (string? Cast, bool IsDate) VersionCast(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64 => ("long", false),
        SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 => ("ulong", false),
        SpecialType.System_String => ("string", false),
        SpecialType.System_DateTime => ("global::System.DateTime", true),
        _ when type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte } => ("byte[]", false),
        _ when type.ToDisplayString() == "System.Guid" => ("global::System.Guid", false),
        _ when type.ToDisplayString() == "System.DateTimeOffset" => ("global::System.DateTimeOffset", true),
        _ => (null, false),
    };
}
