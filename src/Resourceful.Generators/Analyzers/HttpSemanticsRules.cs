using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Model;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// The HTTP semantics rules (RSF01xx): handlers the generator maps faithfully but whose method, name, path or
/// result contradicts what RFC 9110 says the method means.
/// </summary>
internal sealed class HttpSemanticsRules : ResourceRules
{
    // A GET named like one of these changes state; the attribute each name implies.
    private static readonly (string Prefix, string Attribute)[] StateChangingNames =
    [
        ("Delete", "Delete"),
        ("Remove", "Delete"),
        ("Create", "Post"),
        ("Add", "Post"),
        ("Update", "Put"),
        ("Set", "Put"),
        ("Reset", "Post"),
    ];

    private static readonly string[] CreatingNames = ["Create", "Add", "New", "Register"];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.BodyOnBodylessMethod,
        DiagnosticDescriptors.GetChangesState,
        DiagnosticDescriptors.TargetNotOneResource,
        DiagnosticDescriptors.CreateWithoutCreated,
        DiagnosticDescriptors.LostUpdate,
        DiagnosticDescriptors.ResponseCacheOnUnsafeMethod);

    /// <inheritdoc />
    public override void Register(CompilationStartAnalysisContext start, ResourceDescriptions descriptions) =>
        start.RegisterSymbolAction(context => AnalyzeType(context, descriptions), SymbolKind.NamedType);

    /// <summary>Whether <paramref name="name"/> starts with <paramref name="word"/> as a whole word: <c>AddBook</c>, not <c>Address</c>.</summary>
    internal static bool StartsWithWord(string name, string word) =>
        name.StartsWith(word, StringComparison.Ordinal) && (name.Length == word.Length || !char.IsLower(name[word.Length]));

    private static void AnalyzeType(SymbolAnalysisContext context, ResourceDescriptions descriptions)
    {
        if (DescribeResource(context.Symbol, descriptions, context.CancellationToken) is not { Model: not null } description)
        {
            return;
        }

        var sink = new DiagnosticSink(context.ReportDiagnostic);
        foreach (var handler in description.Handlers)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (handler.Endpoint is not { } endpoint)
            {
                continue;
            }

            var methodLocation = SyntaxLocations.MethodIdentifier(handler.Method, handler.Attribute, context.CancellationToken);
            var name = SymbolNames.Handler(handler.Method);
            if (handler.HttpMethod != "GET")
            {
                ReportResponseCache(handler, name, descriptions.Known, sink, context.CancellationToken);
            }

            switch (handler.HttpMethod)
            {
                case "GET":
                    ReportBody(handler, endpoint, "§9.3.1", sink);
                    ReportStateChangingGet(handler, methodLocation, name, sink);
                    break;
                case "QUERY":
                    // Safe like GET (RFC 10008 §2), so named like an action it is the same mistake; its body is fine.
                    ReportStateChangingGet(handler, methodLocation, name, sink);
                    break;
                case "DELETE":
                    ReportBody(handler, endpoint, "§9.3.5", sink);
                    ReportTargetNotOneResource(handler, endpoint, methodLocation, name, "§9.3.5", sink);
                    ReportLostUpdate(description, handler, endpoint, methodLocation, name, sink);
                    break;
                case "PUT":
                    ReportTargetNotOneResource(handler, endpoint, methodLocation, name, "§9.3.4", sink);
                    ReportLostUpdate(description, handler, endpoint, methodLocation, name, sink);
                    break;
                case "PATCH":
                    ReportLostUpdate(description, handler, endpoint, methodLocation, name, sink);
                    break;
                case "POST":
                    ReportCreateWithoutCreated(description, handler, endpoint, methodLocation, name, descriptions.Known, sink, context.CancellationToken);
                    break;
            }
        }
    }

    /// <summary>
    /// RSF0106: a write to a versioned resource — its own result, or the <c>GET</c> of the same path, carries a
    /// <c>[ConcurrencyCheck]</c>/<c>[Timestamp]</c> version — that neither takes <c>Preconditions</c> nor sets
    /// <c>RequireIfMatch</c>: nothing stops the lost update.
    /// </summary>
    private static void ReportLostUpdate(ResourceInfo description, HandlerInfo handler, EndpointModel endpoint, Location location, string name, DiagnosticSink sink)
    {
        if (endpoint.TakesPreconditions || endpoint.RequireIfMatch)
        {
            return;
        }

        var isVersioned = endpoint.Result.Version is not null
            || description.Handlers.Any(h => h.HttpMethod == "GET" && h.Endpoint is { Result.Version: not null } get
                && string.Equals(get.Template, endpoint.Template, StringComparison.OrdinalIgnoreCase));
        if (isVersioned)
        {
            sink.Report(DiagnosticDescriptors.LostUpdate, location, handler.HttpMethod, name);
        }
    }

    /// <summary>
    /// RSF0105: <c>[ResponseCache]</c> on the handler itself of a method other than <c>GET</c>, which gets no cache
    /// headers (the parser gives them to <c>GET</c> handlers only). On the class it is the GET handlers' setting, and
    /// the resource's other handlers are not warned about.
    /// </summary>
    private static void ReportResponseCache(HandlerInfo handler, string name, KnownTypes known, DiagnosticSink sink, System.Threading.CancellationToken cancellationToken)
    {
        var attribute = handler.Method.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, known.ResponseCacheAttribute));
        if (attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } syntax)
        {
            sink.Report(DiagnosticDescriptors.ResponseCacheOnUnsafeMethod, syntax.GetLocation(), handler.HttpMethod, name);
        }
    }

    private static void ReportBody(HandlerInfo handler, EndpointModel endpoint, string section, DiagnosticSink sink)
    {
        var parameters = handler.Method.Parameters;
        for (var i = 0; i < endpoint.Parameters.Count && i < parameters.Length; i++)
        {
            var model = endpoint.Parameters[i];
            var symbol = parameters[i];
            string? bindFrom = null;
            if (model.Source == ParameterSource.Body)
            {
                bindFrom = ResourceParser.IsSimpleType(symbol.Type) ? DiagnosticProperties.FromQuery : DiagnosticProperties.AsParameters;
            }
            else if (model.Source is ParameterSource.BodyStream or ParameterSource.BodyPipeReader)
            {
                // A raw body has no query form to move to: reported, with no code fix.
                bindFrom = string.Empty;
            }
            else if (model.Source == ParameterSource.AsParameters
                && ParameterModels.Flatten([model]).Any(static m => m.Source is ParameterSource.Body or ParameterSource.BodyOrService))
            {
                bindFrom = string.Empty;
            }
            else if (model.Source == ParameterSource.Service && symbol.GetAttributes().IsEmpty && LooksLikeContent(symbol.Type))
            {
                // Not a body to the generator (GET and DELETE infer none) but a service, which the user almost
                // certainly did not mean for a record: it fails on every request unless someone registered it.
                bindFrom = DiagnosticProperties.AsParameters;
            }

            if (bindFrom is null)
            {
                continue;
            }

            var properties = bindFrom.Length == 0
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.BindFrom, bindFrom);
            if (handler.HttpMethod == "GET")
            {
                // A GET that needs a body is a query too large for the URI: QUERY (RFC 10008) is the safe method with one.
                properties = properties.Add(DiagnosticProperties.HttpMethodAttribute, "Query");
            }

            sink.Report(
                DiagnosticDescriptors.BodyOnBodylessMethod, SyntaxLocations.FirstSourceLocation(symbol), null, properties,
                symbol.Name, SymbolNames.Handler(handler.Method), handler.HttpMethod, section);
        }
    }

    // A record of the user's own: data, not a service.
    private static bool LooksLikeContent(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsRecord: true } named
        && named.ContainingNamespace?.ToDisplayString() is { } ns
        && !ns.StartsWith("System", StringComparison.Ordinal)
        && !ns.StartsWith("Microsoft", StringComparison.Ordinal);

    private static void ReportStateChangingGet(HandlerInfo handler, Location location, string name, DiagnosticSink sink)
    {
        foreach (var (prefix, attribute) in StateChangingNames)
        {
            if (StartsWithWord(handler.Method.Name, prefix))
            {
                sink.Report(
                    DiagnosticDescriptors.GetChangesState, location, null,
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.HttpMethodAttribute, attribute),
                    name, attribute, handler.HttpMethod);
                return;
            }
        }
    }

    private static void ReportTargetNotOneResource(HandlerInfo handler, EndpointModel endpoint, Location location, string name, string section, DiagnosticSink sink)
    {
        var last = endpoint.Segments.Count == 0 ? null : endpoint.Segments[endpoint.Segments.Count - 1];
        if (last is not null && last.Parts.Any(static p => p.IsParameter))
        {
            return;
        }

        sink.Report(DiagnosticDescriptors.TargetNotOneResource, location, handler.HttpMethod, name, endpoint.Template, section);
    }

    private static void ReportCreateWithoutCreated(
        ResourceInfo description,
        HandlerInfo handler,
        EndpointModel endpoint,
        Location location,
        string name,
        KnownTypes known,
        DiagnosticSink sink,
        System.Threading.CancellationToken cancellationToken)
    {
        if (!CreatingNames.Any(word => StartsWithWord(handler.Method.Name, word)))
        {
            return;
        }

        var result = endpoint.Result;
        var answersOk = result.Kind is ResultKind.Json or ResultKind.Text
            || (result.Kind == ResultKind.HttpResult && result.Responses.Any(static r => r.StatusCode == 200)
                && !result.Responses.Any(static r => r.StatusCode == 201));
        if (!answersOk)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        var suggestion = "TypedResults.Created(uri, value)";
        var shape = result.Kind == ResultKind.Json ? DiagnosticProperties.ShapeValue
            : result.Kind == ResultKind.HttpResult ? DiagnosticProperties.ShapeOk
            : null;
        var valueType = shape is null ? null : CreatedValueType(handler.Method.ReturnType, shape, known);
        if (shape is not null && valueType is not null && ResourceParser.HasGeneratedLinks(description.Type, known, cancellationToken)
            && LinkExpression(description.Model!, endpoint, valueType) is { } link)
        {
            properties = properties
                .Add(DiagnosticProperties.LinkExpression, link)
                .Add(DiagnosticProperties.ResultShape, shape);
            suggestion = $"TypedResults.Created({link.Replace(DiagnosticProperties.ValuePlaceholder, "value")}, value)";
        }

        sink.Report(DiagnosticDescriptors.CreateWithoutCreated, location, null, properties, name, suggestion);
    }

    // The T of T, Task<T>, Ok<T> or Results<…, Ok<T>, …>: what the created resource is.
    private static ITypeSymbol? CreatedValueType(ITypeSymbol returnType, string shape, KnownTypes known)
    {
        if (returnType is INamedTypeSymbol task && (KnownTypes.Is(task, known.TaskOfT) || KnownTypes.Is(task, known.ValueTaskOfT)))
        {
            returnType = task.TypeArguments[0];
        }

        if (shape == DiagnosticProperties.ShapeValue)
        {
            return returnType;
        }

        if (returnType is not INamedTypeSymbol named || !known.IsInHttpResults(named))
        {
            return null;
        }

        if (named.Name == "Ok" && named.TypeArguments.Length == 1)
        {
            return named.TypeArguments[0];
        }

        if (named.Name == "Results")
        {
            var oks = named.TypeArguments.OfType<INamedTypeSymbol>().Where(static t => t.Name == "Ok" && t.TypeArguments.Length == 1).ToList();
            return oks.Count == 1 ? oks[0].TypeArguments[0] : null;
        }

        return null;
    }

    /// <summary>
    /// The <c>Links</c> call for the resource a POST creates: the one GET handler one parameter segment below
    /// the POST's path (<c>POST /books</c> → <c>GET /books/{id}</c>), its route values taken from the POST's own
    /// and, for the new one, from the created value's matching property. <see langword="null"/> when any part
    /// is ambiguous: the fix is offered only when it is certainly right.
    /// </summary>
    private static string? LinkExpression(ResourceModel model, EndpointModel post, ITypeSymbol valueType)
    {
        var candidates = model.Endpoints.Where(get => get.HttpMethod == "GET"
                && get.Segments.Count == post.Segments.Count + 1
                && get.Segments.Take(post.Segments.Count).SequenceEqual(post.Segments)
                && get.Segments[get.Segments.Count - 1].Parts is { Count: 1 } last && last[0].IsParameter && !last[0].IsOptional)
            .ToList();
        if (candidates.Count != 1)
        {
            return null;
        }

        var get = candidates[0];
        if (model.Endpoints.Count(e => e.HttpMethod == "GET" && e.HandlerName == get.HandlerName) != 1)
        {
            // The emitter numbers same-named links (Find, Find2); which is which is not worth guessing.
            return null;
        }

        var postRouteParameters = ParameterModels.Flatten(post.Parameters).Where(static p => p.Source == ParameterSource.Route).ToList();
        var arguments = new List<string>();
        var newValue = get.Segments[get.Segments.Count - 1].Parts[0].Text;
        foreach (var part in get.Segments.SelectMany(static s => s.Parts).Where(static p => p.IsParameter))
        {
            if (part.Text == newValue)
            {
                var property = ValueProperty(valueType, newValue);
                if (property is null)
                {
                    return null;
                }

                arguments.Add(DiagnosticProperties.ValuePlaceholder + "." + property);
                continue;
            }

            var bound = postRouteParameters.FirstOrDefault(p => string.Equals(p.Key, part.Text, StringComparison.OrdinalIgnoreCase));
            if (bound is null || post.Parameters.All(p => p.Name != bound.Name))
            {
                return null;
            }

            arguments.Add(bound.Name);
        }

        return "Links." + get.HandlerName + "(" + string.Join(", ", arguments) + ")";
    }

    // "{id}" → Id; "{bookId}" on a Book → Id; otherwise the property named like the route value.
    private static string? ValueProperty(ITypeSymbol valueType, string routeValue)
    {
        var properties = new List<IPropertySymbol>();
        for (var type = valueType; type is not null; type = type.BaseType)
        {
            properties.AddRange(type.GetMembers().OfType<IPropertySymbol>().Where(static p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null));
        }

        var match = properties.FirstOrDefault(p => string.Equals(p.Name, routeValue, StringComparison.OrdinalIgnoreCase));
        if (match is null && string.Equals(routeValue, valueType.Name + "Id", StringComparison.OrdinalIgnoreCase))
        {
            match = properties.FirstOrDefault(static p => p.Name == "Id");
        }

        return match?.Name;
    }
}
