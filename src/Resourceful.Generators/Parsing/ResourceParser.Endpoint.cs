using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>Handlers: one <c>[Get]</c>-style method into an <see cref="EndpointModel"/> (template, parameters, result).</summary>
internal static partial class ResourceParser
{
    /// <summary>One HTTP method attribute on one method, and what the resource around it allows.</summary>
    internal sealed class HandlerSite(
        IMethodSymbol method,
        AttributeData attribute,
        string httpMethod,
        string resourceTemplate,
        bool resourceTemplateIsValid,
        bool canCreateInstance,
        bool classExplained,
        KnownTypes known)
    {
        public IMethodSymbol Method { get; } = method;

        public AttributeData Attribute { get; } = attribute;

        public string HttpMethod { get; } = httpMethod;

        public string ResourceTemplate { get; } = resourceTemplate;

        /// <summary>False when the resource's template is already reported: the handler's would only echo it.</summary>
        public bool ResourceTemplateIsValid { get; } = resourceTemplateIsValid;

        public bool CanCreateInstance { get; } = canCreateInstance;

        /// <summary>Whether the class already says why its instance handlers are not mapped.</summary>
        public bool ClassExplained { get; } = classExplained;

        public KnownTypes Known { get; } = known;
    }

    /// <summary>
    /// The endpoint of one handler, or <see langword="null"/> with every reason it has none in
    /// <paramref name="problems"/>: unlike a parser that stops at the first, it reads on, so the user sees them all at once.
    /// A reason already given elsewhere (on the class, at the template, by the compiler) is not repeated; a handler
    /// left out for no reason a rule names gets RSF0020, so none is ever dropped without a word.
    /// </summary>
    internal static EndpointModel? ParseEndpoint(
        HandlerSite site,
        Dictionary<string, TypeShapeModel> shapes,
        ProblemList problems,
        CancellationToken cancellationToken)
    {
        var method = site.Method;
        var name = SymbolNames.Handler(method);
        var skipped = false;
        var explained = false;
        Location? methodLocation = null;
        Location MethodLocation() => methodLocation ??= SyntaxLocations.MethodIdentifier(method, site.Attribute, cancellationToken);
        void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
        {
            problems.Add(descriptor, location, arguments);
            skipped = explained = true;
        }

        void Silent(bool isExplained)
        {
            skipped = true;
            explained |= isExplained;
        }

        if (method.DeclaredAccessibility != Accessibility.Public)
        {
            Report(DiagnosticDescriptors.HandlerNotPublic, MethodLocation(), name, AccessibilityText(method.DeclaredAccessibility));
        }

        if (method.IsGenericMethod)
        {
            Report(DiagnosticDescriptors.HandlerIsGeneric, MethodLocation(), name);
        }

        if (IsObsoleteError(method, site.Known))
        {
            Report(DiagnosticDescriptors.HandlerObsoleteError, MethodLocation(), name, AttributeName(site.HttpMethod));
        }

        if (method.IsAbstract || (!method.IsStatic && !site.CanCreateInstance))
        {
            Silent(site.ClassExplained);
        }

        var result = ParseHandlerResult(method, shapes, site.Known, out var returnProblem);
        if (returnProblem is { } why)
        {
            Report(DiagnosticDescriptors.HandlerReturnNotSupported, MethodLocation(), name, why.Detail, why.Advice);
        }
        else if (result is null)
        {
            Silent(isExplained: true);
        }

        var template = HandlerTemplate(site, problems, cancellationToken, out var templateExplained);
        if (template is null)
        {
            // Binding against a broken template would mislead.
            Silent(templateExplained);
            return Finish();
        }

        var (rawSubTemplate, _) = SubTemplate(site.Attribute);
        var segments = RouteTemplateParser.Parse(template);
        var routeParameters = new Dictionary<string, RoutePart>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in segments?.SelectMany(static s => s.Parts).Where(static p => p.IsParameter) ?? [])
        {
            if (!routeParameters.ContainsKey(part.Text))
            {
                routeParameters.Add(part.Text, part);
            }
        }

        var context = new BindingContext(site.HttpMethod, routeParameters, shapes, site.Known);
        var parameters = new List<ParameterModel>();
        var bodies = new List<IParameterSymbol>();
        var forms = new List<IParameterSymbol>();
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
                Report(DiagnosticDescriptors.HandlerParameterByReference, SyntaxLocations.FirstSourceLocation(parameter), parameter.Name, name, modifier);
                continue;
            }

            var bodyCountBefore = context.BodyCount;
            var formCountBefore = context.FormCount;
            var (model, unbound) = ParseParameter(
                parameter.Name,
                parameter.Type,
                parameter.NullableAnnotation,
                parameter.GetAttributes(),
                parameter.HasExplicitDefaultValue,
                parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null,
                context,
                allowAsParameters: true,
                cancellationToken);
            if (model is not null)
            {
                parameters.Add(model);
                if (context.BodyCount > bodyCountBefore)
                {
                    bodies.Add(parameter);
                }
                else if (context.FormCount > formCountBefore && forms.Count == 0)
                {
                    // The form is one body however many values it holds; with a JSON or raw body, two.
                    forms.Add(parameter);
                }

                continue;
            }

            var location = SyntaxLocations.FirstSourceLocation(parameter);
            switch (unbound.Kind)
            {
                case UnboundKind.CompilerError:
                    Silent(isExplained: true);
                    break;
                case UnboundKind.FromRouteNotInTemplate:
                    problems.Add(
                        DiagnosticDescriptors.FromRouteNotInTemplate, location, null,
                        FromRouteFixProperties(method, rawSubTemplate, template, unbound.Detail!),
                        parameter.Name, name, unbound.Detail, template);
                    skipped = explained = true;
                    break;
                default:
                    Report(DiagnosticDescriptors.ParameterCannotBind, location, parameter.Name, name, unbound.Detail ?? "the generator has no way to bind it");
                    break;
            }
        }

        if (bodies.Count > 0 && forms.Count > 0)
        {
            Report(DiagnosticDescriptors.MultipleBodies, SyntaxLocations.FirstSourceLocation(forms[0]), name, bodies[0].Name, forms[0].Name);
        }
        else if (bodies.Count > 1)
        {
            Report(DiagnosticDescriptors.MultipleBodies, SyntaxLocations.FirstSourceLocation(bodies[1]), name, bodies[0].Name, bodies[1].Name);
        }

        if (segments is null || result is null)
        {
            Silent(isExplained: false);
        }

        if (skipped)
        {
            return Finish();
        }

        return new EndpointModel(
            HttpMethod: site.HttpMethod,
            Template: template,
            Segments: segments!.Value,
            HandlerName: method.Name,
            IsStatic: method.IsStatic,
            Parameters: parameters.ToEquatableArray(),
            Result: result!,
            Metadata: EquatableArray<string>.Empty,
            MaxBodySize: 0);

        // A skipped handler: no endpoint, and a reason on record.
        EndpointModel? Finish()
        {
            if (skipped && !explained)
            {
                // Never a silent drop: whatever the reason, the user learns that this handler is not served.
                problems.Add(DiagnosticDescriptors.HandlerNotMapped, MethodLocation(), name, AttributeName(site.HttpMethod));
            }

            return null;
        }
    }

    /// <summary>
    /// The handler's full template (resource + its own), or <see langword="null"/> when it is not one routing can
    /// read; <paramref name="explained"/> says whether the reason is already recorded.
    /// </summary>
    private static string? HandlerTemplate(HandlerSite site, ProblemList problems, CancellationToken cancellationToken, out bool explained)
    {
        explained = true;
        var arguments = site.Attribute.ConstructorArguments;
        string? own = null;
        if (arguments.Length > 1 || (arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Error))
        {
            // The compiler reports the argument.
            return null;
        }

        if (arguments.Length == 1)
        {
            var location = SyntaxLocations.Template(site.Attribute, cancellationToken);
            if (arguments[0].Value is not string raw)
            {
                problems.Add(
                    DiagnosticDescriptors.InvalidRouteTemplate, location,
                    "null", "a handler's template is a string; leave the argument out for the resource's own URI");
                return null;
            }

            if (!CheckTemplate(raw, location, problems))
            {
                return null;
            }

            own = raw;
        }

        if (!site.ResourceTemplateIsValid)
        {
            return null;
        }

        // Each part can be fine while the whole is not: '{id}' twice, or a catch-all that is no longer last.
        var template = RouteTemplateParser.Combine(site.ResourceTemplate, own);
        if (RouteTemplateText.Parse(template, static _ => true).Problem is { } problem)
        {
            problems.Add(DiagnosticDescriptors.InvalidRouteTemplate, SyntaxLocations.Template(site.Attribute, cancellationToken), template, problem);
            return null;
        }

        return template;
    }

    /// <summary>The handler's result, or <see langword="null"/> with what is wrong with its return type.</summary>
    private static ResultModel? ParseHandlerResult(
        IMethodSymbol method,
        Dictionary<string, TypeShapeModel> shapes,
        KnownTypes known,
        out (string Detail, string Advice)? problem)
    {
        problem = null;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            problem = ("returns by reference", "return the value itself");
            return null;
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            problem = ("is 'async void', so nobody can await it or observe its exceptions", "return 'Task' instead");
            return null;
        }

        if (ContainsErrorType(method.ReturnType))
        {
            // The compiler reports the missing type.
            return null;
        }

        var result = ParseResult(method.ReturnType, shapes, known);
        if (result is null)
        {
            var display = method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            problem = ($"returns '{display}', which cannot be written as a response", "return a value, a string, an IResult or a Task of one of them");
        }

        return result;
    }

    // Two fixes for RSF0016: add '{name}' to the handler's template, or rename the parameter to the one route value
    // no parameter binds yet.
    private static ImmutableDictionary<string, string?> FromRouteFixProperties(IMethodSymbol method, string? rawSubTemplate, string template, string routeName)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var sub = rawSubTemplate ?? string.Empty;
        properties[DiagnosticProperties.NewTemplate] = sub.TrimEnd('/').Length == 0 ? "{" + routeName + "}" : sub.TrimEnd('/') + "/{" + routeName + "}";

        var parsed = RouteTemplateText.Parse(template, static _ => true);
        var taken = new HashSet<string>(method.Parameters.Select(static p => p.Name), StringComparer.OrdinalIgnoreCase);
        var free = parsed.Parameters.Where(p => !taken.Contains(p.Text)).Select(static p => p.Text).ToList();
        if (free.Count == 1 && SyntaxFacts.IsValidIdentifier(free[0]))
        {
            properties[DiagnosticProperties.RenameTo] = free[0];
        }

        return properties.ToImmutable();
    }
}
