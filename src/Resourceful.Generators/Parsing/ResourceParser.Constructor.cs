using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>Construction: the services a resource instance is created from, once per request.</summary>
internal static partial class ResourceParser
{
    private static ConstructorModel? ParseConstructor(INamedTypeSymbol type)
    {
        var candidates = type.InstanceConstructors.Where(static c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var constructor = candidates.FirstOrDefault(static c => c.GetAttributes().Any(static a =>
                a.AttributeClass?.Name == "ActivatorUtilitiesConstructorAttribute"))
            ?? candidates.OrderByDescending(static c => c.Parameters.Length).First();

        var services = new List<ServiceModel>();
        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.RefKind != RefKind.None || ContainsErrorType(parameter.Type))
            {
                return null;
            }

            string? key = null;
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString(PlainTypeNameFormat) == "global::Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute"
                    && attribute.ConstructorArguments.Length == 1)
                {
                    key = FormatKey(attribute.ConstructorArguments[0]);
                    if (key is null)
                    {
                        return null;
                    }
                }
            }

            var isOptional = parameter.HasExplicitDefaultValue || parameter.NullableAnnotation == NullableAnnotation.Annotated
                || IsNullableValueType(parameter.Type);
            services.Add(new ServiceModel(
                parameter.Name,
                parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat),
                !isOptional,
                key));
        }

        return new ConstructorModel(services.ToEquatableArray());
    }
}
