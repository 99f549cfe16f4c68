using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// The half of the parser the analyzers use. <see cref="Describe"/> runs the generator's own
/// <see cref="ParseResource"/> and, for every handler the model leaves out, replays the same decisions to say
/// why. So an analyzer never guesses what the generator does: a handler is reported as skipped exactly when
/// the generator skips it.
/// </summary>
internal static partial class ResourceParser
{
    /// <summary>The <c>[Resource]</c> attribute of <paramref name="type"/>, matched by name as the generator matches it.</summary>
    public static AttributeData? FindResourceAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == ResourceAttributeName)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>
    /// Everything the analyzers need to know about one resource class: the generator's model and, for each
    /// attributed method, its endpoint or the reasons it has none.
    /// </summary>
    public static ResourceInfo Describe(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        var rawTemplate = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var model = ParseResource(type, attribute, cancellationToken);
        var template = rawTemplate is null ? null : RouteTemplateParser.Normalize(rawTemplate);
        var canCreateInstance = model?.Constructor is not null;

        var handlers = ImmutableArray.CreateBuilder<HandlerInfo>();
        foreach (var (method, methodAttribute, httpMethod) in HandlerAttributes(type, cancellationToken))
        {
            string? rawSubTemplate = null;
            var subTemplateIsValid = true;
            if (methodAttribute.ConstructorArguments.Length == 1)
            {
                rawSubTemplate = methodAttribute.ConstructorArguments[0].Value as string;
                subTemplateIsValid = rawSubTemplate is not null;
            }
            else if (methodAttribute.ConstructorArguments.Length > 1)
            {
                subTemplateIsValid = false;
            }

            var handlerTemplate = template is not null && subTemplateIsValid
                ? RouteTemplateParser.Combine(template, rawSubTemplate)
                : null;
            var endpoint = model is null || handlerTemplate is null ? null : FindEndpoint(model, method, httpMethod, handlerTemplate);
            var problems = endpoint is null && model is not null && template is not null
                ? AnalyzeHandler(method, httpMethod, methodAttribute, template, canCreateInstance, cancellationToken)
                : ImmutableArray<HandlerProblem>.Empty;
            handlers.Add(new HandlerInfo(method, methodAttribute, httpMethod, rawSubTemplate, handlerTemplate, endpoint, problems));
        }

        return new ResourceInfo(type, attribute, rawTemplate, template, model, handlers.ToImmutable());
    }

    /// <summary>The endpoint the generator made of <paramref name="method"/> for <paramref name="httpMethod"/>, if any.</summary>
    public static EndpointModel? FindEndpoint(ResourceModel model, IMethodSymbol method, string httpMethod, string template)
    {
        foreach (var endpoint in model.Endpoints)
        {
            if (endpoint.HandlerName == method.Name && endpoint.HttpMethod == httpMethod && endpoint.Template == template
                && endpoint.IsStatic == method.IsStatic && endpoint.Parameters.Count == method.Parameters.Length)
            {
                var same = true;
                for (var i = 0; i < method.Parameters.Length && same; i++)
                {
                    same = endpoint.Parameters[i].Name == method.Parameters[i].Name;
                }

                if (same)
                {
                    return endpoint;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the generator reads <paramref name="type"/> from text (route, query, header): a "simple" type.</summary>
    public static bool IsSimpleType(ITypeSymbol type) => GetValueInfo(type).Parser != ValueParser.None;

    /// <summary>
    /// Why the generator cannot create <paramref name="type"/> per request, and the symbol to report it at;
    /// <see langword="null"/> when it can (or when the compiler already reports a missing type).
    /// Mirrors <c>ParseConstructor</c>, plus dependencies that no container provides.
    /// </summary>
    public static (string Reason, ISymbol? At)? ExplainConstructor(INamedTypeSymbol type)
    {
        if (type.IsStatic || type.IsAbstract)
        {
            return null;
        }

        var candidates = type.InstanceConstructors.Where(static c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        if (candidates.Count == 0)
        {
            return ("it has no public constructor, so its instance handlers are not mapped; add a public constructor or make the handlers static", null);
        }

        var constructor = candidates.FirstOrDefault(static c => c.GetAttributes().Any(static a =>
                a.AttributeClass?.Name == "ActivatorUtilitiesConstructorAttribute"))
            ?? candidates.OrderByDescending(static c => c.Parameters.Length).First();

        foreach (var parameter in constructor.Parameters)
        {
            if (ContainsErrorType(parameter.Type))
            {
                return null;
            }

            if (parameter.RefKind != RefKind.None)
            {
                return ($"constructor parameter '{parameter.Name}' is passed by reference, so its instance handlers are not mapped; take it as a plain parameter", parameter);
            }

            var keyed = false;
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute"
                    && attribute.ConstructorArguments.Length == 1)
                {
                    keyed = true;
                    if (attribute.ConstructorArguments[0].Kind != TypedConstantKind.Error && FormatKey(attribute.ConstructorArguments[0]) is null)
                    {
                        return ($"the key of [FromKeyedServices] on constructor parameter '{parameter.Name}' is not a string, an int, an enum or null, so its instance handlers are not mapped; use one of those as the key", parameter);
                    }
                }
            }

            var optional = parameter.HasExplicitDefaultValue || parameter.NullableAnnotation == NullableAnnotation.Annotated
                || IsNullableValueType(parameter.Type);
            if (!keyed && !optional && IsPlainValue(parameter.Type))
            {
                var display = parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                return ($"constructor parameter '{parameter.Name}' is a '{display}', a plain value that no service container provides, so every request to its instance handlers fails; take the value from a service such as IOptions<T>", parameter);
            }
        }

        return null;
    }

    // A string, number, bool, char or enum: nothing anyone registers as a service.
    private static bool IsPlainValue(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum || type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean
            or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64
            or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    /// <summary>
    /// Replays <c>ParseEndpoint</c> on a handler the generator left out and lists every reason it did. Unlike the
    /// parser, it does not stop at the first reason, so the user sees them all at once.
    /// </summary>
    public static ImmutableArray<HandlerProblem> AnalyzeHandler(
        IMethodSymbol method,
        string httpMethod,
        AttributeData attribute,
        string resourceTemplate,
        bool canCreateInstance,
        CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<HandlerProblem>();
        if (method.DeclaredAccessibility != Accessibility.Public)
        {
            problems.Add(new HandlerProblem(HandlerProblemKind.NotPublic, null, AccessibilityText(method.DeclaredAccessibility), null));
        }

        if (method.IsGenericMethod)
        {
            problems.Add(new HandlerProblem(HandlerProblemKind.Generic, null, null, null));
        }

        if (IsObsoleteError(method))
        {
            problems.Add(new HandlerProblem(HandlerProblemKind.ObsoleteError, null, null, null));
        }

        if (method.IsAbstract || (!method.IsStatic && !canCreateInstance))
        {
            // Explained once on the class (abstract, or no usable constructor), not on every handler.
            problems.Add(new HandlerProblem(HandlerProblemKind.NoInstance, null, null, null));
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            problems.Add(new HandlerProblem(HandlerProblemKind.ReturnNotSupported, null, "returns by reference", "return the value itself"));
        }
        else if (method.IsAsync && method.ReturnsVoid)
        {
            problems.Add(new HandlerProblem(HandlerProblemKind.ReturnNotSupported, null, "is 'async void', so nobody can await it or observe its exceptions", "return 'Task' instead"));
        }
        else if (ContainsErrorType(method.ReturnType))
        {
            problems.Add(new HandlerProblem(HandlerProblemKind.CompilerError, null, null, null));
        }
        else if (ParseResult(method.ReturnType) is null)
        {
            var display = method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            problems.Add(new HandlerProblem(
                HandlerProblemKind.ReturnNotSupported, null, $"returns '{display}', which cannot be written as a response",
                "return a value, a string, an IResult or a Task of one of them"));
        }

        string? subTemplate = null;
        if (attribute.ConstructorArguments.Length == 1)
        {
            if (attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
            {
                problems.Add(new HandlerProblem(HandlerProblemKind.CompilerError, null, null, null));
                return problems.ToImmutable();
            }

            if (attribute.ConstructorArguments[0].Value is not string value)
            {
                problems.Add(new HandlerProblem(HandlerProblemKind.InvalidTemplate, null, null, null));
                return problems.ToImmutable();
            }

            subTemplate = value;
        }
        else if (attribute.ConstructorArguments.Length > 1)
        {
            problems.Add(new HandlerProblem(HandlerProblemKind.CompilerError, null, null, null));
            return problems.ToImmutable();
        }

        var template = RouteTemplateParser.Combine(resourceTemplate, subTemplate);
        var segments = RouteTemplateParser.Parse(template);
        var routeParameters = new Dictionary<string, RoutePart>(StringComparer.OrdinalIgnoreCase);
        var templateIsValid = segments is not null;
        if (segments is not null)
        {
            foreach (var part in segments.Value.SelectMany(static s => s.Parts).Where(static p => p.IsParameter))
            {
                if (routeParameters.ContainsKey(part.Text))
                {
                    templateIsValid = false;
                    break;
                }

                routeParameters.Add(part.Text, part);
            }
        }

        if (!templateIsValid)
        {
            // The template analysis reports it at the string literal; binding against a broken template would mislead.
            problems.Add(new HandlerProblem(HandlerProblemKind.InvalidTemplate, null, null, null));
            return problems.ToImmutable();
        }

        var context = new BindingContext(httpMethod, routeParameters);
        var bodies = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                var modifier = parameter.IsParams ? "params" : parameter.RefKind switch
                {
                    RefKind.Ref => "ref",
                    RefKind.Out => "out",
                    RefKind.In => "in",
                    _ => "ref readonly",
                };
                problems.Add(new HandlerProblem(HandlerProblemKind.ByReference, parameter, modifier, null));
                continue;
            }

            if (parameter.Type.TypeKind == TypeKind.Dynamic)
            {
                problems.Add(new HandlerProblem(HandlerProblemKind.CannotBind, parameter, "'dynamic' names no type to read the value as; declare the type", null));
                continue;
            }

            var bodyCountBefore = context.BodyCount;
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
                problems.Add(ExplainParameter(parameter, context, cancellationToken));
                continue;
            }

            if (context.BodyCount > bodyCountBefore)
            {
                bodies.Add(parameter.Name);
            }
        }

        if (context.BodyCount > 1 && bodies.Count > 1)
        {
            problems.Add(new HandlerProblem(HandlerProblemKind.MultipleBodies, method.Parameters.FirstOrDefault(p => p.Name == bodies[1]), bodies[0], bodies[1]));
        }

        return problems.ToImmutable();
    }

    private static HandlerProblem ExplainParameter(IParameterSymbol parameter, BindingContext context, CancellationToken cancellationToken)
    {
        var reason = ExplainUnboundValue(
            parameter.Name, parameter.Type, parameter.GetAttributes(),
            parameter.HasExplicitDefaultValue, parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null,
            context, allowAsParameters: true, cancellationToken);
        return reason.Kind switch
        {
            HandlerProblemKind.FromRouteNotInTemplate => new HandlerProblem(HandlerProblemKind.FromRouteNotInTemplate, parameter, reason.Detail, null),
            HandlerProblemKind.CompilerError => new HandlerProblem(HandlerProblemKind.CompilerError, parameter, null, null),
            _ => new HandlerProblem(HandlerProblemKind.CannotBind, parameter, reason.Detail ?? "the generator has no way to bind it", null),
        };
    }

    // Mirrors the branches of ParseParameter that return null, in the same order.
    private static (HandlerProblemKind Kind, string? Detail) ExplainUnboundValue(
        string name,
        ITypeSymbol type,
        IEnumerable<AttributeData> attributes,
        bool hasDefault,
        object? defaultValue,
        BindingContext context,
        bool allowAsParameters,
        CancellationToken cancellationToken)
    {
        if (type.TypeKind == TypeKind.Error || ContainsErrorType(type))
        {
            return (HandlerProblemKind.CompilerError, null);
        }

        var display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (hasDefault && FormatDefaultValue(type, defaultValue) is null)
        {
            return (HandlerProblemKind.CannotBind, "its default value cannot be written in generated code; use a simpler constant or make the parameter nullable");
        }

        if (FormTypes.Contains(type.ToDisplayString(PlainTypeNameFormat)))
        {
            return (HandlerProblemKind.CannotBind, $"'{display}' is read from a form, and form binding is not supported yet; take HttpRequest and read the form with ReadFormAsync()");
        }

        var valueInfo = GetValueInfo(type);
        const string SimpleTypes = "a string, a number, a bool, a Guid, a date or time, an enum, or a type with IParsable<T> or a static TryParse(string, out T)";
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
                if (valueInfo.Parser == ValueParser.None || valueInfo.IsArray)
                {
                    return (HandlerProblemKind.CannotBind, $"a route value is one piece of text, and '{display}' is not {SimpleTypes}");
                }

                return (HandlerProblemKind.FromRouteNotInTemplate, explicitName ?? name);
            }

            if (Implements(attributeClass, "IFromQueryMetadata") || Implements(attributeClass, "IFromHeaderMetadata"))
            {
                var source = Implements(attributeClass, "IFromQueryMetadata") ? "query" : "header";
                return (HandlerProblemKind.CannotBind, $"a {source} value is text, and '{display}' is not {SimpleTypes}, nor an array of one; use [AsParameters] to bind a type's members");
            }

            if (Implements(attributeClass, "IFromBodyMetadata") || Implements(attributeClass, "IFromServiceMetadata"))
            {
                return (HandlerProblemKind.CannotBind, null);
            }

            var attributeName = attributeClass.ToDisplayString();
            if (attributeName == "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute")
            {
                if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
                {
                    return (HandlerProblemKind.CompilerError, null);
                }

                return (HandlerProblemKind.CannotBind, "the key of [FromKeyedServices] must be a string, an int, an enum or null");
            }

            if (attributeName == "Microsoft.AspNetCore.Http.AsParametersAttribute")
            {
                return allowAsParameters
                    ? (HandlerProblemKind.CannotBind, ExplainAsParameters(type, context, cancellationToken))
                    : (HandlerProblemKind.CannotBind, "[AsParameters] cannot be nested inside another [AsParameters] type");
            }

            if (Implements(attributeClass, "IFromFormMetadata"))
            {
                return (HandlerProblemKind.CannotBind, "form binding is not supported; take HttpRequest and read the form with ReadFormAsync()");
            }
        }

        if (type.IsRefLikeType || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            return (HandlerProblemKind.CannotBind, $"'{display}' is a ref struct or a pointer, which can neither be read from the request nor resolved as a service; take a string or an array instead");
        }

        if (type is IArrayTypeSymbol { ElementType: var element } && IsNullableValueType(element))
        {
            var elementDisplay = ((INamedTypeSymbol)element).TypeArguments[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            return (HandlerProblemKind.CannotBind, $"an array of nullable values has no binding rule (a repeated query key has no absent element); use '{elementDisplay}[]'");
        }

        return (HandlerProblemKind.CannotBind, null);
    }

    // Mirrors ParseAsParameters.
    private static string? ExplainAsParameters(ITypeSymbol type, BindingContext context, CancellationToken cancellationToken)
    {
        var display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (type is not INamedTypeSymbol named || named.IsAbstract || named.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || IsNullableValueType(type))
        {
            return $"[AsParameters] needs a concrete, non-nullable class or struct, and '{display}' is not one";
        }

        var constructor = named.InstanceConstructors
            .Where(static c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(static c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null && named.TypeKind == TypeKind.Class)
        {
            return $"[AsParameters] type '{display}' has no public constructor";
        }

        if (constructor is { Parameters.Length: > 0 })
        {
            foreach (var parameter in constructor.Parameters)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (parameter.RefKind != RefKind.None)
                {
                    return $"constructor parameter '{parameter.Name}' of [AsParameters] type '{display}' is passed by reference";
                }

                var member = ParseParameter(
                    parameter.Name, parameter.Type, parameter.NullableAnnotation, parameter.GetAttributes(),
                    parameter.HasExplicitDefaultValue, parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null,
                    context, allowAsParameters: false, cancellationToken);
                if (member is null)
                {
                    var inner = ExplainUnboundValue(
                        parameter.Name, parameter.Type, parameter.GetAttributes(),
                        parameter.HasExplicitDefaultValue, parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null,
                        context, allowAsParameters: false, cancellationToken);
                    return DescribeMember(display, parameter.Name, inner);
                }
            }

            return null;
        }

        foreach (var property in named.GetMembers().OfType<IPropertySymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (property.IsRequired)
            {
                return $"[AsParameters] type '{display}' has the required property '{property.Name}', which cannot be set after construction; give the type a constructor instead";
            }

            if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false })
            {
                continue;
            }

            var member = ParseParameter(
                property.Name, property.Type, property.NullableAnnotation, property.GetAttributes(),
                hasDefault: true, defaultValue: null, context, allowAsParameters: false, cancellationToken);
            if (member is null)
            {
                var inner = ExplainUnboundValue(
                    property.Name, property.Type, property.GetAttributes(), hasDefault: true, defaultValue: null,
                    context, allowAsParameters: false, cancellationToken);
                return DescribeMember(display, property.Name, inner);
            }
        }

        return null;

        static string DescribeMember(string display, string member, (HandlerProblemKind Kind, string? Detail) inner) => inner.Kind switch
        {
            HandlerProblemKind.FromRouteNotInTemplate => $"member '{member}' of '{display}' reads route value '{inner.Detail}', which the template does not declare",
            _ when inner.Detail is not null => $"member '{member}' of '{display}' cannot be bound: {inner.Detail}",
            _ => $"member '{member}' of '{display}' cannot be bound",
        };
    }

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.Internal => "internal",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "not public",
    };

    /// <summary>
    /// Why the generated code cannot reach <paramref name="type"/> (so the generator maps none of it), in words
    /// that complete "Resource class 'X' is …"; <see langword="null"/> when it can.
    /// </summary>
    public static string? AccessibilityProblem(INamedTypeSymbol type)
    {
        if (IsReachableFromAssembly(type))
        {
            return null;
        }

        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            if (named.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                var text = AccessibilityText(named.DeclaredAccessibility);
                return ReferenceEquals(named, type) ? text : $"inside '{named.Name}', which is {text}";
            }
        }

        return "not reachable";
    }

    /// <summary>Whether any declaration of <paramref name="type"/> says <c>partial</c>; the generator's own test.</summary>
    public static bool IsDeclaredPartial(INamedTypeSymbol type, CancellationToken cancellationToken) => IsPartial(type, cancellationToken);

    /// <summary>
    /// Whether the generator gives <paramref name="type"/> a <c>Links</c> class. The model's
    /// <see cref="ResourceModel.CanDeclarePartial"/> cannot say so to an analyzer: analyzers see the compilation
    /// with the generated code in it, where the generated <c>Links</c> already exists.
    /// </summary>
    public static bool HasGeneratedLinks(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!IsPartial(type, cancellationToken))
        {
            return false;
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || !IsPartial(outer, cancellationToken))
            {
                return false;
            }
        }

        // A Links of the user's own stops the generator from adding one; ours carries [GeneratedCode("Resourceful", …)].
        return type.GetMembers("Links").All(static member => member.GetAttributes().Any(static a =>
            a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
            && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == "Resourceful"));
    }

    /// <summary>Whether <paramref name="type"/> names a type that does not exist; the compiler reports that itself.</summary>
    public static bool HasErrorType(ITypeSymbol type) => ContainsErrorType(type);
}
