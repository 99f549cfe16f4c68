using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>Construction: the services a resource instance is created from, once per request.</summary>
internal static partial class ResourceParser
{
    /// <summary>
    /// How the generated code creates <paramref name="type"/> per request, or <see langword="null"/> with the reason in
    /// <paramref name="problem"/> (and the symbol to report it at); no reason when the compiler already reports one.
    /// </summary>
    private static ConstructorModel? ParseConstructor(INamedTypeSymbol type, KnownTypes known, out (string Reason, ISymbol? At)? problem)
    {
        problem = null;
        var candidates = type.InstanceConstructors.Where(static c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        if (candidates.Count == 0)
        {
            problem = ("it has no public constructor, so its instance handlers are not mapped; add a public constructor or make the handlers static", null);
            return null;
        }

        var constructor = candidates.FirstOrDefault(c => KnownTypes.HasAttribute(c, known.ActivatorUtilitiesConstructorAttribute))
            ?? candidates.OrderByDescending(static c => c.Parameters.Length).First();

        var services = new List<ServiceModel>();
        foreach (var parameter in constructor.Parameters)
        {
            if (ContainsErrorType(parameter.Type))
            {
                return null;
            }

            if (parameter.RefKind != RefKind.None)
            {
                problem = ($"constructor parameter '{parameter.Name}' is passed by reference, so its instance handlers are not mapped; take it as a plain parameter", parameter);
                return null;
            }

            string? key = null;
            var keyed = false;
            foreach (var attribute in parameter.GetAttributes())
            {
                if (KnownTypes.Is(attribute.AttributeClass, known.FromKeyedServicesAttribute)
                    && attribute.ConstructorArguments.Length == 1)
                {
                    keyed = true;
                    if (attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
                    {
                        return null;
                    }

                    key = FormatKey(attribute.ConstructorArguments[0]);
                    if (key is null)
                    {
                        problem = ($"the key of [FromKeyedServices] on constructor parameter '{parameter.Name}' is not a string, an int, an enum or null, so its instance handlers are not mapped; use one of those as the key", parameter);
                        return null;
                    }
                }
            }

            var isOptional = parameter.HasExplicitDefaultValue || parameter.NullableAnnotation == NullableAnnotation.Annotated
                || IsNullableValueType(parameter.Type);
            if (!keyed && !isOptional && IsPlainValue(parameter.Type))
            {
                var display = parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                problem = ($"constructor parameter '{parameter.Name}' is a '{display}', a plain value that no service container provides, so its instance handlers are not mapped; take the value from a service such as IOptions<T>", parameter);
                return null;
            }

            services.Add(new ServiceModel(
                parameter.Name,
                parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat),
                !isOptional,
                key));
        }

        return new ConstructorModel(services.ToEquatableArray());
    }

    // A string, number, bool, char or enum: nothing anyone registers as a service.
    private static bool IsPlainValue(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum || type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean
            or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64
            or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;
}
