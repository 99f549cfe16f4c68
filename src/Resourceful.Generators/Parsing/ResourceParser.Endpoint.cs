using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>Handlers: one <c>[Get]</c>-style method into an <see cref="EndpointModel"/> (template, parameters, result).</summary>
internal static partial class ResourceParser
{
    private static EndpointModel? ParseEndpoint(
        IMethodSymbol method,
        string httpMethod,
        AttributeData attribute,
        string resourceTemplate,
        bool canCreateInstance,
        Dictionary<string, TypeShapeModel> shapes,
        CancellationToken cancellationToken)
    {
        if (method.DeclaredAccessibility != Accessibility.Public || method.IsGenericMethod || method.IsAbstract
            || method.ReturnsByRef || method.ReturnsByRefReadonly || (!method.IsStatic && !canCreateInstance)
            || (method.IsAsync && method.ReturnsVoid) || IsObsoleteError(method))
        {
            return null;
        }

        string? subTemplate = null;
        if (attribute.ConstructorArguments.Length == 1)
        {
            if (attribute.ConstructorArguments[0].Value is not string value)
            {
                return null;
            }

            subTemplate = value;
        }
        else if (attribute.ConstructorArguments.Length > 1)
        {
            return null;
        }

        var template = RouteTemplateParser.Combine(resourceTemplate, subTemplate);
        var segments = RouteTemplateParser.Parse(template);
        if (segments is null)
        {
            return null;
        }

        var routeParameters = new Dictionary<string, RoutePart>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in segments.Value)
        {
            foreach (var part in segment.Parts)
            {
                if (part.IsParameter)
                {
                    if (routeParameters.ContainsKey(part.Text))
                    {
                        return null;
                    }

                    routeParameters.Add(part.Text, part);
                }
            }
        }

        var result = ParseResult(method.ReturnType, shapes);
        if (result is null)
        {
            return null;
        }

        var context = new BindingContext(httpMethod, routeParameters, shapes);
        var parameters = new List<ParameterModel>();
        foreach (var parameter in method.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                return null;
            }

            var model = ParseParameter(
                parameter.Name,
                parameter.Type,
                parameter.NullableAnnotation,
                parameter.GetAttributes(),
                parameter.HasExplicitDefaultValue,
                parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null,
                context,
                allowAsParameters: true,
                cancellationToken);
            if (model is null)
            {
                return null;
            }

            parameters.Add(model);
        }

        if (context.BodyCount > 1)
        {
            return null;
        }

        return new EndpointModel(
            HttpMethod: httpMethod,
            Template: template,
            Segments: segments.Value,
            HandlerName: method.Name,
            IsStatic: method.IsStatic,
            Parameters: parameters.ToEquatableArray(),
            Result: result,
            Metadata: EquatableArray<string>.Empty,
            MaxBodySize: 0);
    }
}
