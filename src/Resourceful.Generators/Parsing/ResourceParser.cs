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

    /// <summary>The <c>ForAttributeWithMetadataName</c> transform: the resource's model and, apart, its body types' shapes.</summary>
    public static ParsedResource? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
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
        return ParseResourceAndShapes(type, attribute, cancellationToken);
    }

    /// <summary>Parses one resource class; shared by the generator and the analyzers.</summary>
    public static ResourceModel? ParseResource(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
        => ParseResourceAndShapes(type, attribute, cancellationToken)?.Resource;

    private static ParsedResource? ParseResourceAndShapes(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
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

        var resource = new ResourceModel(
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
            MovedRoutes: movedRoutes.OrderBy(static m => m.OldTemplate, StringComparer.Ordinal).ToEquatableArray());
        return new ParsedResource(resource, shapes.Values.OrderBy(static s => s.Key, StringComparer.Ordinal).ToEquatableArray());
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
                && RouteTemplateText.Parse(oldTemplate, static _ => true).Problem is null)
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
