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
/// explained where the user wrote it. It reads resources with the generator's own parser, so it reports a
/// handler as skipped exactly when the generator skips it.
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
        DiagnosticDescriptors.HandlerObsoleteError);

    /// <inheritdoc />
    public override void Register(CompilationStartAnalysisContext start, ResourceDescriptions descriptions)
    {
        start.RegisterSymbolAction(context => AnalyzeType(context, descriptions), SymbolKind.NamedType);
        start.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.MethodKind != MethodKind.Ordinary || method.ContainingType is not { } containingType)
        {
            return;
        }

        foreach (var attribute in method.GetAttributes())
        {
            var httpMethod = ResourceParser.GetHttpMethod(attribute.AttributeClass);
            if (httpMethod is null)
            {
                continue;
            }

            if (ResourceParser.FindResourceAttribute(containingType) is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MethodAttributeOutsideResource,
                    SyntaxLocations.MethodIdentifier(method, attribute, context.CancellationToken),
                    SymbolNames.Handler(method),
                    attribute.AttributeClass!.Name.Substring(0, attribute.AttributeClass.Name.Length - "Attribute".Length),
                    containingType.Name));
            }

            return;
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

        var sink = new DiagnosticSink(context.ReportDiagnostic);
        var typeLocation = SyntaxLocations.TypeIdentifier(type, attribute, cancellationToken);
        if (type.IsFileLocal)
        {
            sink.Report(DiagnosticDescriptors.ResourceIsFileLocal, typeLocation, type.Name);
            return;
        }

        if (type.IsGenericType)
        {
            var reason = type.TypeParameters.Length > 0
                ? "is generic"
                : $"is nested in the generic type '{GenericContainer(type)}'";
            sink.Report(DiagnosticDescriptors.ResourceIsGeneric, typeLocation, type.Name, reason);
            return;
        }

        if (ResourceParser.AccessibilityProblem(type) is { } accessibility)
        {
            sink.Report(DiagnosticDescriptors.ResourceNotAccessible, typeLocation, type.Name, accessibility);
            return;
        }

        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
        {
            // The compiler reports the missing or mistyped argument.
            return;
        }

        if (attribute.ConstructorArguments[0].Value is not string rawTemplate)
        {
            sink.Report(
                DiagnosticDescriptors.InvalidRouteTemplate, SyntaxLocations.Template(attribute, cancellationToken),
                "null", "a resource's template is a string, such as \"/books\"");
            return;
        }

        if (!ResourceParser.IsDeclaredPartial(type, cancellationToken))
        {
            sink.Report(DiagnosticDescriptors.ResourceNotPartial, typeLocation, type.Name);
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (!ResourceParser.IsDeclaredPartial(outer, cancellationToken))
            {
                sink.Report(DiagnosticDescriptors.ContainingTypeNotPartial, typeLocation, type.Name, outer.Name);
            }
        }

        var description = descriptions.Describe(type, attribute, cancellationToken);
        var options = ResourcefulOptions.Read(context.Options, SyntaxLocations.Tree(attribute));
        var resourceTemplate = RouteTemplateText.Parse(rawTemplate, options.IsCustomConstraint);
        var resourceTemplateReported = resourceTemplate.Problem is not null;
        if (resourceTemplate.Problem is not null)
        {
            sink.Report(DiagnosticDescriptors.InvalidRouteTemplate, SyntaxLocations.Template(attribute, cancellationToken), rawTemplate, resourceTemplate.Problem);
        }

        var classExplained = ReportClassProblems(type, description, typeLocation, sink);
        var validHandlers = new List<HandlerInfo>();
        foreach (var handler in description.Handlers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var templateReported = resourceTemplateReported | ReportHandlerTemplate(handler, resourceTemplateReported, context.Options, sink, cancellationToken);
            if (handler.Endpoint is null && description.Model is not null)
            {
                ReportSkippedHandler(handler, templateReported, classExplained, sink, cancellationToken);
            }

            // Routing rejects an invalid template at start-up: one error says so, without echoes about its values.
            if (handler.Endpoint is not null && !templateReported)
            {
                validHandlers.Add(handler);
            }
        }

        ReportUnboundRouteParameters(validHandlers, sink, cancellationToken);
        ReportDuplicates(validHandlers, sink, cancellationToken);
        ReportMovedFromTemplates(type.GetAttributes(), options, sink, cancellationToken);
        foreach (var method in description.Handlers.Select(static h => h.Method).Distinct<IMethodSymbol>(SymbolEqualityComparer.Default))
        {
            ReportMovedFromTemplates(method.GetAttributes(), options, sink, cancellationToken);
        }
    }

    // An old URI is a route template like any other: routing parses it at start-up, so it is held to the same rules.
    private static void ReportMovedFromTemplates(
        ImmutableArray<AttributeData> attributes, ResourcefulOptions options, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (var attribute in ResourceParser.MovedFromAttributes(attributes))
        {
            var argument = attribute.ConstructorArguments[0];
            if (argument.Kind == TypedConstantKind.Error)
            {
                continue;
            }

            var location = SyntaxLocations.Template(attribute, cancellationToken);
            if (argument.Value is not string { Length: > 0 } raw)
            {
                sink.Report(DiagnosticDescriptors.InvalidRouteTemplate, location, argument.Value is null ? "null" : "\"\"", "an old URI is a template such as \"/old-books/{id}\"");
                continue;
            }

            var parsed = RouteTemplateText.Parse(raw, options.IsCustomConstraint);
            if (parsed.Problem is not null)
            {
                sink.Report(DiagnosticDescriptors.InvalidRouteTemplate, location, raw, parsed.Problem);
            }
        }
    }

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

    // Abstract classes and classes without a usable constructor: reported once, on the class.
    private static bool ReportClassProblems(INamedTypeSymbol type, ResourceInfo description, Location typeLocation, DiagnosticSink sink)
    {
        var hasInstanceHandlers = description.Handlers.Any(static h => !h.Method.IsStatic);
        if (!hasInstanceHandlers)
        {
            return false;
        }

        if (type.IsAbstract && !type.IsStatic)
        {
            sink.Report(DiagnosticDescriptors.ResourceIsAbstract, typeLocation, type.Name);
            return true;
        }

        if (ResourceParser.ExplainConstructor(type) is { } problem)
        {
            var location = problem.At is null ? typeLocation : SyntaxLocations.FirstSourceLocation(problem.At);
            sink.Report(DiagnosticDescriptors.ResourceCannotBeConstructed, location, type.Name, problem.Reason);
            return true;
        }

        // A constructor that names a missing type is the compiler's to report.
        return type.InstanceConstructors.SelectMany(static c => c.Parameters).Any(static p => ResourceParser.HasErrorType(p.Type));
    }

    private static bool ReportHandlerTemplate(
        HandlerInfo handler,
        bool resourceTemplateReported,
        AnalyzerOptions analyzerOptions,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        var arguments = handler.Attribute.ConstructorArguments;
        if (arguments.Length == 0)
        {
            return false;
        }

        if (arguments.Length > 1 || arguments[0].Kind == TypedConstantKind.Error)
        {
            return true;
        }

        var location = SyntaxLocations.Template(handler.Attribute, cancellationToken);
        if (handler.RawSubTemplate is not { } raw)
        {
            sink.Report(
                DiagnosticDescriptors.InvalidRouteTemplate, location,
                "null", "a handler's template is a string; leave the argument out for the resource's own URI");
            return true;
        }

        var options = ResourcefulOptions.Read(analyzerOptions, SyntaxLocations.Tree(handler.Attribute));
        var own = RouteTemplateText.Parse(raw, options.IsCustomConstraint);
        if (own.Problem is not null)
        {
            sink.Report(DiagnosticDescriptors.InvalidRouteTemplate, location, raw, own.Problem);
            return true;
        }

        if (!resourceTemplateReported && handler.Template is { } template)
        {
            // Each part can be fine while the whole is not: '{id}' twice, or a catch-all that is no longer last.
            var combined = RouteTemplateText.Parse(template, options.IsCustomConstraint);
            if (combined.Problem is not null)
            {
                sink.Report(DiagnosticDescriptors.InvalidRouteTemplate, location, template, combined.Problem);
                return true;
            }
        }

        return false;
    }

    internal static void ReportSkippedHandler(
        HandlerInfo handler,
        bool templateReported,
        bool classExplained,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        var method = handler.Method;
        var name = SymbolNames.Handler(method);
        var methodLocation = SyntaxLocations.MethodIdentifier(method, handler.Attribute, cancellationToken);
        var explained = false;
        foreach (var problem in handler.Problems)
        {
            var parameterLocation = problem.Parameter is null ? methodLocation : SyntaxLocations.FirstSourceLocation(problem.Parameter);
            switch (problem.Kind)
            {
                case HandlerProblemKind.NotPublic:
                    sink.Report(DiagnosticDescriptors.HandlerNotPublic, methodLocation, name, problem.Detail);
                    explained = true;
                    break;
                case HandlerProblemKind.Generic:
                    sink.Report(DiagnosticDescriptors.HandlerIsGeneric, methodLocation, name);
                    explained = true;
                    break;
                case HandlerProblemKind.ObsoleteError:
                    sink.Report(DiagnosticDescriptors.HandlerObsoleteError, methodLocation, name, handler.AttributeName);
                    explained = true;
                    break;
                case HandlerProblemKind.ByReference:
                    sink.Report(DiagnosticDescriptors.HandlerParameterByReference, parameterLocation, problem.Parameter?.Name, name, problem.Detail);
                    explained = true;
                    break;
                case HandlerProblemKind.ReturnNotSupported:
                    sink.Report(DiagnosticDescriptors.HandlerReturnNotSupported, methodLocation, name, problem.Detail, problem.Extra);
                    explained = true;
                    break;
                case HandlerProblemKind.FromRouteNotInTemplate:
                    sink.Report(
                        DiagnosticDescriptors.FromRouteNotInTemplate, parameterLocation, null,
                        FromRouteFixProperties(handler, problem.Detail!),
                        problem.Parameter?.Name, name, problem.Detail, handler.Template);
                    explained = true;
                    break;
                case HandlerProblemKind.CannotBind:
                    sink.Report(DiagnosticDescriptors.ParameterCannotBind, parameterLocation, problem.Parameter?.Name, name, problem.Detail);
                    explained = true;
                    break;
                case HandlerProblemKind.MultipleBodies:
                    sink.Report(DiagnosticDescriptors.MultipleBodies, parameterLocation, name, problem.Detail, problem.Extra);
                    explained = true;
                    break;
                case HandlerProblemKind.NoInstance:
                    explained |= classExplained;
                    break;
                case HandlerProblemKind.InvalidTemplate:
                    explained |= templateReported;
                    break;
                case HandlerProblemKind.CompilerError:
                    explained = true;
                    break;
            }
        }

        if (!explained)
        {
            // Never a silent drop: whatever the reason, the user learns that this handler is not served.
            sink.Report(DiagnosticDescriptors.HandlerNotMapped, methodLocation, name, handler.AttributeName);
        }
    }

    // Two fixes: add '{name}' to the handler's template, or rename the parameter to the one route value no
    // parameter binds yet.
    private static ImmutableDictionary<string, string?> FromRouteFixProperties(HandlerInfo handler, string routeName)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var sub = handler.RawSubTemplate ?? string.Empty;
        properties[DiagnosticProperties.NewTemplate] = sub.TrimEnd('/').Length == 0 ? "{" + routeName + "}" : sub.TrimEnd('/') + "/{" + routeName + "}";

        if (handler.Template is { } template)
        {
            var parsed = RouteTemplateText.Parse(template, static _ => true);
            var taken = new HashSet<string>(handler.Method.Parameters.Select(static p => p.Name), StringComparer.OrdinalIgnoreCase);
            var free = parsed.Parameters.Where(p => !taken.Contains(p.Text)).Select(static p => p.Text).ToList();
            if (free.Count == 1 && SyntaxFacts.IsValidIdentifier(free[0]))
            {
                properties[DiagnosticProperties.RenameTo] = free[0];
            }
        }

        return properties.ToImmutable();
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

    private static void ReportDuplicates(List<HandlerInfo> handlers, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        var groups = handlers
            .GroupBy(static h => h.HttpMethod + " " + RouteTemplateText.Parse(h.Endpoint!.Template, static _ => true).CanonicalKey, StringComparer.Ordinal)
            .Where(static g => g.Count() > 1);
        foreach (var group in groups)
        {
            var duplicates = group.ToList();
            foreach (var handler in duplicates)
            {
                var other = duplicates.First(h => !ReferenceEquals(h, handler));
                var others = duplicates.Where(h => !ReferenceEquals(h, handler)).Select(h => RouteLocation(h, cancellationToken));
                sink.Report(
                    DiagnosticDescriptors.DuplicateEndpoint, RouteLocation(handler, cancellationToken), others, null,
                    handler.HttpMethod, handler.Endpoint!.Template, SymbolNames.Handler(handler.Method), SymbolNames.Handler(other.Method));
            }
        }
    }

    /// <summary>Where a handler's route is written: its template literal, or its name when it has none.</summary>
    internal static Location RouteLocation(HandlerInfo handler, CancellationToken cancellationToken) =>
        handler.RawSubTemplate is not null
            ? SyntaxLocations.Template(handler.Attribute, cancellationToken)
            : SyntaxLocations.MethodIdentifier(handler.Method, handler.Attribute, cancellationToken);
}
