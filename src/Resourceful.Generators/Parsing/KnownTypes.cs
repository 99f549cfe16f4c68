using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// The framework types the parser and the rules recognise, resolved from one compilation and compared as symbols,
/// not by their formatted names (which a user's type of the same name, an alias or a display option can fool). Each
/// is looked up once, when first asked for. It lives as long as its compilation's parse or analysis and is never
/// shared across compilations: the generator makes one per parse, the analyzer one per compilation.
/// </summary>
internal sealed class KnownTypes(Compilation compilation)
{
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> resolved = new();

    public INamedTypeSymbol? HttpContext => Get("Microsoft.AspNetCore.Http.HttpContext");

    public INamedTypeSymbol? HttpRequest => Get("Microsoft.AspNetCore.Http.HttpRequest");

    public INamedTypeSymbol? HttpResponse => Get("Microsoft.AspNetCore.Http.HttpResponse");

    public INamedTypeSymbol? ClaimsPrincipal => Get("System.Security.Claims.ClaimsPrincipal");

    public INamedTypeSymbol? CancellationToken => Get("System.Threading.CancellationToken");

    public INamedTypeSymbol? Stream => Get("System.IO.Stream");

    public INamedTypeSymbol? PipeReader => Get("System.IO.Pipelines.PipeReader");

    public INamedTypeSymbol? FormFile => Get("Microsoft.AspNetCore.Http.IFormFile");

    public INamedTypeSymbol? FormFileCollection => Get("Microsoft.AspNetCore.Http.IFormFileCollection");

    public INamedTypeSymbol? FormCollection => Get("Microsoft.AspNetCore.Http.IFormCollection");

    public INamedTypeSymbol? ParameterInfo => Get("System.Reflection.ParameterInfo");

    public INamedTypeSymbol? BindableFromHttpContext => Get("Microsoft.AspNetCore.Http.IBindableFromHttpContext`1");

    public INamedTypeSymbol? Task => Get("System.Threading.Tasks.Task");

    public INamedTypeSymbol? TaskOfT => Get("System.Threading.Tasks.Task`1");

    public INamedTypeSymbol? ValueTask => Get("System.Threading.Tasks.ValueTask");

    public INamedTypeSymbol? ValueTaskOfT => Get("System.Threading.Tasks.ValueTask`1");

    public INamedTypeSymbol? Result => Get("Microsoft.AspNetCore.Http.IResult");

    public INamedTypeSymbol? AsParametersAttribute => Get("Microsoft.AspNetCore.Http.AsParametersAttribute");

    public INamedTypeSymbol? FromKeyedServicesAttribute => Get("Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");

    public INamedTypeSymbol? ActivatorUtilitiesConstructorAttribute => Get("Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructorAttribute");

    public INamedTypeSymbol? FromRouteMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata");

    public INamedTypeSymbol? FromQueryMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata");

    public INamedTypeSymbol? FromHeaderMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata");

    public INamedTypeSymbol? FromCookieAttribute => Get("Resourceful.FromCookieAttribute");

    public INamedTypeSymbol? Session => Get("Microsoft.AspNetCore.Http.ISession");

    public INamedTypeSymbol? FromBodyMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata");

    public INamedTypeSymbol? FromServiceMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata");

    public INamedTypeSymbol? FromFormMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromFormMetadata");

    public INamedTypeSymbol? AcceptsMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata");

    public INamedTypeSymbol? ValidatableObject => Get("System.ComponentModel.DataAnnotations.IValidatableObject");

    public INamedTypeSymbol? ValidationAttribute => Get("System.ComponentModel.DataAnnotations.ValidationAttribute");

    public INamedTypeSymbol? JsonPropertyNameAttribute => Get("System.Text.Json.Serialization.JsonPropertyNameAttribute");

    public INamedTypeSymbol? JsonIgnoreAttribute => Get("System.Text.Json.Serialization.JsonIgnoreAttribute");

    public INamedTypeSymbol? JsonRequiredAttribute => Get("System.Text.Json.Serialization.JsonRequiredAttribute");

    public INamedTypeSymbol? JsonConverterAttribute => Get("System.Text.Json.Serialization.JsonConverterAttribute");

    public INamedTypeSymbol? RequiredAttribute => Get("System.ComponentModel.DataAnnotations.RequiredAttribute");

    public INamedTypeSymbol? EnumerableOfT => Get("System.Collections.Generic.IEnumerable`1");

    public INamedTypeSymbol? AsyncEnumerableOfT => Get("System.Collections.Generic.IAsyncEnumerable`1");

    public INamedTypeSymbol? SseItemOfT => Get("System.Net.ServerSentEvents.SseItem`1");

    public INamedTypeSymbol? DictionaryOfT => Get("System.Collections.Generic.IDictionary`2");

    public INamedTypeSymbol? ReadOnlyDictionaryOfT => Get("System.Collections.Generic.IReadOnlyDictionary`2");

    public INamedTypeSymbol? ExcludeFromDescriptionAttribute => Get("Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute");

    public INamedTypeSymbol? ApiExplorerSettingsAttribute => Get("Microsoft.AspNetCore.Mvc.ApiExplorerSettingsAttribute");

    public INamedTypeSymbol? ObsoleteAttribute => Get("System.ObsoleteAttribute");

    public INamedTypeSymbol? GeneratedCodeAttribute => Get("System.CodeDom.Compiler.GeneratedCodeAttribute");

    public INamedTypeSymbol? MovedFromAttribute => Get("Resourceful.MovedFromAttribute");

    public INamedTypeSymbol? Preconditions => Get("Resourceful.Preconditions");

    public INamedTypeSymbol? PreconditionFailed => Get("Resourceful.PreconditionFailed");

    public INamedTypeSymbol? PreconditionRequired => Get("Resourceful.PreconditionRequired");

    public INamedTypeSymbol? ConcurrencyCheckAttribute => Get("System.ComponentModel.DataAnnotations.ConcurrencyCheckAttribute");

    public INamedTypeSymbol? TimestampAttribute => Get("System.ComponentModel.DataAnnotations.TimestampAttribute");
    public INamedTypeSymbol? SparseFieldsetsAttribute => Get("Resourceful.SparseFieldsetsAttribute");

    public INamedTypeSymbol? ResponseCacheAttribute => Get("Microsoft.AspNetCore.Mvc.ResponseCacheAttribute");

    /// <summary>The namespace of the typed results (<c>Ok&lt;T&gt;</c>, <c>Results&lt;…&gt;</c>), whose types are told apart by name.</summary>
    public INamespaceSymbol? HttpResultsNamespace => Get("Microsoft.AspNetCore.Http.HttpResults.Ok")?.ContainingNamespace;

    /// <summary>Whether <paramref name="type"/> is a typed result: a top-level type of <see cref="HttpResultsNamespace"/>.</summary>
    public bool IsInHttpResults(INamedTypeSymbol type) =>
        type.ContainingType is null && HttpResultsNamespace is { } results
        && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, results);

    /// <summary>Whether <paramref name="type"/> is <paramref name="known"/> (for a generic type: any construction of it).</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    /// <summary>Whether <paramref name="type"/> is, derives from or implements <paramref name="known"/>.</summary>
    public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol? known)
    {
        if (type is null || known is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, known))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(candidate => Is(candidate, known));
    }

    /// <summary>Whether one of <paramref name="symbol"/>'s attributes is <paramref name="attribute"/> or derives from it.</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is not null && symbol.GetAttributes().Any(a => IsOrInherits(a.AttributeClass, attribute));

    private INamedTypeSymbol? Get(string metadataName) => resolved.GetOrAdd(metadataName, compilation.GetTypeByMetadataName);
}
