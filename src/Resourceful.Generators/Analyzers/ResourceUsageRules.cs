using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Model;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// The usage rules (RSF00xx): everything that makes the generator skip a resource, a handler or a parameter,
/// explained where the user wrote it. The reasons are the parser's own (<see cref="ResourceInfo.Problems"/>), the
/// list the generator reports itself when analyzers are off, so a handler is reported as skipped exactly when the
/// generator skips it. Only RSF0015, a warning about a handler that is mapped, is this family's own.
/// </summary>
internal sealed class ResourceUsageRules : ResourceRules
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ResourceNotPartial,
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.ResourceIsGeneric,
        DiagnosticDescriptors.ResourceIsAbstract,
        DiagnosticDescriptors.ResourceNotAccessible,
        DiagnosticDescriptors.ResourceIsFileLocal,
        DiagnosticDescriptors.MethodAttributeOutsideResource,
        DiagnosticDescriptors.HandlerNotPublic,
        DiagnosticDescriptors.HandlerIsGeneric,
        DiagnosticDescriptors.HandlerParameterByReference,
        DiagnosticDescriptors.HandlerReturnNotSupported,
        DiagnosticDescriptors.InvalidRouteTemplate,
        DiagnosticDescriptors.DuplicateEndpoint,
        DiagnosticDescriptors.RouteParameterNotBound,
        DiagnosticDescriptors.FromRouteNotInTemplate,
        DiagnosticDescriptors.ParameterCannotBind,
        DiagnosticDescriptors.MultipleBodies,
        DiagnosticDescriptors.ResourceCannotBeConstructed,
        DiagnosticDescriptors.HandlerNotMapped,
        DiagnosticDescriptors.HandlerObsoleteError,
        DiagnosticDescriptors.VersionTypeNotSupported,
        DiagnosticDescriptors.RepresentationNotSupported);

    /// <inheritdoc />
    public override void Register(CompilationStartAnalysisContext start, ResourceDescriptions descriptions)
    {
        start.RegisterSymbolAction(context => AnalyzeType(context, descriptions), SymbolKind.NamedType);
        start.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        var first = method.GetAttributes().FirstOrDefault(static a => ResourceParser.GetHttpMethod(a.AttributeClass) is not null);
        if (first is not null && ResourceParser.HandlerOutsideResource(method, first, context.CancellationToken) is { } problem)
        {
            context.ReportDiagnostic(problem.ToDiagnostic());
        }
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ResourceDescriptions descriptions)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var cancellationToken = context.CancellationToken;
        if (type.TypeKind != TypeKind.Class || ResourceParser.FindResourceAttribute(type) is not { } attribute)
        {
            return;
        }

        // The parser's own reasons: this rule family only says them where the user wrote the code.
        var description = descriptions.Describe(type, attribute, cancellationToken);
        foreach (var problem in description.Problems.Items)
        {
            context.ReportDiagnostic(problem.ToDiagnostic());
        }

        foreach (var check in description.Problems.TemplateChecks)
        {
            var constraints = ResourcefulOptions.Read(context.Options, check.Location.SourceTree);
            if (check.Judge(constraints.IsCustomConstraint) is { } problem)
            {
                context.ReportDiagnostic(problem.ToDiagnostic());
            }
        }

        // Routing rejects an invalid template at start-up: one error says so, without echoes about its values.
        var options = ResourcefulOptions.Read(context.Options, SyntaxLocations.Tree(attribute));
        var validHandlers = description.Handlers
            .Where(h => h.Endpoint is { } endpoint && RouteTemplateText.Parse(endpoint.Template, options.IsCustomConstraint).Problem is null)
            .ToList();
        ReportUnboundRouteParameters(validHandlers, new DiagnosticSink(context.ReportDiagnostic), cancellationToken);
        ReportUnsupportedVersions(description, descriptions.Known, new DiagnosticSink(context.ReportDiagnostic), cancellationToken);
    }

    /// <summary>
    /// RSF0023: a mapped handler whose representation has a <c>[ConcurrencyCheck]</c>/<c>[Timestamp]</c> property of a
    /// type no <c>ETag</c> is derived from, so it answers without one; said once per handler, at the handler.
    /// </summary>
    private static void ReportUnsupportedVersions(ResourceInfo description, KnownTypes known, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (var handler in description.Handlers)
        {
            if (handler.Endpoint is null || ResourceParser.UnsupportedVersion(handler.Method.ReturnType, known) is not { } version)
            {
                continue;
            }

            sink.Report(
                DiagnosticDescriptors.VersionTypeNotSupported,
                SyntaxLocations.MethodIdentifier(handler.Method, handler.Attribute, cancellationToken),
                version.Property.ContainingType.Name,
                version.Property.Name,
                version.Attribute,
                version.Property.Type.ToDisplayString(),
                SymbolNames.Handler(handler.Method));
        }
    }

    private static void ReportUnboundRouteParameters(List<HandlerInfo> handlers, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers)
        {
            if (handler.Endpoint is not { } endpoint)
            {
                continue;
            }

            // A handler that takes the whole request may read route values itself.
            if (endpoint.Parameters.Any(static p => p.Source is ParameterSource.HttpContext or ParameterSource.HttpRequest))
            {
                continue;
            }

            var bound = new HashSet<string>(
                ParameterModels.Flatten(endpoint.Parameters).Where(static p => p.Source == ParameterSource.Route).Select(static p => p.Key),
                StringComparer.OrdinalIgnoreCase);
            var combined = RouteTemplateText.Parse(endpoint.Template, static _ => true);
            var own = handler.RawSubTemplate is { } raw ? RouteTemplateText.Parse(raw, static _ => true) : null;
            foreach (var parameter in combined.Parameters)
            {
                if (bound.Contains(parameter.Text))
                {
                    continue;
                }

                var inOwn = own?.Parameters.FirstOrDefault(p => string.Equals(p.Text, parameter.Text, StringComparison.OrdinalIgnoreCase));
                var location = inOwn is not null
                    ? SyntaxLocations.TemplateSpan(handler.Attribute, inOwn.Start, inOwn.Length, cancellationToken)
                    : SyntaxLocations.MethodIdentifier(handler.Method, handler.Attribute, cancellationToken);
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (SyntaxFacts.IsValidIdentifier(parameter.Text)
                    && !handler.Method.Parameters.Any(p => string.Equals(p.Name, parameter.Text, StringComparison.OrdinalIgnoreCase)))
                {
                    properties = properties
                        .Add(DiagnosticProperties.RouteParameterName, parameter.Text)
                        .Add(DiagnosticProperties.RouteParameterType, ClrTypeOf(parameter));
                }

                sink.Report(
                    DiagnosticDescriptors.RouteParameterNotBound, location, null, properties,
                    parameter.Text, handler.HttpMethod + " " + endpoint.Template, SymbolNames.Handler(handler.Method));
            }
        }
    }

    // The C# type a route constraint implies; text when there is none.
    private static string ClrTypeOf(TemplatePart parameter)
    {
        foreach (var constraint in parameter.Constraints)
        {
            var type = constraint.ToLowerInvariant() switch
            {
                "int" => "int",
                "long" => "long",
                "bool" => "bool",
                "guid" => "global::System.Guid",
                "datetime" => "global::System.DateTime",
                "decimal" => "decimal",
                "double" => "double",
                "float" => "float",
                _ => null,
            };
            if (type is not null)
            {
                return parameter.IsOptional ? type + "?" : type;
            }
        }

        return "string";
    }
}
