using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Representations: <c>[ResponseCache]</c> into header values, and <c>[SparseFieldsets]</c> into the members a
/// <c>?fields=</c> selection writes. Both are read at compile time; what cannot be honoured there is RSF0024.
/// </summary>
internal static partial class ResourceParser
{
    /// <summary>A representation with more members than a selection mask holds is refused (RSF0024).</summary>
    internal const int MaxSparseFields = 64;

    private const string ResponseCacheName = "[ResponseCache]";

    private const string SparseFieldsetsName = "[SparseFieldsets]";

    /// <summary>
    /// The endpoint with its cache headers and sparse fieldsets, and a problem for each attribute that cannot be
    /// honoured. Only <c>GET</c> handlers (and so their <c>HEAD</c>) get either: a cache reuses no response to another
    /// method, and <c>?fields=</c> selects from a representation a client reads.
    /// </summary>
    private static EndpointModel WithRepresentation(
        EndpointModel endpoint,
        INamedTypeSymbol type,
        IMethodSymbol method,
        KnownTypes known,
        ProblemList problems,
        CancellationToken cancellationToken)
    {
        var name = SymbolNames.Handler(method);
        var isGet = endpoint.HttpMethod == "GET";
        var cache = FindAttribute(method, type, known.ResponseCacheAttribute);
        CacheHeadersModel? headers = null;
        if (cache is not null)
        {
            var read = ReadResponseCache(cache, out var why);
            if (why is not null)
            {
                problems.Add(DiagnosticDescriptors.RepresentationNotSupported, AttributeLocation(cache, method, cancellationToken), ResponseCacheName, name, why);
            }
            else if (isGet)
            {
                headers = read;
            }
        }

        if (isGet && NegotiatesMediaType(endpoint.Result))
        {
            headers = WithVaryAccept(headers);
        }

        SparseFieldsModel? fields = null;
        var sparse = FindAttribute(method, type, known.SparseFieldsetsAttribute);
        var onMethod = sparse is not null && method.GetAttributes().Contains(sparse);
        if (sparse is not null && (isGet || onMethod))
        {
            string? why;
            if (!isGet)
            {
                why = $"'fields' selects members of what a GET answers, and this handler answers {endpoint.HttpMethod}; put the attribute on a GET handler";
            }
            else
            {
                fields = ReadSparseFields(method.ReturnType, known, out why);
            }

            // On the class it means "every GET handler that answers an object or a list of them": the others are
            // left as they are. On the handler itself, a representation without members is the user's mistake.
            if (why is not null && onMethod)
            {
                fields = null;
                problems.Add(DiagnosticDescriptors.RepresentationNotSupported, AttributeLocation(sparse, method, cancellationToken), SparseFieldsetsName, name, why);
            }
        }

        return endpoint with { CacheHeaders = headers, SparseFields = fields };
    }

    /// <summary>The attribute on the method, else on the class: the closer one wins, as MVC's filters do.</summary>
    private static AttributeData? FindAttribute(IMethodSymbol method, INamedTypeSymbol type, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        return method.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, attribute))
            ?? type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, attribute));
    }

    private static Location AttributeLocation(AttributeData attribute, IMethodSymbol method, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? SyntaxLocations.FirstSourceLocation(method);

    /// <summary>
    /// The headers MVC's <c>ResponseCacheFilter</c> writes for <paramref name="attribute"/>, or a reason it cannot be
    /// known at compile time. Its rules: <c>NoStore</c> → <c>no-store</c> (with <c>no-cache</c> and <c>Pragma:
    /// no-cache</c> for <c>Location = None</c>); else <c>public,</c>/<c>private,</c>/<c>no-cache,</c> (the last with
    /// <c>Pragma: no-cache</c>) then <c>max-age={Duration}</c>, where a missing <c>Duration</c> is its error;
    /// <c>VaryByHeader</c> → <c>Vary</c> as written.
    /// </summary>
    internal static CacheHeadersModel? ReadResponseCache(AttributeData attribute, out string? why)
    {
        why = null;
        int? duration = null;
        var location = 0;
        var noStore = false;
        string? varyByHeader = null;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Duration" when argument.Value.Value is int value:
                    duration = value;
                    break;
                case "Location" when argument.Value.Value is int value:
                    location = value;
                    break;
                case "NoStore" when argument.Value.Value is bool value:
                    noStore = value;
                    break;
                case "VaryByHeader":
                    varyByHeader = argument.Value.Value as string;
                    break;
                case "CacheProfileName" when argument.Value.Value is string profile:
                    why = $"CacheProfileName '{profile}' names a profile in MvcOptions, which exists only at run time; write its Duration, Location, NoStore and VaryByHeader on the attribute";
                    return null;
                case "VaryByQueryKeys" when !argument.Value.IsNull:
                    why = "VaryByQueryKeys is honoured only by the response caching middleware's run-time feature; a query string is already part of the URI that every cache keys on, so remove it";
                    return null;
            }
        }

        string? pragma = null;
        string cacheControl;
        if (noStore)
        {
            cacheControl = "no-store";
            if (location == 2)
            {
                cacheControl += ",no-cache";
                pragma = "no-cache";
            }
        }
        else
        {
            if (duration is null)
            {
                why = "Duration must be set unless NoStore is true (MVC's filter throws for it on every request)";
                return null;
            }

            var prefix = location switch
            {
                0 => "public,",
                1 => "private,",
                2 => "no-cache,",
                _ => string.Empty,
            };
            if (location == 2)
            {
                pragma = "no-cache";
            }

            cacheControl = prefix + "max-age=" + duration.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new CacheHeadersModel(cacheControl, pragma, string.IsNullOrEmpty(varyByHeader) ? null : varyByHeader);
    }

    /// <summary>Whether the success body's media type depends on the request: more than one is producible.</summary>
    private static bool NegotiatesMediaType(ResultModel result) =>
        result.Responses
            .Where(static r => r.StatusCode is >= 200 and < 300 && r.BodyTypeName is not null)
            .Select(static r => r.ContentType ?? "application/json")
            .Distinct()
            .Count() > 1;

    /// <summary><c>Accept</c> added to <c>Vary</c>, unless <c>VaryByHeader</c> already names it (or <c>*</c>).</summary>
    private static CacheHeadersModel WithVaryAccept(CacheHeadersModel? headers)
    {
        var vary = headers?.Vary;
        if (vary is null)
        {
            return new CacheHeadersModel(headers?.CacheControl, headers?.Pragma, "Accept");
        }

        var names = vary.Split(',').Select(static n => n.Trim());
        return names.Any(static n => n == "*" || string.Equals(n, "Accept", StringComparison.OrdinalIgnoreCase))
            ? headers!
            : headers! with { Vary = vary + ",Accept" };
    }

    /// <summary>
    /// The members <c>?fields=</c> selects from what <paramref name="returnType"/> answers with <c>200</c> (a value,
    /// <c>Ok&lt;T&gt;</c>, inside <c>Results&lt;…&gt;</c>, awaited or not), or a reason there are none.
    /// </summary>
    private static SparseFieldsModel? ReadSparseFields(ITypeSymbol returnType, KnownTypes known, out string? why)
    {
        why = null;
        var representation = Representation(returnType, known, createdToo: false)?.Type;
        if (representation is null)
        {
            why = "the handler answers no representation to select from; return the object (or a list of them), Ok<T> or a Results<…> with Ok<T>";
            return null;
        }

        var isList = false;
        var element = representation;
        if (representation is IArrayTypeSymbol array)
        {
            isList = true;
            element = array.ElementType;
        }
        else if (representation is INamedTypeSymbol named && representation.SpecialType != SpecialType.System_String)
        {
            if (new[] { named }.Concat(named.AllInterfaces).Any(i => KnownTypes.Is(i, known.AsyncEnumerableOfT)))
            {
                why = "the handler streams an IAsyncEnumerable<T>; return a list or an array";
                return null;
            }

            var enumerable = new[] { named }.Concat(named.AllInterfaces).FirstOrDefault(i => KnownTypes.Is(i, known.EnumerableOfT));
            if (enumerable is not null)
            {
                isList = true;
                element = enumerable.TypeArguments[0];
            }
        }

        var display = element.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (element is not INamedTypeSymbol objectType || !IsObjectType(objectType, known))
        {
            why = $"its representation '{display}' is not a JSON object{(isList ? " list" : string.Empty)}, so it has no members to select";
            return null;
        }

        var fields = new List<FieldModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = objectType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public } || !seen.Add(property.Name)
                    || property.Type.TypeKind == TypeKind.Error || property.Type.IsRefLikeType)
                {
                    continue;
                }

                var attributes = property.GetAttributes();
                if (attributes.Any(a => KnownTypes.Is(a.AttributeClass, known.JsonIgnoreAttribute)
                    && !a.NamedArguments.Any(static n => n.Key == "Condition" && n.Value.Value is int condition && condition != 1)))
                {
                    continue;
                }

                var explicitName = attributes
                    .Where(a => KnownTypes.Is(a.AttributeClass, known.JsonPropertyNameAttribute))
                    .Select(static a => a.ConstructorArguments.FirstOrDefault().Value as string)
                    .FirstOrDefault(static n => n is not null);
                var jsonName = explicitName ?? (char.IsUpper(property.Name[0]) ? char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1) : property.Name);
                fields.Add(new FieldModel(
                    property.Name,
                    explicitName,
                    jsonName,
                    property.Type.ToDisplayString(TypeNameFormat),
                    property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(PlainTypeNameFormat)));
            }
        }

        if (fields.Count == 0)
        {
            why = $"'{display}' has no public properties to select";
            return null;
        }

        if (fields.Count > MaxSparseFields)
        {
            why = $"'{display}' has {fields.Count} members, more than the {MaxSparseFields} a selection can name; split the representation";
            return null;
        }

        return new SparseFieldsModel(objectType.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(PlainTypeNameFormat), isList, fields.ToEquatableArray());
    }

    private static bool IsObjectType(INamedTypeSymbol type, KnownTypes known)
    {
        if (type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || type.IsAbstract && type.TypeKind == TypeKind.Class && type.GetMembers().IsEmpty)
        {
            return false;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal))
        {
            return false;
        }

        return !new[] { type }.Concat(type.AllInterfaces).Any(i => KnownTypes.Is(i, known.EnumerableOfT) || KnownTypes.Is(i, known.DictionaryOfT));
    }
}
