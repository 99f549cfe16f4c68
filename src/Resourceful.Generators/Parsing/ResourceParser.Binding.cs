using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>Binding: where each handler parameter's value comes from, by minimal APIs' rules.</summary>
internal static partial class ResourceParser
{
    private sealed class BindingContext(string httpMethod, Dictionary<string, RoutePart> routeParameters, Dictionary<string, TypeShapeModel> shapes, KnownTypes known)
    {
        public KnownTypes Known { get; } = known;

        public Dictionary<string, TypeShapeModel> Shapes { get; } = shapes;

        public string HttpMethod { get; } = httpMethod;

        public Dictionary<string, RoutePart> RouteParameters { get; } = routeParameters;

        public int BodyCount { get; set; }

        /// <summary>How many values are read from the form; a JSON body then cannot be inferred (one body per request).</summary>
        public int FormCount { get; set; }

        /// <summary>Whether the members being parsed belong to a <c>[FromForm]</c> complex type: each is a form field or file.</summary>
        public bool InFormObject { get; set; }

        // QUERY (RFC 10008) carries its query in the body, bound as POST's is.
        public bool AllowsInferredBody => HttpMethod is "POST" or "PUT" or "PATCH" or "QUERY";
    }

    /// <summary>Why a value cannot be bound.</summary>
    private enum UnboundKind
    {
        /// <summary>No rule binds it; detail: why, in words that complete "cannot be bound: …".</summary>
        CannotBind,

        /// <summary>A route-bound value names a route value the template lacks; detail: the route value's name.</summary>
        FromRouteNotInTemplate,

        /// <summary>A type or argument does not compile; the compiler already says so.</summary>
        CompilerError,
    }

    /// <summary>The reason a value is not bound (meaningless when it is).</summary>
    private readonly struct Unbound(UnboundKind kind, string? detail)
    {
        public UnboundKind Kind { get; } = kind;

        public string? Detail { get; } = detail;

        public static Unbound Because(string? detail) => new(UnboundKind.CannotBind, detail);
    }

    private const string SimpleTypes = "a string, a number, a bool, a Guid, a date or time, an enum, or a type with IParsable<T> or a static TryParse(string, out T)";

    /// <summary>Where one handler parameter (or <c>[AsParameters]</c> member) comes from, or why it cannot come from anywhere.</summary>
    private static (ParameterModel? Model, Unbound Unbound) ParseParameter(
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
        var (model, unbound) = ParseParameterCore(name, type, annotation, attributes, hasDefault, defaultValue, context, allowAsParameters, cancellationToken);
        if (model is { Parser: ValueParser.Enum })
        {
            // Enum values appear in the OpenAPI document as a named schema, like body types.
            var enumType = type is IArrayTypeSymbol array ? array.ElementType : type;
            ShapeParser.Collect(enumType, context.Shapes, context.Known);
        }

        return model is null
            ? (null, unbound)
            : (model with { ParameterTypeOf = type.ToDisplayString(PlainTypeNameFormat), IsReferenceType = type.IsReferenceType }, default);
    }

    private static (ParameterModel? Model, Unbound Unbound) ParseParameterCore(
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
        if (type.TypeKind == TypeKind.Error || ContainsErrorType(type))
        {
            return (null, new Unbound(UnboundKind.CompilerError, null));
        }

        var display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (type.TypeKind == TypeKind.Dynamic)
        {
            return (null, Unbound.Because("'dynamic' names no type to read the value as; declare the type"));
        }

        // Nothing binds to a ref struct or a pointer: no request value parses into one, no service is one.
        var unbindable = type.IsRefLikeType || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer;
        var unbindableReason = $"'{display}' is a ref struct or a pointer, which can neither be read from the request nor resolved as a service; take a string or an array instead";
        var typeName = type.ToDisplayString(TypeNameFormat);
        var isNullable = annotation == NullableAnnotation.Annotated
            || annotation == NullableAnnotation.None && type.IsReferenceType
            || IsNullableValueType(type);
        var defaultLiteral = hasDefault ? FormatDefaultValue(type, defaultValue) : null;
        if (hasDefault && defaultLiteral is null)
        {
            return (null, Unbound.Because("its default value cannot be written in generated code; use a simpler constant or make the parameter nullable"));
        }

        ParameterModel Special(ParameterSource source) =>
            new(name, typeName, source, name, ValueParser.None, typeName, typeName, false, isNullable, false, false, null, null, null);

        var known = context.Known;
        if (SpecialSource(type, known) is { } special)
        {
            if (special is ParameterSource.BodyStream or ParameterSource.BodyPipeReader)
            {
                context.BodyCount++;
            }

            return (Special(special), default);
        }

        // The form's own types bind from the form by their type alone, never from DI (as in minimal APIs).
        var fromForm = FromFormAttribute(attributes, known);
        if (FormTypeSource(type, known) is { } formSource)
        {
            context.FormCount++;
            var key = (fromForm is null ? null : GetNamedString(fromForm, "Name")) ?? name;
            return (Special(formSource) with { Key = key, IsRequired = formSource == ParameterSource.FormFile && !isNullable && !hasDefault }, default);
        }

        var valueInfo = GetValueInfo(type);
        ParameterModel Value(ParameterSource source, string key, bool optionalByTemplate)
        {
            var isRequired = !(isNullable || hasDefault || valueInfo.IsArray || optionalByTemplate);
            return new ParameterModel(
                name, typeName, source, key, valueInfo.Parser, valueInfo.ValueTypeName, valueInfo.Display,
                valueInfo.IsArray, isNullable, IsNullableValueType(type), isRequired, defaultLiteral, null, null)
            {
                ValueRules = ParseValueRules(attributes, known),
            };
        }

        ParameterModel Body()
        {
            context.BodyCount++;
            var isRequired = !(isNullable || hasDefault);
            return new ParameterModel(
                name, typeName, ParameterSource.Body, name, ValueParser.None, type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat),
                typeName, false, isNullable, IsNullableValueType(type), isRequired, defaultLiteral, null, null)
            {
                TypeOf = ShapeParser.Collect(type, context.Shapes, known),
                BodyJsonType = BodyJsonType(type, context.Shapes, known),
                Validation = ParseValidation(type, known, cancellationToken),
            };
        }

        if (context.InFormObject)
        {
            // A member of a [FromForm] type: a form field by its own name (or [FromForm(Name = …)]), one level deep.
            if (valueInfo.Parser == ValueParser.None || unbindable)
            {
                return (null, Unbound.Because($"a form field is text, and '{display}' is not {SimpleTypes}, nor an array of one (a [FromForm] type is bound one level deep: its members are fields or files)"));
            }

            context.FormCount++;
            return (Value(ParameterSource.Form, (fromForm is null ? null : GetNamedString(fromForm, "Name")) ?? name, false), default);
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
            if (KnownTypes.IsOrInherits(attributeClass, known.FromRouteMetadata))
            {
                if (valueInfo.Parser == ValueParser.None || valueInfo.IsArray)
                {
                    return (null, Unbound.Because($"a route value is one piece of text, and '{display}' is not {SimpleTypes}"));
                }

                var key = explicitName ?? name;
                return context.RouteParameters.TryGetValue(key, out var part)
                    ? (Value(ParameterSource.Route, part.Text, part.IsOptional || part.HasDefault), default)
                    : (null, new Unbound(UnboundKind.FromRouteNotInTemplate, key));
            }

            var fromQuery = KnownTypes.IsOrInherits(attributeClass, known.FromQueryMetadata);
            if (fromQuery || KnownTypes.IsOrInherits(attributeClass, known.FromHeaderMetadata))
            {
                if (valueInfo.Parser == ValueParser.None)
                {
                    var source = fromQuery ? "query" : "header";
                    return (null, Unbound.Because($"a {source} value is text, and '{display}' is not {SimpleTypes}, nor an array of one; use [AsParameters] to bind a type's members"));
                }

                return (Value(fromQuery ? ParameterSource.Query : ParameterSource.Header, explicitName ?? name, false), default);
            }

            if (KnownTypes.Is(attributeClass, known.FromCookieAttribute))
            {
                // One cookie is one piece of text (RFC 6265 §4.2): no arrays, unlike a repeated query key or header.
                if (valueInfo.Parser == ValueParser.None || valueInfo.IsArray)
                {
                    return (null, Unbound.Because($"a cookie value is one piece of text, and '{display}' is not {SimpleTypes}"));
                }

                return (Value(ParameterSource.Cookie, string.IsNullOrEmpty(explicitName) ? name : explicitName!, false), default);
            }

            if (KnownTypes.IsOrInherits(attributeClass, known.FromBodyMetadata))
            {
                if (unbindable)
                {
                    return (null, Unbound.Because(unbindableReason));
                }

                var model = Body();
                return (GetNamedInt(attribute, "EmptyBodyBehavior") == 1 ? model with { IsRequired = false } : model, default);
            }

            if (KnownTypes.IsOrInherits(attributeClass, known.FromServiceMetadata))
            {
                return unbindable ? (null, Unbound.Because(unbindableReason)) : (Service(ParameterSource.Service, null), default);
            }

            if (KnownTypes.Is(attributeClass, known.FromKeyedServicesAttribute))
            {
                if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
                {
                    return (null, new Unbound(UnboundKind.CompilerError, null));
                }

                var keyLiteral = FormatKey(attribute.ConstructorArguments[0]);
                if (keyLiteral is null)
                {
                    return (null, Unbound.Because("the key of [FromKeyedServices] must be a string, an int, an enum or null"));
                }

                return unbindable ? (null, Unbound.Because(unbindableReason)) : (Service(ParameterSource.KeyedService, keyLiteral), default);
            }

            if (KnownTypes.Is(attributeClass, known.AsParametersAttribute))
            {
                if (unbindable)
                {
                    return (null, Unbound.Because(unbindableReason));
                }

                return allowAsParameters
                    ? ParseAsParameters(name, type, typeName, context, cancellationToken)
                    : (null, Unbound.Because("[AsParameters] cannot be nested inside another [AsParameters] type"));
            }

            if (KnownTypes.IsOrInherits(attributeClass, known.FromFormMetadata))
            {
                if (valueInfo.Parser != ValueParser.None)
                {
                    context.FormCount++;
                    return (Value(ParameterSource.Form, explicitName ?? name, false), default);
                }

                if (unbindable)
                {
                    return (null, Unbound.Because(unbindableReason));
                }

                return allowAsParameters
                    ? ParseFormObject(name, type, typeName, context, cancellationToken)
                    : (null, Unbound.Because("a [FromForm] type is bound one level deep: its members are form fields or files, not other [FromForm] types"));
            }
        }

        if (unbindable)
        {
            return (null, Unbound.Because(unbindableReason));
        }

        // After the attributes and the request's own types, before text values and inference, as minimal APIs do.
        var (bindAsync, unwraps) = FindBindAsync(type, known);
        if (bindAsync != BindAsyncKind.None)
        {
            return (new ParameterModel(
                name, typeName, ParameterSource.BindAsync, name, ValueParser.None, type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat),
                typeName, false, isNullable, IsNullableValueType(type), !(isNullable || hasDefault), defaultLiteral, null, null)
            {
                BindAsync = bindAsync,
                BindAsyncUnwraps = unwraps,
            }, default);
        }

        // An array of nullable values has no binding rule (which element would be "absent"?).
        if (type is IArrayTypeSymbol { ElementType: INamedTypeSymbol element } && IsNullableValueType(element))
        {
            var elementDisplay = element.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            return (null, Unbound.Because($"an array of nullable values has no binding rule (a repeated query key has no absent element); use '{elementDisplay}[]'"));
        }

        if (valueInfo.Parser != ValueParser.None)
        {
            if (!valueInfo.IsArray && context.RouteParameters.TryGetValue(name, out var routePart))
            {
                return (Value(ParameterSource.Route, routePart.Text, routePart.IsOptional || routePart.HasDefault), default);
            }

            return (Value(ParameterSource.Query, name, false), default);
        }

        if (type.TypeKind == TypeKind.Interface || type.IsAbstract || type.TypeKind == TypeKind.Delegate)
        {
            return (Service(ParameterSource.Service, null), default);
        }

        if (context.AllowsInferredBody && context.BodyCount == 0 && context.FormCount == 0 && type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Array)
        {
            var body = Body();
            return (body with { Source = ParameterSource.BodyOrService }, default);
        }

        return (Service(ParameterSource.Service, null), default);
    }

    /// <summary>
    /// The <c>BindAsync</c> that minimal APIs would call for <paramref name="type"/>: <c>IBindableFromHttpContext&lt;T&gt;</c>,
    /// else a public static <c>BindAsync(HttpContext, ParameterInfo)</c>, else <c>BindAsync(HttpContext)</c>, each
    /// returning <c>ValueTask</c> of the type; and whether its result is a nullable struct to unwrap.
    /// </summary>
    private static (BindAsyncKind Kind, bool Unwraps) FindBindAsync(ITypeSymbol type, KnownTypes known)
    {
        var target = IsNullableValueType(type) ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        if (target is not INamedTypeSymbol named || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return (BindAsyncKind.None, false);
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (KnownTypes.Is(implemented, known.BindableFromHttpContext)
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
                    || !KnownTypes.Is(returnType, known.ValueTaskOfT))
                {
                    continue;
                }

                var result = returnType.TypeArguments[0];
                var resultIsNullableStruct = IsNullableValueType(result);
                var resultType = resultIsNullableStruct ? ((INamedTypeSymbol)result).TypeArguments[0] : result;
                if (!SymbolEqualityComparer.Default.Equals(resultType, named)
                    || method.Parameters.Length is 0 or > 2
                    || !KnownTypes.Is(method.Parameters[0].Type, known.HttpContext))
                {
                    continue;
                }

                var unwraps = resultIsNullableStruct && !IsNullableValueType(type);
                if (method.Parameters.Length == 2)
                {
                    if (KnownTypes.Is(method.Parameters[1].Type, known.ParameterInfo))
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

    private static (ParameterModel? Model, Unbound Unbound) ParseAsParameters(
        string name,
        ITypeSymbol type,
        string typeName,
        BindingContext context,
        CancellationToken cancellationToken,
        string label = "[AsParameters]",
        ParameterSource source = ParameterSource.AsParameters)
    {
        var display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (type is not INamedTypeSymbol named || named.IsAbstract || named.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || IsNullableValueType(type))
        {
            return (null, Unbound.Because($"{label} needs a concrete, non-nullable class or struct, and '{display}' is not one"));
        }

        var constructor = named.InstanceConstructors
            .Where(static c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(static c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null && named.TypeKind == TypeKind.Class)
        {
            return (null, Unbound.Because($"{label} type '{display}' has no public constructor"));
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
                    return (null, Unbound.Because($"constructor parameter '{parameter.Name}' of {label} type '{display}' is passed by reference"));
                }

                var (member, unbound) = ParseParameter(
                    parameter.Name, parameter.Type, parameter.NullableAnnotation, parameter.GetAttributes(),
                    parameter.HasExplicitDefaultValue, parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null,
                    context, allowAsParameters: false, cancellationToken);
                if (member is null)
                {
                    return (null, Unbound.Because(DescribeMember(display, parameter.Name, unbound)));
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
                    return (null, Unbound.Because($"{label} type '{display}' has the required property '{property.Name}', which cannot be set after construction; give the type a constructor instead"));
                }

                // Bound by assignment after construction, so property initializers keep their defaults;
                // init-only properties cannot be assigned then and are left alone.
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false })
                {
                    continue;
                }

                var (member, unbound) = ParseParameter(
                    property.Name, property.Type, property.NullableAnnotation, property.GetAttributes(),
                    hasDefault: true, defaultValue: null,
                    context, allowAsParameters: false, cancellationToken);
                if (member is null)
                {
                    return (null, Unbound.Because(DescribeMember(display, property.Name, unbound)));
                }

                propertyMembers.Add(member);
            }
        }

        return (new ParameterModel(
            name, typeName, source, name, ValueParser.None, typeName, typeName,
            false, false, false, true, null, null,
            new AsParametersModel(usesConstructor, constructorMembers.ToEquatableArray(), propertyMembers.ToEquatableArray())), default);

        static string DescribeMember(string display, string member, Unbound inner) => inner.Kind switch
        {
            UnboundKind.FromRouteNotInTemplate => $"member '{member}' of '{display}' reads route value '{inner.Detail}', which the template does not declare",
            _ when inner.Detail is not null => $"member '{member}' of '{display}' cannot be bound: {inner.Detail}",
            _ => $"member '{member}' of '{display}' cannot be bound",
        };
    }

    /// <summary>The request's own objects, which bind by their type alone; <see langword="null"/> for any other type.</summary>
    private static ParameterSource? SpecialSource(ITypeSymbol type, KnownTypes known) =>
        KnownTypes.Is(type, known.HttpContext) ? ParameterSource.HttpContext
        : KnownTypes.Is(type, known.HttpRequest) ? ParameterSource.HttpRequest
        : KnownTypes.Is(type, known.HttpResponse) ? ParameterSource.HttpResponse
        : KnownTypes.Is(type, known.ClaimsPrincipal) ? ParameterSource.User
        : KnownTypes.Is(type, known.CancellationToken) ? ParameterSource.CancellationToken
        : KnownTypes.Is(type, known.Session) ? ParameterSource.Session
        : KnownTypes.Is(type, known.Stream) ? ParameterSource.BodyStream
        : KnownTypes.Is(type, known.PipeReader) ? ParameterSource.BodyPipeReader
        : KnownTypes.Is(type, known.Preconditions) ? ParameterSource.Preconditions
        : null;

    /// <summary>The JSON Schema type a body's JSON has, from its shape; <see langword="null"/> when any JSON fits.</summary>
    private static string? BodyJsonType(ITypeSymbol type, Dictionary<string, TypeShapeModel> shapes, KnownTypes known) =>
        shapes.TryGetValue(ShapeParser.Collect(type, shapes, known), out var shape)
            ? shape.Kind switch
            {
                ShapeKind.Object or ShapeKind.Dictionary => "object",
                ShapeKind.Array => "array",
                ShapeKind.String => "string",
                ShapeKind.Integer => "integer",
                ShapeKind.Number => "number",
                ShapeKind.Boolean => "boolean",
                ShapeKind.Enum => shape.EnumAsStrings ? "string" : "integer",
                _ => null,
            }
            : null;
}
