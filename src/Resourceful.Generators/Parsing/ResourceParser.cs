using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Turns a <c>[Resource]</c> class into a <see cref="ResourceModel"/>. The only code of the generator that
/// touches symbols and syntax; what it returns holds none of them, so every later step can be cached.
/// Anything it cannot map is left out of the model with the reason (<see cref="ProblemList"/>), never thrown.
/// </summary>
internal static partial class ResourceParser
{
    public const string ResourceAttributeName = "Resourceful.ResourceAttribute";

    private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat PlainTypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>
    /// The <c>ForAttributeWithMetadataName</c> transform: the model, and apart from it the problems, which hold
    /// locations and so change with every edit above them (the generator reports them from a pipeline of their own).
    /// </summary>
    public static ParsedResource? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
        {
            return null;
        }

        // A class whose partial declarations repeat [Resource] (an error of its own) is parsed once, from the first.
        var attribute = context.Attributes[0];
        if (!IsFirstResourceAttribute(type, attribute))
        {
            return null;
        }

        // Roslyn runs this transform again for every resource whenever the compilation changes, a keystroke inside a
        // method body included. The model is a value, so an unchanged one stops the pipeline right here: no state is
        // kept across compilations (the compiler server and the IDE host live long and see many projects).
        var description = Describe(type, attribute, new KnownTypes(context.SemanticModel.Compilation), cancellationToken);
        return new ParsedResource(description.Model, description.Shapes, ProblemInfo.From(description));
    }

    /// <summary>
    /// The one decision procedure, shared by the generator and the analyzers: the model of one resource class and,
    /// for every resource, handler and parameter it leaves out, why (<see cref="ResourceInfo.Problems"/>).
    /// </summary>
    public static ResourceInfo Describe(INamedTypeSymbol type, AttributeData attribute, KnownTypes known, CancellationToken cancellationToken)
    {
        var rawTemplate = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var template = rawTemplate is null ? null : RouteTemplateParser.Normalize(rawTemplate);
        var problems = new ProblemList();
        var handlers = ImmutableArray.CreateBuilder<HandlerInfo>();
        var routes = ImmutableArray.CreateBuilder<RouteClaim>();
        var shapes = new Dictionary<string, TypeShapeModel>(StringComparer.Ordinal);
        var model = ParseResource(type, attribute, known, problems, handlers, routes, shapes, cancellationToken);
        if (handlers.Count == 0)
        {
            // Nothing of the class is mapped; the analyzers still read its handlers.
            foreach (var (method, methodAttribute, httpMethod) in HandlerAttributes(type, cancellationToken))
            {
                var (rawSubTemplate, subTemplateIsValid) = SubTemplate(methodAttribute);
                var handlerTemplate = template is not null && subTemplateIsValid ? RouteTemplateParser.Combine(template, rawSubTemplate) : null;
                handlers.Add(new HandlerInfo(method, methodAttribute, httpMethod, rawSubTemplate, handlerTemplate, null));
            }
        }

        return new ResourceInfo(type, attribute, rawTemplate, template, model, handlers.ToImmutable(), problems, routes.ToImmutable())
        {
            Shapes = shapes.Values.OrderBy(static s => s.Key, StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    private static bool IsFirstResourceAttribute(INamedTypeSymbol type, AttributeData attribute)
    {
        foreach (var candidate in type.GetAttributes())
        {
            if (candidate.AttributeClass?.ToDisplayString() == ResourceAttributeName)
            {
                return candidate.ApplicationSyntaxReference?.Span == attribute.ApplicationSyntaxReference?.Span
                    && candidate.ApplicationSyntaxReference?.SyntaxTree == attribute.ApplicationSyntaxReference?.SyntaxTree;
            }
        }

        return true;
    }

    // The handler attribute's own template as written, and whether it is one (a string, or no argument at all).
    private static (string? Raw, bool IsValid) SubTemplate(AttributeData attribute) => attribute.ConstructorArguments.Length switch
    {
        0 => (null, true),
        1 => (attribute.ConstructorArguments[0].Value as string, attribute.ConstructorArguments[0].Value is string),
        _ => (null, false),
    };

    private static ResourceModel? ParseResource(
        INamedTypeSymbol type,
        AttributeData attribute,
        KnownTypes known,
        ProblemList problems,
        ImmutableArray<HandlerInfo>.Builder handlers,
        ImmutableArray<RouteClaim>.Builder routes,
        Dictionary<string, TypeShapeModel> shapes,
        CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class)
        {
            return null;
        }

        var typeLocation = SyntaxLocations.TypeIdentifier(type, attribute, cancellationToken);
        if (type.IsFileLocal)
        {
            problems.Add(DiagnosticDescriptors.ResourceIsFileLocal, typeLocation, type.Name);
            return null;
        }

        if (type.IsGenericType)
        {
            var reason = type.TypeParameters.Length > 0 ? "is generic" : $"is nested in the generic type '{GenericContainer(type)}'";
            problems.Add(DiagnosticDescriptors.ResourceIsGeneric, typeLocation, type.Name, reason);
            return null;
        }

        if (AccessibilityProblem(type) is { } accessibility)
        {
            problems.Add(DiagnosticDescriptors.ResourceNotAccessible, typeLocation, type.Name, accessibility);
            return null;
        }

        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
        {
            // The compiler reports the missing or mistyped argument.
            return null;
        }

        var templateLocation = SyntaxLocations.Template(attribute, cancellationToken);
        if (attribute.ConstructorArguments[0].Value is not string rawTemplate)
        {
            problems.Add(DiagnosticDescriptors.InvalidRouteTemplate, templateLocation, "null", "a resource's template is a string, such as \"/books\"");
            return null;
        }

        var isPartial = IsPartial(type, cancellationToken);
        if (!isPartial)
        {
            problems.Add(DiagnosticDescriptors.ResourceNotPartial, typeLocation, type.Name);
        }

        var containingTypes = new List<ContainingTypeModel>();
        var canDeclarePartial = isPartial && type.GetMembers("Links").IsEmpty;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var outerIsPartial = IsPartial(outer, cancellationToken);
            if (!outerIsPartial)
            {
                problems.Add(DiagnosticDescriptors.ContainingTypeNotPartial, typeLocation, type.Name, outer.Name);
            }

            canDeclarePartial &= !outer.IsGenericType && outerIsPartial;
            containingTypes.Insert(0, new ContainingTypeModel(TypeKeyword(outer), outer.Name));
        }

        var templateIsValid = CheckTemplate(rawTemplate, templateLocation, problems);
        var template = RouteTemplateParser.Normalize(rawTemplate);
        var handlerAttributes = HandlerAttributes(type, cancellationToken).ToList();
        (string Reason, ISymbol? At)? constructorProblem = null;
        var constructor = type.IsStatic || type.IsAbstract ? null : ParseConstructor(type, known, out constructorProblem);
        var classExplained = false;
        if (handlerAttributes.Any(static h => !h.Method.IsStatic))
        {
            // Abstract classes and classes without a usable constructor: explained once, on the class.
            if (type.IsAbstract && !type.IsStatic)
            {
                problems.Add(DiagnosticDescriptors.ResourceIsAbstract, typeLocation, type.Name);
                classExplained = true;
            }
            else if (constructor is null && constructorProblem is { } problem)
            {
                var location = problem.At is null ? typeLocation : SyntaxLocations.FirstSourceLocation(problem.At);
                problems.Add(DiagnosticDescriptors.ResourceCannotBeConstructed, location, type.Name, problem.Reason);
                classExplained = true;
            }
            else
            {
                // A constructor that names a missing type is the compiler's to report.
                classExplained = constructor is null;
            }
        }

        var resourceMaxBodySize = GetNamedLong(attribute, "MaxBodySize") ?? 0;
        var resourceMetadata = ParseMetadata(type.GetAttributes());
        var metadataName = GetMetadataName(type);
        var movedRoutes = new List<MovedRouteModel>();
        foreach (var oldTemplate in GetMovedFrom(type.GetAttributes(), known, problems, routes, type, metadataName, template, onResource: true, cancellationToken))
        {
            AddMovedRoute(movedRoutes, OldTemplate(oldTemplate, template, onResource: true), template, includesSubPaths: true);
        }

        var endpoints = new List<EndpointModel>();
        var mapped = new List<HandlerInfo>();
        var methodsSeen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var (method, methodAttribute, httpMethod) in handlerAttributes)
        {
            var handlerSite = new HandlerSite(method, methodAttribute, httpMethod, template, templateIsValid, constructor is not null, classExplained, known);
            var endpoint = ParseEndpoint(handlerSite, shapes, problems, cancellationToken);
            if (endpoint is not null)
            {
                // The version and RequireIfMatch belong to the endpoint the analyzers read as much as to the one emitted.
                var requireIfMatch = httpMethod is "PUT" or "PATCH" or "DELETE" && GetNamedBool(methodAttribute, "RequireIfMatch") == true;
                endpoint = endpoint with
                {
                    RequireIfMatch = requireIfMatch,
                    Result = WithPreconditionRequired(endpoint.Result with { Version = ParseVersion(method.ReturnType, known) }, requireIfMatch),
                };
            }

            var (rawSubTemplate, subTemplateIsValid) = SubTemplate(methodAttribute);
            var handler = new HandlerInfo(
                method, methodAttribute, httpMethod, rawSubTemplate,
                subTemplateIsValid ? RouteTemplateParser.Combine(template, rawSubTemplate) : null,
                endpoint);
            handlers.Add(handler);
            var movedFrom = methodsSeen.Add(method)
                ? GetMovedFrom(method.GetAttributes(), known, problems, routes, type, metadataName, template, onResource: false, cancellationToken).ToList()
                : GetMovedFrom(method.GetAttributes(), known).ToList();
            if (endpoint is null)
            {
                continue;
            }

            mapped.Add(handler);
            // A form endpoint requires an antiforgery token, as minimal APIs' do: first, so the handler's or class's own
            // [RequireAntiforgeryToken(false)] (later in the list) wins.
            var antiforgery = ParameterModels.ReadsForm(endpoint) ? new[] { AntiforgeryMetadata } : System.Array.Empty<string>();
            var metadata = antiforgery.Concat(resourceMetadata).Concat(ParseMetadata(method.GetAttributes())).ToEquatableArray();
            var maxBodySize = GetNamedLong(methodAttribute, "MaxBodySize") ?? resourceMaxBodySize;
            var isHidden = IsHidden(type.GetAttributes(), known) || IsHidden(method.GetAttributes(), known);
            var represented = WithRepresentation(endpoint, type, method, known, problems, cancellationToken);
            endpoints.Add(represented with { Metadata = metadata, MaxBodySize = maxBodySize, IsHidden = isHidden });
            foreach (var oldTemplate in movedFrom)
            {
                AddMovedRoute(movedRoutes, OldTemplate(oldTemplate, template, onResource: false), endpoint.Template, includesSubPaths: false);
            }
        }

        ClaimRoutes(mapped, type, metadataName, problems, routes, cancellationToken);

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

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containingNamespace
            ? containingNamespace.ToDisplayString()
            : string.Empty;

        return new ResourceModel(
            Namespace: ns,
            Keyword: TypeKeyword(type),
            ClassName: type.Name,
            FullyQualifiedName: type.ToDisplayString(PlainTypeNameFormat),
            MetadataName: metadataName,
            Template: template,
            CanDeclarePartial: canDeclarePartial,
            ContainingTypes: containingTypes.ToEquatableArray(),
            Constructor: constructor,
            Endpoints: endpoints.ToEquatableArray(),
            MovedRoutes: movedRoutes.OrderBy(static m => m.OldTemplate, StringComparer.Ordinal).ToEquatableArray())
        {
            AutomaticOptions = GetNamedBool(attribute, "AutomaticOptions") ?? true,
            AutomaticHead = GetNamedBool(attribute, "AutomaticHead") ?? true,
        };
    }

    // What API descriptions leave out, the OPTIONS description leaves out too: it must not list what the app hides.
    private static bool IsHidden(ImmutableArray<AttributeData> attributes, KnownTypes known) => attributes.Any(attribute =>
        KnownTypes.Is(attribute.AttributeClass, known.ExcludeFromDescriptionAttribute)
        || (KnownTypes.Is(attribute.AttributeClass, known.ApiExplorerSettingsAttribute)
            && attribute.NamedArguments.Any(static a => a.Key == "IgnoreApi" && a.Value.Value is true)));

    /// <summary>
    /// Whether <paramref name="raw"/> is a template routing can read; RSF0012 when it is not. Its constraints are
    /// judged later, against the application's own (<see cref="TemplateCheck"/>).
    /// </summary>
    private static bool CheckTemplate(string raw, Location location, ProblemList problems)
    {
        if (RouteTemplateText.Parse(raw, static _ => true).Problem is { } problem)
        {
            problems.Add(DiagnosticDescriptors.InvalidRouteTemplate, location, raw, problem);
            return false;
        }

        problems.Check(raw, location);
        return true;
    }

    /// <summary>
    /// RSF0013 for two handlers of this resource on one method and path (routing could not choose, and would answer
    /// 500), and the routes the resource claims, for RSF0014 across resources.
    /// </summary>
    private static void ClaimRoutes(
        List<HandlerInfo> mapped,
        INamedTypeSymbol type,
        string metadataName,
        ProblemList problems,
        ImmutableArray<RouteClaim>.Builder routes,
        CancellationToken cancellationToken)
    {
        var keyed = mapped
            .Select(h => (Handler: h, Key: h.HttpMethod + " " + RouteTemplateText.Parse(h.Endpoint!.Template, static _ => true).CanonicalKey))
            .ToList();
        foreach (var (handler, key) in keyed)
        {
            var location = RouteLocation(handler, cancellationToken);
            routes.Add(new RouteClaim(key, handler.HttpMethod, handler.Endpoint!.Template, SymbolNames.Handler(handler.Method), metadataName, location));
            var others = keyed.Where(k => k.Key == key && !ReferenceEquals(k.Handler, handler)).Select(static k => k.Handler).ToList();
            if (others.Count > 0)
            {
                problems.Add(
                    DiagnosticDescriptors.DuplicateEndpoint, location, others.Select(o => RouteLocation(o, cancellationToken)), null,
                    handler.HttpMethod, handler.Endpoint.Template, SymbolNames.Handler(handler.Method), SymbolNames.Handler(others[0].Method));
            }
        }
    }

    /// <summary>Where a handler's route is written: its template literal, or its name when it has none.</summary>
    internal static Location RouteLocation(HandlerInfo handler, CancellationToken cancellationToken) =>
        handler.RawSubTemplate is not null
            ? SyntaxLocations.Template(handler.Attribute, cancellationToken)
            : SyntaxLocations.MethodIdentifier(handler.Method, handler.Attribute, cancellationToken);

    private static string GenericContainer(INamedTypeSymbol type)
    {
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Length > 0)
            {
                return outer.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            }
        }

        return type.ContainingType?.Name ?? type.Name;
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

    /// <summary>The attribute's name as the user reads it: <c>Get</c>, <c>Post</c>, …</summary>
    public static string AttributeName(string httpMethod) => httpMethod switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        "QUERY" => "Query",
        _ => "Delete",
    };

    /// <summary>GET, QUERY, POST, PUT, PATCH, DELETE: the order endpoints are listed in.</summary>
    public static int MethodRank(string httpMethod) => httpMethod switch
    {
        "GET" => 0,
        "QUERY" => 1,
        "POST" => 2,
        "PUT" => 3,
        "PATCH" => 4,
        _ => 5,
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
            "QueryAttribute" => "QUERY",
            _ => null,
        };
    }

    // Calling an [Obsolete(..., error: true)] member is a compile error no pragma can silence.
    private static bool IsObsoleteError(ISymbol symbol, KnownTypes known) =>
        symbol.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, known.ObsoleteAttribute)
            && a.ConstructorArguments.Length == 2 && a.ConstructorArguments[1].Value is true);

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

    private static bool? GetNamedBool(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is bool value)
            {
                return value;
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
