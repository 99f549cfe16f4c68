using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Turns a <c>[Resource]</c> class into a <see cref="ResourceModel"/>. The only code of the generator that
/// touches symbols and syntax; what it returns holds none of them, so every later step can be cached.
/// Anything it cannot bind is left out of the model (the analyzers explain why), never thrown.
/// </summary>
internal static partial class ResourceParser
{
    public const string ResourceAttributeName = "Resourceful.ResourceAttribute";

    private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat PlainTypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    private const string RawBodyStreamType = "global::System.IO.Stream";
    private const string RawBodyPipeReaderType = "global::System.IO.Pipelines.PipeReader";

    /// <summary>Form types, which minimal APIs bind from a form body and the generator does not bind yet.</summary>
    private static readonly string[] FormTypes =
    [
        "global::Microsoft.AspNetCore.Http.IFormFile",
        "global::Microsoft.AspNetCore.Http.IFormFileCollection",
        "global::Microsoft.AspNetCore.Http.IFormCollection",
    ];

    /// <summary>The <c>ForAttributeWithMetadataName</c> transform.</summary>
    public static ResourceModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
        {
            return null;
        }

        // A class whose partial declarations repeat [Resource] (an error of its own) is parsed once, from the first.
        var attribute = context.Attributes[0];
        foreach (var candidate in type.GetAttributes())
        {
            if (candidate.AttributeClass?.ToDisplayString() == ResourceAttributeName)
            {
                if (candidate.ApplicationSyntaxReference?.Span != attribute.ApplicationSyntaxReference?.Span
                    || candidate.ApplicationSyntaxReference?.SyntaxTree != attribute.ApplicationSyntaxReference?.SyntaxTree)
                {
                    return null;
                }

                break;
            }
        }

        // Roslyn runs this transform again for every resource whenever the compilation changes, a keystroke inside a
        // method body included. The model is a value, so an unchanged one stops the pipeline right here: no state is
        // kept across compilations (the compiler server and the IDE host live long and see many projects).
        return ParseResource(type, attribute, cancellationToken);
    }

    /// <summary>Parses one resource class; shared by the generator and the analyzers.</summary>
    public static ResourceModel? ParseResource(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class || type.IsGenericType || type.IsUnboundGenericType || type.IsFileLocal)
        {
            return null;
        }

        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string rawTemplate)
        {
            return null;
        }

        if (!IsReachableFromAssembly(type))
        {
            return null;
        }

        var template = RouteTemplateParser.Normalize(rawTemplate);
        var constructor = type.IsStatic || type.IsAbstract ? null : ParseConstructor(type);
        var resourceMaxBodySize = GetNamedLong(attribute, "MaxBodySize") ?? 0;
        var resourceMetadata = ParseMetadata(type.GetAttributes());
        var movedRoutes = new List<MovedRouteModel>();
        foreach (var oldTemplate in GetMovedFrom(type.GetAttributes()))
        {
            AddMovedRoute(movedRoutes, OldTemplate(oldTemplate, template, onResource: true), template, includesSubPaths: true);
        }

        var endpoints = new List<EndpointModel>();
        var shapes = new Dictionary<string, TypeShapeModel>(StringComparer.Ordinal);
        foreach (var (method, methodAttribute, httpMethod) in HandlerAttributes(type, cancellationToken))
        {
            var endpoint = ParseEndpoint(method, httpMethod, methodAttribute, template, constructor is not null, shapes, cancellationToken);
            if (endpoint is not null)
            {
                var metadata = resourceMetadata.Concat(ParseMetadata(method.GetAttributes())).ToEquatableArray();
                var maxBodySize = GetNamedLong(methodAttribute, "MaxBodySize") ?? resourceMaxBodySize;
                endpoints.Add(endpoint with { Metadata = metadata, MaxBodySize = maxBodySize });
                foreach (var oldTemplate in GetMovedFrom(method.GetAttributes()))
                {
                    AddMovedRoute(movedRoutes, OldTemplate(oldTemplate, template, onResource: false), endpoint.Template, includesSubPaths: false);
                }
            }
        }

        endpoints.Sort(static (left, right) =>
        {
            var byTemplate = string.CompareOrdinal(left.Template, right.Template);
            if (byTemplate != 0)
            {
                return byTemplate;
            }

            // The order HTTP lists methods in (RFC 9110 §9), which is also the order of every Allow header.
            var byMethod = MethodRank(left.HttpMethod).CompareTo(MethodRank(right.HttpMethod));
            return byMethod != 0 ? byMethod : string.CompareOrdinal(left.HandlerName, right.HandlerName);
        });

        var containingTypes = new List<ContainingTypeModel>();
        var canDeclarePartial = IsPartial(type, cancellationToken) && type.GetMembers("Links").IsEmpty;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            canDeclarePartial &= !outer.IsGenericType && IsPartial(outer, cancellationToken);
            containingTypes.Insert(0, new ContainingTypeModel(TypeKeyword(outer), outer.Name));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containingNamespace
            ? containingNamespace.ToDisplayString()
            : string.Empty;

        return new ResourceModel(
            Namespace: ns,
            Keyword: TypeKeyword(type),
            ClassName: type.Name,
            FullyQualifiedName: type.ToDisplayString(PlainTypeNameFormat),
            MetadataName: GetMetadataName(type),
            Template: template,
            CanDeclarePartial: canDeclarePartial,
            ContainingTypes: containingTypes.ToEquatableArray(),
            Constructor: constructor,
            Endpoints: endpoints.ToEquatableArray(),
            MovedRoutes: movedRoutes.OrderBy(static m => m.OldTemplate, StringComparer.Ordinal).ToEquatableArray())
        {
            Shapes = shapes.Values.OrderBy(static s => s.Key, StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    /// <summary>
    /// Every attribute of a resource class or handler that routing, authorization, CORS, rate limiting or
    /// OpenAPI may read (as minimal APIs add a handler's attributes), written as creation expressions.
    /// Our own attributes and compiler bookkeeping are left out.
    /// </summary>
    private static IEnumerable<string> ParseMetadata(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            var ns = attribute.AttributeClass?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns is "Resourceful" or "System.Runtime.CompilerServices" or "System.Diagnostics" or "System.Diagnostics.CodeAnalysis"
                or "System.CodeDom.Compiler" or "System.ComponentModel" or "System.Runtime.InteropServices"
                || attribute.AttributeClass?.Name is "ObsoleteAttribute" or "AttributeUsageAttribute" or "SerializableAttribute")
            {
                continue;
            }

            var expression = AttributeExpression.TryCreate(attribute);
            if (expression is not null)
            {
                yield return expression;
            }
        }
    }

    /// <summary>
    /// The old templates of the <c>[MovedFrom]</c> attributes among <paramref name="attributes"/> that routing can
    /// parse. One it cannot (a query string, a stray brace) is left out: mapped, it would fail the app at start-up or
    /// on its first request; RSF0012 reports it (unknown constraints are judged there too, as for handler templates).
    /// </summary>
    internal static IEnumerable<string> GetMovedFrom(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in MovedFromAttributes(attributes))
        {
            if (attribute.ConstructorArguments[0].Value is string { Length: > 0 } oldTemplate
                && Analyzers.RouteTemplateText.Parse(oldTemplate, static _ => true).Problem is null)
            {
                yield return oldTemplate;
            }
        }
    }

    /// <summary>
    /// The full old URI of a <c>[MovedFrom]</c>: on a resource it is absolute; on a handler, one that does not start
    /// with <c>/</c> is relative to the resource's template, as handler templates are.
    /// </summary>
    internal static string OldTemplate(string raw, string resourceTemplate, bool onResource) =>
        onResource || raw.TrimStart().StartsWith("/", StringComparison.Ordinal)
            ? RouteTemplateParser.Normalize(raw)
            : RouteTemplateParser.Combine(resourceTemplate, raw);

    /// <summary>The <c>[MovedFrom(oldTemplate)]</c> attributes among <paramref name="attributes"/>.</summary>
    internal static IEnumerable<AttributeData> MovedFromAttributes(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass?.ToDisplayString() == "Resourceful.MovedFromAttribute"
                && attribute.ConstructorArguments.Length == 1)
            {
                yield return attribute;
            }
        }
    }

    private static void AddMovedRoute(List<MovedRouteModel> movedRoutes, string oldTemplate, string newTemplate, bool includesSubPaths)
    {
        var oldSegments = RouteTemplateParser.Parse(oldTemplate);
        var newSegments = RouteTemplateParser.Parse(newTemplate);
        if (oldSegments is null || newSegments is null || oldTemplate == newTemplate
            || movedRoutes.Any(m => string.Equals(m.OldTemplate, oldTemplate, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        // Every value of the new URI must come from the old one, or there is nothing to redirect to.
        var oldNames = new HashSet<string>(
            oldSegments.Value.SelectMany(static s => s.Parts).Where(static p => p.IsParameter).Select(static p => p.Text),
            StringComparer.OrdinalIgnoreCase);
        if (newSegments.Value.SelectMany(static s => s.Parts).Any(p => p.IsParameter && !oldNames.Contains(p.Text))
            || (includesSubPaths && oldSegments.Value.SelectMany(static s => s.Parts).Any(static p => p.IsCatchAll)))
        {
            return;
        }

        movedRoutes.Add(new MovedRouteModel(oldTemplate, newTemplate, newSegments.Value, includesSubPaths));
    }

    /// <summary>
    /// Every <c>[Get]</c>-style attribute on an ordinary method of <paramref name="type"/>, with its HTTP method: what
    /// the generator maps and the analyzers explain. One attribute, one handler.
    /// </summary>
    internal static IEnumerable<(IMethodSymbol Method, AttributeData Attribute, string HttpMethod)> HandlerAttributes(
        INamedTypeSymbol type,
        CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                continue;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (GetHttpMethod(attribute.AttributeClass) is { } httpMethod)
                {
                    yield return (method, attribute, httpMethod);
                }
            }
        }
    }

    /// <summary>GET, POST, PUT, PATCH, DELETE: the order endpoints are listed in.</summary>
    public static int MethodRank(string httpMethod) => httpMethod switch
    {
        "GET" => 0,
        "POST" => 1,
        "PUT" => 2,
        "PATCH" => 3,
        _ => 4,
    };

    /// <summary>The HTTP method a <c>[Get]</c>-style attribute stands for, or <see langword="null"/>.</summary>
    public static string? GetHttpMethod(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null || attributeClass.ContainingNamespace is not { Name: "Resourceful" } ns
            || ns.ContainingNamespace is not { IsGlobalNamespace: true })
        {
            return null;
        }

        return attributeClass.Name switch
        {
            "GetAttribute" => "GET",
            "PostAttribute" => "POST",
            "PutAttribute" => "PUT",
            "PatchAttribute" => "PATCH",
            "DeleteAttribute" => "DELETE",
            _ => null,
        };
    }

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

    private sealed class BindingContext(string httpMethod, Dictionary<string, RoutePart> routeParameters, Dictionary<string, TypeShapeModel> shapes)
    {
        /// <summary>For analysis that needs no body shapes.</summary>
        public BindingContext(string httpMethod, Dictionary<string, RoutePart> routeParameters)
            : this(httpMethod, routeParameters, new Dictionary<string, TypeShapeModel>(StringComparer.Ordinal))
        {
        }

        public Dictionary<string, TypeShapeModel> Shapes { get; } = shapes;

        public string HttpMethod { get; } = httpMethod;

        public Dictionary<string, RoutePart> RouteParameters { get; } = routeParameters;

        public int BodyCount { get; set; }

        public bool AllowsInferredBody => HttpMethod is "POST" or "PUT" or "PATCH";
    }

    private static ParameterModel? ParseParameter(
        string name,
        ITypeSymbol type,
        NullableAnnotation annotation,
        IEnumerable<AttributeData> attributes,
        bool hasDefault,
        object? defaultValue,
        BindingContext context,
        bool allowAsParameters,
        CancellationToken cancellationToken)
    {
        var model = ParseParameterCore(name, type, annotation, attributes, hasDefault, defaultValue, context, allowAsParameters, cancellationToken);
        if (model is { Parser: ValueParser.Enum })
        {
            // Enum values appear in the OpenAPI document as a named schema, like body types.
            var enumType = type is IArrayTypeSymbol array ? array.ElementType : type;
            ShapeParser.Collect(enumType, context.Shapes);
        }

        return model is null ? null : model with { ParameterTypeOf = type.ToDisplayString(PlainTypeNameFormat), IsReferenceType = type.IsReferenceType };
    }

    private static ParameterModel? ParseParameterCore(
        string name,
        ITypeSymbol type,
        NullableAnnotation annotation,
        IEnumerable<AttributeData> attributes,
        bool hasDefault,
        object? defaultValue,
        BindingContext context,
        bool allowAsParameters,
        CancellationToken cancellationToken)
    {
        // Nothing binds to a ref struct, a pointer or dynamic: no request value parses into one, no service is one.
        if (type.TypeKind is TypeKind.Error or TypeKind.Dynamic or TypeKind.Pointer or TypeKind.FunctionPointer
            || type.IsRefLikeType || ContainsErrorType(type))
        {
            return null;
        }

        var typeName = type.ToDisplayString(TypeNameFormat);
        var isNullable = annotation == NullableAnnotation.Annotated
            || annotation == NullableAnnotation.None && type.IsReferenceType
            || IsNullableValueType(type);
        var defaultLiteral = hasDefault ? FormatDefaultValue(type, defaultValue) : null;
        if (hasDefault && defaultLiteral is null)
        {
            return null;
        }

        ParameterModel Special(ParameterSource source) =>
            new(name, typeName, source, name, ValueParser.None, typeName, typeName, false, isNullable, false, false, null, null, null);

        switch (type.ToDisplayString(PlainTypeNameFormat))
        {
            case "global::Microsoft.AspNetCore.Http.HttpContext":
                return Special(ParameterSource.HttpContext);
            case "global::Microsoft.AspNetCore.Http.HttpRequest":
                return Special(ParameterSource.HttpRequest);
            case "global::Microsoft.AspNetCore.Http.HttpResponse":
                return Special(ParameterSource.HttpResponse);
            case "global::System.Security.Claims.ClaimsPrincipal":
                return Special(ParameterSource.User);
            case "global::System.Threading.CancellationToken":
                return Special(ParameterSource.CancellationToken);
            case RawBodyStreamType:
                context.BodyCount++;
                return Special(ParameterSource.BodyStream);
            case RawBodyPipeReaderType:
                context.BodyCount++;
                return Special(ParameterSource.BodyPipeReader);
            case var formType when FormTypes.Contains(formType):
                // Forms come with their own binding rules (antiforgery, limits, 415): until then, a compile error
                // (RSF0017), never a service lookup that fails on every request.
                return null;
        }

        var valueInfo = GetValueInfo(type);
        ParameterModel Value(ParameterSource source, string key, bool optionalByTemplate)
        {
            var isRequired = !(isNullable || hasDefault || valueInfo.IsArray || optionalByTemplate);
            return new ParameterModel(
                name, typeName, source, key, valueInfo.Parser, valueInfo.ValueTypeName, valueInfo.Display,
                valueInfo.IsArray, isNullable, IsNullableValueType(type), isRequired, defaultLiteral, null, null);
        }

        ParameterModel Body()
        {
            context.BodyCount++;
            var isRequired = !(isNullable || hasDefault);
            return new ParameterModel(
                name, typeName, ParameterSource.Body, name, ValueParser.None, type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat),
                typeName, false, isNullable, IsNullableValueType(type), isRequired, defaultLiteral, null, null)
            {
                TypeOf = ShapeParser.Collect(type, context.Shapes),
                Validation = ParseValidation(type, cancellationToken),
                IsValidatableObject = type.AllInterfaces.Any(static i => i.ToDisplayString() == "System.ComponentModel.DataAnnotations.IValidatableObject"),
                RenamedMembers = RenamedMembers(type),
            };
        }

        ParameterModel Service(ParameterSource source, string? key) =>
            new(name, typeName, source, name, ValueParser.None, type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat),
                typeName, false, isNullable, IsNullableValueType(type), !(isNullable || hasDefault), defaultLiteral, key, null);

        foreach (var attribute in attributes)
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null)
            {
                continue;
            }

            var explicitName = GetNamedString(attribute, "Name");
            if (Implements(attributeClass, "IFromRouteMetadata"))
            {
                var key = explicitName ?? name;
                if (valueInfo.Parser == ValueParser.None || valueInfo.IsArray
                    || !context.RouteParameters.TryGetValue(key, out var part))
                {
                    return null;
                }

                return Value(ParameterSource.Route, part.Text, part.IsOptional || part.HasDefault);
            }

            if (Implements(attributeClass, "IFromQueryMetadata"))
            {
                return valueInfo.Parser == ValueParser.None ? null : Value(ParameterSource.Query, explicitName ?? name, false);
            }

            if (Implements(attributeClass, "IFromHeaderMetadata"))
            {
                return valueInfo.Parser == ValueParser.None ? null : Value(ParameterSource.Header, explicitName ?? name, false);
            }

            if (Implements(attributeClass, "IFromBodyMetadata"))
            {
                var model = Body();
                return GetNamedInt(attribute, "EmptyBodyBehavior") == 1 ? model with { IsRequired = false } : model;
            }

            if (Implements(attributeClass, "IFromServiceMetadata"))
            {
                return Service(ParameterSource.Service, null);
            }

            if (attributeClass.ToDisplayString(PlainTypeNameFormat) == "global::Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute")
            {
                var keyLiteral = attribute.ConstructorArguments.Length == 1 ? FormatKey(attribute.ConstructorArguments[0]) : null;
                return keyLiteral is null ? null : Service(ParameterSource.KeyedService, keyLiteral);
            }

            if (attributeClass.ToDisplayString(PlainTypeNameFormat) == "global::Microsoft.AspNetCore.Http.AsParametersAttribute")
            {
                return allowAsParameters ? ParseAsParameters(name, type, typeName, context, cancellationToken) : null;
            }

            if (Implements(attributeClass, "IFromFormMetadata"))
            {
                return null;
            }
        }

        // After the attributes and the request's own types, before text values and inference, as minimal APIs do.
        var (bindAsync, unwraps) = FindBindAsync(type);
        if (bindAsync != BindAsyncKind.None)
        {
            return new ParameterModel(
                name, typeName, ParameterSource.BindAsync, name, ValueParser.None, type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat),
                typeName, false, isNullable, IsNullableValueType(type), !(isNullable || hasDefault), defaultLiteral, null, null)
            {
                BindAsync = bindAsync,
                BindAsyncUnwraps = unwraps,
            };
        }

        // An array of nullable values has no binding rule (which element would be "absent"?): leave it to the analyzer.
        if (type is IArrayTypeSymbol { ElementType: var element } && IsNullableValueType(element))
        {
            return null;
        }

        if (valueInfo.Parser != ValueParser.None)
        {
            if (!valueInfo.IsArray && context.RouteParameters.TryGetValue(name, out var routePart))
            {
                return Value(ParameterSource.Route, routePart.Text, routePart.IsOptional || routePart.HasDefault);
            }

            return Value(ParameterSource.Query, name, false);
        }

        if (type.TypeKind == TypeKind.Interface || type.IsAbstract || type.TypeKind == TypeKind.Delegate)
        {
            return Service(ParameterSource.Service, null);
        }

        if (context.AllowsInferredBody && context.BodyCount == 0 && type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Array)
        {
            var body = Body();
            return body with { Source = ParameterSource.BodyOrService };
        }

        return Service(ParameterSource.Service, null);
    }

    /// <summary>
    /// The <c>BindAsync</c> that minimal APIs would call for <paramref name="type"/>: <c>IBindableFromHttpContext&lt;T&gt;</c>,
    /// else a public static <c>BindAsync(HttpContext, ParameterInfo)</c>, else <c>BindAsync(HttpContext)</c>, each
    /// returning <c>ValueTask</c> of the type; and whether its result is a nullable struct to unwrap.
    /// </summary>
    private static (BindAsyncKind Kind, bool Unwraps) FindBindAsync(ITypeSymbol type)
    {
        var target = IsNullableValueType(type) ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        if (target is not INamedTypeSymbol named || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return (BindAsyncKind.None, false);
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (implemented.OriginalDefinition.ToDisplayString(PlainTypeNameFormat) == "global::Microsoft.AspNetCore.Http.IBindableFromHttpContext<TSelf>"
                && SymbolEqualityComparer.Default.Equals(implemented.TypeArguments[0], named))
            {
                return (BindAsyncKind.Bindable, false);
            }
        }

        var found = (Kind: BindAsyncKind.None, Unwraps: false);
        for (var current = named; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("BindAsync"))
            {
                if (member is not IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, IsGenericMethod: false } method
                    || method.ReturnType is not INamedTypeSymbol { TypeArguments.Length: 1 } returnType
                    || returnType.OriginalDefinition.ToDisplayString(PlainTypeNameFormat) != "global::System.Threading.Tasks.ValueTask<TResult>")
                {
                    continue;
                }

                var result = returnType.TypeArguments[0];
                var resultIsNullableStruct = IsNullableValueType(result);
                var resultType = resultIsNullableStruct ? ((INamedTypeSymbol)result).TypeArguments[0] : result;
                if (!SymbolEqualityComparer.Default.Equals(resultType, named)
                    || method.Parameters.Length is 0 or > 2
                    || method.Parameters[0].Type.ToDisplayString(PlainTypeNameFormat) != "global::Microsoft.AspNetCore.Http.HttpContext")
                {
                    continue;
                }

                var unwraps = resultIsNullableStruct && !IsNullableValueType(type);
                if (method.Parameters.Length == 2)
                {
                    if (method.Parameters[1].Type.ToDisplayString(PlainTypeNameFormat) == "global::System.Reflection.ParameterInfo")
                    {
                        return (BindAsyncKind.WithParameterInfo, unwraps);
                    }
                }
                else if (found.Kind == BindAsyncKind.None)
                {
                    found = (BindAsyncKind.ContextOnly, unwraps);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The DataAnnotations rules on a body type's public properties (and on a record's positional parameters,
    /// where C# puts attributes written without a target), each keyed by the member's JSON name.
    /// </summary>
    private static EquatableArray<ValidationRuleModel> ParseValidation(ITypeSymbol type, CancellationToken cancellationToken)
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

            var jsonName = ExplicitJsonName(property);
            var attributes = property.GetAttributes().AsEnumerable();
            var positional = primaryParameters.FirstOrDefault(p => p.Name == property.Name);
            if (positional is not null)
            {
                attributes = attributes.Concat(positional.GetAttributes());
            }

            foreach (var attribute in attributes)
            {
                if (!IsValidationAttribute(attribute.AttributeClass))
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

    private static bool IsValidationAttribute(INamedTypeSymbol? attributeClass)
    {
        for (var current = attributeClass; current is not null; current = current.BaseType)
        {
            if (current.Name == "ValidationAttribute" && current.ContainingNamespace?.ToDisplayString() == "System.ComponentModel.DataAnnotations")
            {
                return true;
            }
        }

        return false;
    }

    // Errors that IValidatableObject reports by member name are keyed by the name the client sees in JSON.
    private static EquatableArray<string> RenamedMembers(ITypeSymbol type)
    {
        var pairs = new List<string>();
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsStatic || property.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            if (ExplicitJsonName(property) is { } jsonName)
            {
                pairs.Add(property.Name);
                pairs.Add(jsonName);
            }
        }

        return pairs.ToEquatableArray();
    }

    // [JsonPropertyName], when the member has one; otherwise the app's naming policy decides, at run time.
    private static string? ExplicitJsonName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonPropertyNameAttribute"
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return null;
    }

    private static ParameterModel? ParseAsParameters(
        string name,
        ITypeSymbol type,
        string typeName,
        BindingContext context,
        CancellationToken cancellationToken)
    {
        if (type is not INamedTypeSymbol named || named.IsAbstract || named.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || IsNullableValueType(type))
        {
            return null;
        }

        var constructor = named.InstanceConstructors
            .Where(static c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(static c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null && named.TypeKind == TypeKind.Class)
        {
            return null;
        }

        var constructorMembers = new List<ParameterModel>();
        var propertyMembers = new List<ParameterModel>();
        var usesConstructor = constructor is { Parameters.Length: > 0 };
        if (usesConstructor)
        {
            foreach (var parameter in constructor!.Parameters)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (parameter.RefKind != RefKind.None)
                {
                    return null;
                }

                var member = ParseParameter(
                    parameter.Name, parameter.Type, parameter.NullableAnnotation, parameter.GetAttributes(),
                    parameter.HasExplicitDefaultValue, parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null,
                    context, allowAsParameters: false, cancellationToken);
                if (member is null)
                {
                    return null;
                }

                constructorMembers.Add(member);
            }
        }
        else
        {
            foreach (var property in named.GetMembers().OfType<IPropertySymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (property.IsRequired)
                {
                    return null;
                }

                // Bound by assignment after construction, so property initializers keep their defaults;
                // init-only properties cannot be assigned then and are left alone.
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false })
                {
                    continue;
                }

                var member = ParseParameter(
                    property.Name, property.Type, property.NullableAnnotation, property.GetAttributes(),
                    hasDefault: true, defaultValue: null,
                    context, allowAsParameters: false, cancellationToken);
                if (member is null)
                {
                    return null;
                }

                propertyMembers.Add(member);
            }
        }

        return new ParameterModel(
            name, typeName, ParameterSource.AsParameters, name, ValueParser.None, typeName, typeName,
            false, false, false, true, null, null,
            new AsParametersModel(usesConstructor, constructorMembers.ToEquatableArray(), propertyMembers.ToEquatableArray()));
    }

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

    private static ResultModel? ParseResult(ITypeSymbol returnType) =>
        ParseResult(returnType, new Dictionary<string, TypeShapeModel>(StringComparer.Ordinal));

    private static ResultModel? ParseResult(ITypeSymbol returnType, Dictionary<string, TypeShapeModel> shapes)
    {
        if (ContainsErrorType(returnType))
        {
            return null;
        }

        var awaitKind = AwaitKind.None;
        if (returnType is INamedTypeSymbol named && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
        {
            if (named.Name is "Task" or "ValueTask")
            {
                awaitKind = named.Name == "Task" ? AwaitKind.Task : AwaitKind.ValueTask;
                if (named.TypeArguments.Length == 0)
                {
                    return NoContent(awaitKind);
                }

                returnType = named.TypeArguments[0];
            }
        }

        if (returnType.SpecialType == SpecialType.System_Void)
        {
            return NoContent(awaitKind);
        }

        var plainName = returnType.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat);
        if (returnType.SpecialType == SpecialType.System_String)
        {
            return new ResultModel(ResultKind.Text, awaitKind, plainName, new[] { new ResponseModel(200, "string") { BodyTypeOf = "string" } }.ToEquatableArray(), false);
        }

        if (IsHttpResult(returnType))
        {
            var responses = new List<ResponseModel>();
            var isOpen = false;
            CollectResponses(returnType, responses, ref isOpen, shapes);
            var distinct = responses.Distinct().OrderBy(static r => r.StatusCode).ToEquatableArray();
            var (typedResults, isUnion) = ParseTypedResults(returnType);
            return new ResultModel(ResultKind.HttpResult, awaitKind, plainName, distinct, isOpen)
            {
                TypedResults = typedResults,
                IsUnion = isUnion,
            };
        }

        if (returnType.IsStatic || returnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic
            || returnType.IsRefLikeType)
        {
            return null;
        }

        var bodyTypeOf = ShapeParser.Collect(returnType, shapes);
        return new ResultModel(
            ResultKind.Json, awaitKind, returnType.ToDisplayString(TypeNameFormat),
            new[] { new ResponseModel(200, plainName) { BodyTypeOf = bodyTypeOf } }.ToEquatableArray(), false);

        static ResultModel NoContent(AwaitKind awaitKind) =>
            new(ResultKind.NoContent, awaitKind, null, new[] { new ResponseModel(204, null) }.ToEquatableArray(), false);
    }

    /// <summary>
    /// The status results whose response <c>ResourcefulTypedResults</c> writes as their own <c>ExecuteAsync</c> does:
    /// a status code, a <c>Location</c> for <c>Created</c> and <c>Accepted</c>, and, for the generic ones, a JSON body.
    /// </summary>
    private static readonly string[] StatusResults = ["Ok", "Created", "Accepted", "NoContent", "NotFound", "BadRequest", "Conflict", "UnprocessableEntity"];

    private static readonly string[] ValueResults = ["Ok", "Created", "Accepted", "NotFound", "BadRequest", "Conflict", "UnprocessableEntity"];

    private static (EquatableArray<TypedResultModel> Results, bool IsUnion) ParseTypedResults(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { Name: "Results" } union && IsInHttpResults(union))
        {
            // Two members of one runtime type (Ok<Book> and Ok<Book?>) would be one case twice: keep the first.
            var members = new List<TypedResultModel>();
            foreach (var argument in union.TypeArguments)
            {
                if (TypedResult(argument) is { } member && !members.Any(m => m.TypeName == member.TypeName))
                {
                    members.Add(member);
                }
            }

            return (members.ToEquatableArray(), true);
        }

        return TypedResult(type) is { } single
            ? (new[] { single }.ToEquatableArray(), false)
            : (EquatableArray<TypedResultModel>.Empty, false);

        static TypedResultModel? TypedResult(ITypeSymbol type)
        {
            if (type is not INamedTypeSymbol named || !IsInHttpResults(named))
            {
                return null;
            }

            return named.TypeArguments.Length switch
            {
                0 when StatusResults.Contains(named.Name) => new TypedResultModel(named.ToDisplayString(PlainTypeNameFormat), named.Name, null),
                1 when ValueResults.Contains(named.Name) => new TypedResultModel(
                    named.ToDisplayString(PlainTypeNameFormat), named.Name, named.TypeArguments[0].ToDisplayString(TypeNameFormat)),
                _ => null,
            };
        }

        static bool IsInHttpResults(INamedTypeSymbol named) =>
            named.ContainingType is null && named.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http.HttpResults";
    }

    private static bool IsHttpResult(ITypeSymbol type)
    {
        if (IsIResult(type))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (IsIResult(candidate))
            {
                return true;
            }
        }

        return false;

        static bool IsIResult(ITypeSymbol candidate) =>
            candidate is { Name: "IResult" } && candidate.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http";
    }

    private static void CollectResponses(ITypeSymbol type, List<ResponseModel> responses, ref bool isOpen, Dictionary<string, TypeShapeModel> shapes)
    {
        if (type is not INamedTypeSymbol named || named.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Http.HttpResults")
        {
            isOpen = true;
            return;
        }

        if (named.Name == "Results")
        {
            foreach (var argument in named.TypeArguments)
            {
                CollectResponses(argument, responses, ref isOpen, shapes);
            }

            return;
        }

        var bodyType = named.TypeArguments.Length == 1
            ? named.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat)
            : null;
        var status = named.Name switch
        {
            "Ok" or "JsonHttpResult" or "ContentHttpResult" or "Utf8ContentHttpResult" or "FileContentHttpResult"
                or "FileStreamHttpResult" or "PhysicalFileHttpResult" or "VirtualFileHttpResult" or "PushStreamHttpResult"
                or "EmptyHttpResult" or "ServerSentEventsResult" => 200,
            "Created" or "CreatedAtRoute" => 201,
            "Accepted" or "AcceptedAtRoute" => 202,
            "NoContent" => 204,
            "BadRequest" => 400,
            "ValidationProblem" => 400,
            "UnauthorizedHttpResult" => 401,
            "ForbidHttpResult" => 403,
            "NotFound" => 404,
            "Conflict" => 409,
            "UnprocessableEntity" => 422,
            "InternalServerError" => 500,
            _ => 0,
        };

        if (named.Name == "ValidationProblem")
        {
            bodyType = "global::Microsoft.AspNetCore.Http.HttpValidationProblemDetails";
        }

        // JSON and content results may carry another status chosen at run time.
        if (status == 0 || named.Name is "JsonHttpResult" or "ContentHttpResult" or "Utf8ContentHttpResult")
        {
            isOpen = true;
        }

        if (status != 0)
        {
            string? bodyTypeOf = null;
            if (named.Name == "ValidationProblem")
            {
                bodyTypeOf = bodyType;
            }
            else if (named.TypeArguments.Length == 1 && named.TypeArguments[0].TypeKind != TypeKind.Error)
            {
                bodyTypeOf = ShapeParser.Collect(named.TypeArguments[0], shapes);
            }

            responses.Add(new ResponseModel(status, bodyType) { BodyTypeOf = bodyTypeOf });
        }
    }

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

    // Calling an [Obsolete(..., error: true)] member is a compile error no pragma can silence.
    private static bool IsObsoleteError(ISymbol symbol) =>
        symbol.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute"
            && a.ConstructorArguments.Length == 2 && a.ConstructorArguments[1].Value is true);

    private static bool Implements(INamedTypeSymbol attributeClass, string metadataInterface)
    {
        foreach (var candidate in attributeClass.AllInterfaces)
        {
            if (candidate.Name == metadataInterface
                && candidate.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http.Metadata")
            {
                return true;
            }
        }

        return false;
    }

    private static string? GetNamedString(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is string text && text.Length > 0)
            {
                return text;
            }
        }

        return null;
    }

    private static long? GetNamedLong(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is long number)
            {
                return number;
            }
        }

        return null;
    }

    private static int? GetNamedInt(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int number)
            {
                return number;
            }
        }

        return null;
    }

    private static bool IsNullableValueType(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    private static bool ContainsErrorType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
        _ => false,
    };

    private static bool IsReachableFromAssembly(INamedTypeSymbol type)
    {
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            if (named.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    private static string TypeKeyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string GetMetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }
}
