using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Model;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// The security rules (RSF04xx): a redirect whose target the request chooses (open redirect), and a
/// state-changing handler left open on a resource whose other handlers require authorization.
/// </summary>
internal sealed class SecurityRules : ResourceRules
{
    private const int MaxTraceDepth = 8;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.OpenRedirect,
        DiagnosticDescriptors.MissingAuthorization);

    /// <inheritdoc />
    public override void Register(CompilationStartAnalysisContext start, ResourceDescriptions descriptions)
    {
        var compilation = start.Compilation;
        var symbols = new WellKnownTypes(
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAuthorizeData"),
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAllowAnonymous"),
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.TypedResults"),
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Results"),
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponse"));

        if (symbols.AuthorizeData is not null && symbols.AllowAnonymous is not null)
        {
            start.RegisterSymbolAction(symbolContext => AnalyzeAuthorization(symbolContext, symbols, descriptions), SymbolKind.NamedType);
        }

        start.RegisterSymbolStartAction(symbolStart => StartRedirects(symbolStart, symbols, descriptions), SymbolKind.NamedType);
    }

    private static void AnalyzeAuthorization(SymbolAnalysisContext context, WellKnownTypes symbols, ResourceDescriptions descriptions)
    {
        if (DescribeResource(context.Symbol, descriptions, context.CancellationToken) is not { } description)
        {
            return;
        }

        var type = (INamedTypeSymbol)context.Symbol;
        var mapped = description.Handlers.Where(static h => h.Endpoint is not null).ToList();
        if (mapped.Count == 0)
        {
            return;
        }

        var classAttributes = type.GetAttributes();
        var classRequires = HasAttribute(classAttributes, symbols.AuthorizeData!);
        var classAnonymous = HasAttribute(classAttributes, symbols.AllowAnonymous!);

        // As ASP.NET Core's authorization middleware decides: [AllowAnonymous] anywhere on the endpoint wins.
        bool IsAnonymous(HandlerInfo handler) => classAnonymous || HasAttribute(handler.Method.GetAttributes(), symbols.AllowAnonymous!);
        bool Requires(HandlerInfo handler) => !IsAnonymous(handler)
            && (classRequires || HasAttribute(handler.Method.GetAttributes(), symbols.AuthorizeData!));

        var protectedHandlers = mapped.Where(Requires).ToList();
        if (protectedHandlers.Count == 0)
        {
            return;
        }

        var witness = protectedHandlers.FirstOrDefault(static h => h.HttpMethod == "GET") ?? protectedHandlers[0];
        var sink = new DiagnosticSink(context.ReportDiagnostic);
        foreach (var handler in mapped)
        {
            if (handler.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE" && !Requires(handler) && !IsAnonymous(handler))
            {
                sink.Report(
                    DiagnosticDescriptors.MissingAuthorization,
                    SyntaxLocations.MethodIdentifier(handler.Method, handler.Attribute, context.CancellationToken),
                    handler.HttpMethod, SymbolNames.Handler(handler.Method), SymbolNames.Handler(witness.Method));
            }
        }
    }

    private static bool HasAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol marker) =>
        attributes.Any(a => a.AttributeClass is { } attributeClass
            && (SymbolEqualityComparer.Default.Equals(attributeClass, marker)
                || attributeClass.AllInterfaces.Contains(marker, SymbolEqualityComparer.Default)));

    private static void StartRedirects(SymbolStartAnalysisContext context, WellKnownTypes symbols, ResourceDescriptions descriptions)
    {
        if (DescribeResource(context.Symbol, descriptions, context.CancellationToken) is not { } description)
        {
            return;
        }

        var handlers = new Dictionary<IMethodSymbol, HandlerInfo>(SymbolEqualityComparer.Default);
        foreach (var handler in description.Handlers)
        {
            if (handler.Endpoint is not null && !handlers.ContainsKey(handler.Method))
            {
                handlers.Add(handler.Method, handler);
            }
        }

        if (handlers.Count == 0)
        {
            return;
        }

        context.RegisterOperationAction(operationContext => AnalyzeRedirect(operationContext, handlers, symbols), OperationKind.Invocation);
    }

    private static void AnalyzeRedirect(OperationAnalysisContext context, Dictionary<IMethodSymbol, HandlerInfo> handlers, WellKnownTypes symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var target = RedirectTarget(invocation, symbols);
        if (target is null || context.ContainingSymbol is not IMethodSymbol method || !handlers.TryGetValue(method, out var handler))
        {
            return;
        }

        var body = Root(invocation);
        if (body.Descendants().OfType<IInvocationOperation>().Any(static i => i.TargetMethod.Name == "IsLocalUrl"))
        {
            // The handler checks the target itself; trust it.
            return;
        }

        var trace = new Trace(handler.Method, handler.Endpoint!, body);
        if (!trace.IsFromRequest(target, 0))
        {
            return;
        }

        var text = target.Syntax.ToString();
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.OpenRedirect,
            target.Syntax.GetLocation(),
            SymbolNames.Handler(handler.Method),
            text.Length <= 60 ? text : text.Substring(0, 57) + "..."));
    }

    // The URL argument of TypedResults.Redirect, Results.Redirect or HttpResponse.Redirect; LocalRedirect is safe.
    private static IOperation? RedirectTarget(IInvocationOperation invocation, WellKnownTypes symbols)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "Redirect")
        {
            return null;
        }

        string? parameter = null;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.TypedResults)
            || SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Results))
        {
            parameter = "url";
        }
        else if (symbols.HttpResponse is not null && DerivesFrom(method.ContainingType, symbols.HttpResponse))
        {
            parameter = "location";
        }

        return parameter is null
            ? null
            : invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value;
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>
    /// Follows a value back to where it came from, inside one handler: a parameter the request fills (route,
    /// query, header, body, the request itself), through members, string building and locals. A call to any
    /// other method ends the trail (its result is its own, such as <c>Links.Find(id)</c> or a database lookup).
    /// </summary>
    private sealed class Trace(IMethodSymbol handler, EndpointModel endpoint, IOperation body)
    {
        private readonly HashSet<ILocalSymbol> visited = new(SymbolEqualityComparer.Default);

        public bool IsFromRequest(IOperation? operation, int depth)
        {
            if (operation is null || depth > MaxTraceDepth)
            {
                return false;
            }

            depth++;
            switch (operation)
            {
                case IConversionOperation conversion:
                    return IsFromRequest(conversion.Operand, depth);
                case IParameterReferenceOperation parameter:
                    return IsRequestParameter(parameter.Parameter);
                case ILocalReferenceOperation local:
                    return IsFromRequest(local.Local, depth);
                case IPropertyReferenceOperation property:
                    return IsFromRequest(property.Instance, depth);
                case IFieldReferenceOperation field:
                    return IsFromRequest(field.Instance, depth);
                case IArrayElementReferenceOperation element:
                    return IsFromRequest(element.ArrayReference, depth);
                case IConditionalOperation conditional:
                    return IsFromRequest(conditional.WhenTrue, depth) || IsFromRequest(conditional.WhenFalse, depth);
                case ICoalesceOperation coalesce:
                    return IsFromRequest(coalesce.Value, depth) || IsFromRequest(coalesce.WhenNull, depth);
                case IInvocationOperation invocation:
                    return IsFromRequest(invocation.Instance, depth)
                        || (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 && IsFromRequest(invocation.Arguments[0].Value, depth))
                        || (invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                            && invocation.Arguments.Any(a => IsFromRequest(a.Value, depth)));
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return !StartsLocal(binary) && (IsFromRequest(binary.LeftOperand, depth) || IsFromRequest(binary.RightOperand, depth));
                case IInterpolatedStringOperation interpolated:
                    return !StartsLocal(interpolated)
                        && interpolated.Parts.OfType<IInterpolationOperation>().Any(p => IsFromRequest(p.Expression, depth));
                default:
                    return false;
            }
        }

        private bool IsFromRequest(ILocalSymbol local, int depth)
        {
            if (!visited.Add(local))
            {
                return false;
            }

            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if (IsFromRequest(declarator.GetVariableInitializer()?.Value, depth))
                        {
                            return true;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        if (IsFromRequest(assignment.Value, depth))
                        {
                            return true;
                        }

                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out } argument
                        when argument.Parent is IInvocationOperation call && WritesLocal(argument.Value, local):
                        // request.Query.TryGetValue("next", out var next)
                        if (IsFromRequest(call.Instance, depth)
                            || (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 && IsFromRequest(call.Arguments[0].Value, depth)))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private static bool WritesLocal(IOperation value, ILocalSymbol local) => value switch
        {
            ILocalReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Local, local),
            IDeclarationExpressionOperation declaration => WritesLocal(declaration.Expression, local),
            _ => false,
        };

        private bool IsRequestParameter(IParameterSymbol parameter)
        {
            if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, handler))
            {
                return false;
            }

            var model = endpoint.Parameters.FirstOrDefault(p => p.Name == parameter.Name);
            return model?.Source is ParameterSource.Route or ParameterSource.Query or ParameterSource.Header or ParameterSource.Cookie or ParameterSource.Body
                or ParameterSource.BodyOrService or ParameterSource.BodyStream or ParameterSource.BodyPipeReader or ParameterSource.BindAsync
                or ParameterSource.AsParameters or ParameterSource.HttpContext or ParameterSource.HttpRequest;
        }

        // "/books/" + id stays on this site whatever id is; "/" + id does not ("//evil.example").
        private static bool StartsLocal(IOperation operation)
        {
            var first = operation;
            while (true)
            {
                if (first is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary)
                {
                    first = binary.LeftOperand;
                }
                else if (first is IConversionOperation conversion)
                {
                    first = conversion.Operand;
                }
                else if (first is IInterpolatedStringOperation interpolated && interpolated.Parts.Length > 0)
                {
                    first = interpolated.Parts[0];
                }
                else if (first is IInterpolationOperation interpolation)
                {
                    first = interpolation.Expression;
                }
                else
                {
                    break;
                }
            }

            if (first is IInvocationOperation { TargetMethod.ContainingType.Name: "Links", TargetMethod.IsStatic: true })
            {
                return true;
            }

            var text = first switch
            {
                IInterpolatedStringTextOperation part => part.Text.ConstantValue.HasValue ? part.Text.ConstantValue.Value as string : null,
                _ => first.ConstantValue.HasValue ? first.ConstantValue.Value as string : null,
            };
            return text is { Length: >= 2 } && text[0] == '/' && text[1] is not ('/' or '\\');
        }
    }

    private sealed class WellKnownTypes(
        INamedTypeSymbol? authorizeData,
        INamedTypeSymbol? allowAnonymous,
        INamedTypeSymbol? typedResults,
        INamedTypeSymbol? results,
        INamedTypeSymbol? httpResponse)
    {
        public INamedTypeSymbol? AuthorizeData { get; } = authorizeData;

        public INamedTypeSymbol? AllowAnonymous { get; } = allowAnonymous;

        public INamedTypeSymbol? TypedResults { get; } = typedResults;

        public INamedTypeSymbol? Results { get; } = results;

        public INamedTypeSymbol? HttpResponse { get; } = httpResponse;
    }
}
