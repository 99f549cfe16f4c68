using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>Forms: <c>[FromForm]</c> values and types, <c>IFormFile</c>, <c>IFormFileCollection</c>, <c>IFormCollection</c>.</summary>
internal static partial class ResourceParser
{
    /// <summary>The metadata expression every endpoint that reads a form carries, as minimal APIs add it.</summary>
    internal const string AntiforgeryMetadata = "new global::Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute()";

    /// <summary>The parameter's <c>[FromForm]</c> (or other <c>IFromFormMetadata</c>) attribute, if any.</summary>
    private static AttributeData? FromFormAttribute(IEnumerable<AttributeData> attributes, KnownTypes known)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } attributeClass && KnownTypes.IsOrInherits(attributeClass, known.FromFormMetadata))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Where a form type binds from: the file by name, every file, the whole form; <see langword="null"/> for other types.</summary>
    private static ParameterSource? FormTypeSource(ITypeSymbol type, KnownTypes known)
    {
        var target = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        return KnownTypes.Is(target, known.FormFile) ? ParameterSource.FormFile
            : KnownTypes.Is(target, known.FormFileCollection) ? ParameterSource.FormFiles
            : KnownTypes.Is(target, known.FormCollection) ? ParameterSource.FormCollection
            : null;
    }

    /// <summary>
    /// <c>[FromForm]</c> on a complex type: built like an <c>[AsParameters]</c> type (its widest public constructor, or
    /// its settable properties), each member a form field or file by its own name. One level deep: a member that is
    /// itself a complex type is a compile error, never a silent skip.
    /// </summary>
    private static (ParameterModel? Model, Unbound Unbound) ParseFormObject(
        string name,
        ITypeSymbol type,
        string typeName,
        BindingContext context,
        CancellationToken cancellationToken)
    {
        context.InFormObject = true;
        try
        {
            context.FormCount++;
            return ParseAsParameters(name, type, typeName, context, cancellationToken, "[FromForm]", ParameterSource.FormObject);
        }
        finally
        {
            context.InFormObject = false;
        }
    }
}
