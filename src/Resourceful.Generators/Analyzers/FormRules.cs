using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Model;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// The form rules (RSF0107, RSF0108): handlers the generator maps as written, but whose form contradicts the method
/// (a form on <c>GET</c>/<c>DELETE</c>), or leaves clients guessing what a resource with JSON handlers takes.
/// </summary>
internal sealed class FormRules : ResourceRules
{
    /// <summary>The media types of a form with files, and of one without: what <c>[Consumes]</c> should list.</summary>
    private const string MultipartOnly = "multipart/form-data";

    private const string AnyForm = "multipart/form-data,application/x-www-form-urlencoded";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.FormOnBodylessMethod,
        DiagnosticDescriptors.FormAcceptsUnsaid);

    /// <inheritdoc />
    public override void Register(CompilationStartAnalysisContext start, ResourceDescriptions descriptions) =>
        start.RegisterSymbolAction(context => AnalyzeType(context, descriptions), SymbolKind.NamedType);

    private static void AnalyzeType(SymbolAnalysisContext context, ResourceDescriptions descriptions)
    {
        if (DescribeResource(context.Symbol, descriptions, context.CancellationToken) is not { Model: not null } description)
        {
            return;
        }

        var type = (INamedTypeSymbol)context.Symbol;

        var sink = new DiagnosticSink(context.ReportDiagnostic);
        var known = descriptions.Known;
        var jsonHandler = description.Handlers.FirstOrDefault(static h => h.Endpoint is { } e
            && ParameterModels.Flatten(e.Parameters).Any(static p => p.Source is ParameterSource.Body or ParameterSource.BodyOrService));
        var classSaysAccepts = SaysAccepts(type, known);
        foreach (var handler in description.Handlers)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (handler.Endpoint is not { } endpoint || !ParameterModels.ReadsForm(endpoint))
            {
                continue;
            }

            if (handler.HttpMethod is "GET" or "DELETE")
            {
                ReportFormOnBodylessMethod(handler, endpoint, sink);
            }
            else if (jsonHandler is not null && !classSaysAccepts && !SaysAccepts(handler.Method, known))
            {
                var mediaTypes = ParameterModels.ReadsFiles(endpoint) ? MultipartOnly : AnyForm;
                var location = SyntaxLocations.MethodIdentifier(handler.Method, handler.Attribute, context.CancellationToken);
                var arguments = string.Join(", ", mediaTypes.Split(',').Select(static m => "\"" + m + "\""));
                sink.Report(
                    DiagnosticDescriptors.FormAcceptsUnsaid, location, null,
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ConsumesMediaTypes, mediaTypes),
                    SymbolNames.Handler(handler.Method), SymbolNames.Handler(jsonHandler.Method), arguments);
            }
        }
    }

    // [Consumes(…)], or any other attribute that is IAcceptsMetadata: the handler (or its class) says what it takes.
    private static bool SaysAccepts(ISymbol symbol, KnownTypes known) =>
        known.AcceptsMetadata is { } accepts && symbol.GetAttributes().Any(a => KnownTypes.IsOrInherits(a.AttributeClass, accepts));

    private static void ReportFormOnBodylessMethod(HandlerInfo handler, EndpointModel endpoint, DiagnosticSink sink)
    {
        var section = handler.HttpMethod == "GET" ? "§9.3.1" : "§9.3.5";
        foreach (var symbol in handler.Method.Parameters)
        {
            var model = endpoint.Parameters.FirstOrDefault(p => p.Name == symbol.Name);
            if (model is null || !ParameterModels.Flatten([model]).Any(static m => ParameterModels.IsForm(m.Source)))
            {
                continue;
            }

            // A [FromForm] value moves to the query as it is; a [FromForm] type of values moves as [AsParameters].
            // A file has no query form: reported, with no code fix.
            var bindFrom = model.Source == ParameterSource.Form ? DiagnosticProperties.FromQuery
                : model.Source == ParameterSource.FormObject && model.AsParameters is { } members
                    && members.ConstructorMembers.Concat(members.PropertyMembers).All(static m => m.Source == ParameterSource.Form)
                    ? DiagnosticProperties.AsParameters
                : null;
            var properties = bindFrom is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.BindFrom, bindFrom);
            sink.Report(
                DiagnosticDescriptors.FormOnBodylessMethod, SyntaxLocations.FirstSourceLocation(symbol), null, properties,
                symbol.Name, SymbolNames.Handler(handler.Method), handler.HttpMethod, section);
        }
    }
}
