using System.Collections.Generic;
using System.Linq;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

internal static partial class ResourceEmitter
{
    /// <summary>Writes one handler's <c>Create…</c> factory and its request delegate.</summary>
    private sealed partial class HandlerWriter(SourceWriter writer, ResourceModel resource, EndpointModel endpoint, string createName)
    {
        private readonly List<string> _captures = new();

        private readonly Dictionary<TypedResultModel, string> _bodyNames = new();

        private bool _isAsync;

        public void Write()
        {
            var bindings = Bindings(endpoint.Parameters).ToList();
            _isAsync = endpoint.Result.Await != AwaitKind.None
                || bindings.Any(static b => b.Parameter.Source is ParameterSource.Body or ParameterSource.BodyOrService or ParameterSource.BindAsync);

            foreach (var (parameter, name) in bindings)
            {
                for (var i = 0; i < parameter.Validation.Count; i++)
                {
                    var rule = parameter.Validation[i];
                    writer.WriteLine($"private static readonly global::System.ComponentModel.DataAnnotations.ValidationAttribute {RuleField(name, i)} = {rule.AttributeExpression};");
                }

                if (parameter.Validation.Count > 0)
                {
                    writer.WriteLine();
                }
            }

            writer.WriteLine($"/// <summary><c>{endpoint.HttpMethod} {Xml(endpoint.Template)}</c>: binds the request, calls <c>{Xml(endpoint.HandlerName)}</c>, writes its result.</summary>");
            writer.OpenBlock($"public static global::Microsoft.AspNetCore.Http.RequestDelegate {createName}(global::System.IServiceProvider services)");

            // Start-up work: JSON metadata and service checks are resolved once here, never per request.
            foreach (var (parameter, name) in bindings)
            {
                if (parameter.Source == ParameterSource.Body)
                {
                    writer.WriteLine($"var {name}_typeInfo = {Json}.GetTypeInfo<{parameter.ValueTypeName}>(services);");
                    _captures.Add(name + "_typeInfo");
                }
                else if (parameter.Source == ParameterSource.BodyOrService)
                {
                    writer.WriteLine($"var {name}_isService = global::Resourceful.Runtime.ResourcefulEndpoints.IsService<{parameter.ValueTypeName}>(services);");
                    writer.WriteLine($"var {name}_typeInfo = {name}_isService ? null : {Json}.GetTypeInfo<{parameter.ValueTypeName}>(services);");
                    _captures.Add(name + "_isService");
                }
                else if (parameter.Source == ParameterSource.BindAsync && parameter.BindAsync != BindAsyncKind.ContextOnly)
                {
                    writer.WriteLine($"var {name}_parameterInfo = new global::Resourceful.Runtime.ResourcefulParameterInfo({Literal(parameter.Name)}, typeof({parameter.TypeOf}));");
                    _captures.Add(name + "_parameterInfo");
                }
                else if (parameter.Source is ParameterSource.Service or ParameterSource.KeyedService && parameter.IsRequired)
                {
                    WriteRequireService(writer, StripNullable(parameter.ValueTypeName), parameter.ServiceKey, HandlerDisplay, parameter.Name);
                }
            }

            if (endpoint.Result.Kind == ResultKind.Json)
            {
                writer.WriteLine($"var resultTypeInfo = {Json}.GetTypeInfo<{endpoint.Result.ValueTypeName}>(services);");
                _captures.Add("resultTypeInfo");
            }

            // Typed results the generated code executes itself: loggers and body metadata resolved here, once.
            if (endpoint.Result.TypedResults.Count > 0)
            {
                writer.WriteLine($"var typedResults = {TypedResults}.Create(services);");
                _captures.Add("typedResults");
                var bodyNames = new HashSet<string>();
                foreach (var typedResult in endpoint.Result.TypedResults)
                {
                    if (typedResult.BodyTypeName is { } bodyType)
                    {
                        var bodyName = CaseVariable(typedResult) + "Body";
                        for (var suffix = 2; !bodyNames.Add(bodyName); suffix++)
                        {
                            bodyName = CaseVariable(typedResult) + "Body" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        }

                        _bodyNames[typedResult] = bodyName;
                        writer.WriteLine($"var {bodyName} = typedResults.JsonBody<{bodyType}>();");
                        _captures.Add(bodyName);
                    }
                }
            }

            var handle = _isAsync ? "HandleAsync" : "Handle";
            writer.WriteLine($"return {handle};");
            writer.WriteLine();

            var modifiers = (_captures.Count == 0 ? "static " : string.Empty) + (_isAsync ? "async " : string.Empty);
            writer.OpenBlock($"{modifiers}global::System.Threading.Tasks.Task {handle}({HttpContextType} httpContext)");
            WriteBody(bindings);
            writer.CloseBlock();
            if (endpoint.Result.IsUnion)
            {
                writer.WriteLine();
                WriteUnionFunction();
            }

            writer.CloseBlock();
        }

        private string RuleField(string name, int index) => $"{createName}_{name}_Rule{index}";

        private void WriteBody(List<(ParameterModel Parameter, string Name)> bindings)
        {
            // RFC 9110 §15.5.7: a client that accepts none of what this endpoint produces learns so before any work.
            if (ProducedMediaType(endpoint.Result) is { } mediaType)
            {
                writer.OpenBlock($"if (!global::Resourceful.Runtime.ResourcefulContent.Accepts(httpContext, {Literal(mediaType)}))");
                WriteReturn($"global::Resourceful.Runtime.ResourcefulContent.WriteNotAcceptableAsync(httpContext, {Literal(mediaType)})");
                writer.CloseBlock();
                writer.WriteLine();
            }

            var needsErrors = bindings.Any(static b => b.Parameter.Source is ParameterSource.Route or ParameterSource.Query or ParameterSource.Header
                || (b.Parameter.Source == ParameterSource.BindAsync && b.Parameter.IsRequired)
                || b.Parameter.Validation.Count > 0 || b.Parameter.IsValidatableObject);
            if (needsErrors)
            {
                writer.WriteLine("var bindingErrors = new global::Resourceful.Runtime.BindingErrors();");
            }

            // Values from the URI and headers first: a request that fails there is answered before its body is read.
            foreach (var parameter in endpoint.Parameters)
            {
                if (parameter.AsParameters is { } members)
                {
                    WriteAsParameters(parameter, members, bodyPass: false);
                }
                else if (parameter.Source is not (ParameterSource.Body or ParameterSource.BodyOrService))
                {
                    WriteBinding(parameter, Local(parameter), declare: true);
                }
            }

            if (needsErrors)
            {
                writer.Separate();
                writer.OpenBlock("if (bindingErrors.HasErrors)");
                WriteReturn("bindingErrors.WriteProblemAsync(httpContext)");
                writer.CloseBlock();
            }

            foreach (var parameter in endpoint.Parameters)
            {
                if (parameter.AsParameters is { } members)
                {
                    WriteAsParameters(parameter, members, bodyPass: true);
                }
                else if (parameter.Source is ParameterSource.Body or ParameterSource.BodyOrService)
                {
                    WriteBinding(parameter, Local(parameter), declare: true);
                }
            }

            if (bindings.Any(static b => b.Parameter.Validation.Count > 0 || b.Parameter.IsValidatableObject))
            {
                writer.Separate();
                writer.OpenBlock("if (bindingErrors.HasErrors)");
                WriteReturn("bindingErrors.WriteProblemAsync(httpContext)");
                writer.CloseBlock();
            }

            writer.Separate();
            var arguments = string.Join(", ", endpoint.Parameters.Select(static p => Local(p) + "_arg"));
            var target = endpoint.IsStatic ? resource.FullyQualifiedName : "resource";
            if (!endpoint.IsStatic)
            {
                writer.WriteLine($"var resource = {NewResource()};");
            }

            var call = $"{target}.{Identifier(endpoint.HandlerName)}({arguments})";
            if (endpoint.Result.Await != AwaitKind.None)
            {
                call = "await " + call;
            }

            switch (endpoint.Result.Kind)
            {
                case ResultKind.NoContent:
                    writer.WriteLine(call + ";");
                    WriteReturn($"{Results}.WriteNoContent(httpContext)", isLast: true);
                    break;
                case ResultKind.Json:
                    writer.WriteLine($"var result = {call};");
                    WriteReturn($"{Json}.WriteAsync(httpContext, result, resultTypeInfo)", isLast: true);
                    break;
                case ResultKind.Text:
                    writer.WriteLine($"var result = {call};");
                    WriteReturn($"{Results}.WriteTextAsync(httpContext, result)", isLast: true);
                    break;
                default:
                    writer.WriteLine($"var result = {call};");
                    if (endpoint.Result.TypedResults.Count == 0)
                    {
                        WriteReturn($"{Results}.ExecuteAsync(result, httpContext, {HandlerLiteral})", isLast: true);
                    }
                    else
                    {
                        WriteTypedResult();
                    }

                    break;
            }
        }

        private string HandlerLiteral => Literal(resource.MetadataName.Replace('+', '.') + "." + endpoint.HandlerName);

        private string HandlerDisplay => resource.MetadataName.Replace('+', '.') + "." + endpoint.HandlerName;

        /// <summary>
        /// Executes a typed result through <c>ResourcefulTypedResults</c>. Only the result's parts (its value, its
        /// location) leave the handler, never the result object, so the JIT can keep the object off the heap, as it
        /// does for minimal APIs' results.
        /// </summary>
        private void WriteTypedResult()
        {
            // A null result is the handler's bug, reported as for every other IResult.
            writer.OpenBlock("if (result is null)");
            WriteReturn($"{Results}.ExecuteAsync(null, httpContext, {HandlerLiteral})");
            writer.CloseBlock();
            writer.WriteLine();
            if (endpoint.Result.IsUnion)
            {
                // The union's member goes to WriteResult; the Results<…> wrapper itself never leaves the handler.
                var bodies = string.Concat(endpoint.Result.TypedResults.Where(c => _bodyNames.ContainsKey(c)).Select(c => ", " + _bodyNames[c]));
                WriteReturn($"WriteResult(result.Result, httpContext, typedResults{bodies})", isLast: true);
                return;
            }

            WriteReturn(CaseCall(endpoint.Result.TypedResults[0], "result"), isLast: true);
        }

        /// <summary>
        /// A union's <c>WriteResult</c>: dispatches on the member to <c>ResourcefulTypedResults</c>; any other member
        /// executes itself, as <c>Results&lt;…&gt;.ExecuteAsync</c> would. Kept out of line, so the handler stays small
        /// enough for the JIT to inline the user's method and keep the union and the resource instance off the heap.
        /// </summary>
        private void WriteUnionFunction()
        {
            var parameters = string.Concat(endpoint.Result.TypedResults.Where(c => _bodyNames.ContainsKey(c))
                .Select(c => $", global::Resourceful.Runtime.JsonResultBody<{c.BodyTypeName}>? {_bodyNames[c]}"));
            writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            writer.OpenBlock($"static global::System.Threading.Tasks.Task WriteResult(global::Microsoft.AspNetCore.Http.IResult? result, {HttpContextType} httpContext, {TypedResults} typedResults{parameters})");
            writer.OpenBlock("switch (result)");
            foreach (var typedResult in endpoint.Result.TypedResults)
            {
                var variable = CaseVariable(typedResult);
                var call = CaseCall(typedResult, variable);
                writer.WriteLine(call.Contains(variable + ".") ? $"case {typedResult.TypeName} {variable}:" : $"case {typedResult.TypeName}:");
                writer.Indent();
                writer.WriteLine($"return {call};");
                writer.Unindent();
            }

            // A union whose member is null fails as Results<…>.ExecuteAsync fails.
            writer.WriteLine("case null:");
            writer.Indent();
            writer.WriteLine($"return {TypedResults}.NullUnionMember();");
            writer.Unindent();
            writer.WriteLine("default:");
            writer.Indent();
            writer.WriteLine("return result.ExecuteAsync(httpContext);");
            writer.Unindent();
            writer.CloseBlock();
            writer.CloseBlock();
        }

        /// <summary>
        /// <c>typedResults.CreatedAsync(httpContext, created.Location, created.Value, createdBody)</c> and the like: the
        /// result's parts, never the result itself, leave the handler.
        /// </summary>
        private string CaseCall(TypedResultModel typedResult, string variable)
        {
            var location = typedResult.Kind is "Created" or "Accepted" ? $", {variable}.Location" : string.Empty;
            var value = _bodyNames.TryGetValue(typedResult, out var bodyName) ? $", {variable}.Value, {bodyName}" : string.Empty;
            return $"typedResults.{typedResult.Kind}Async(httpContext{location}{value})";
        }

        // ok, created, notFound, …: the names carry no underscore, so they never meet a parameter's locals (id_arg).
        private static string CaseVariable(TypedResultModel typedResult) =>
            char.ToLowerInvariant(typedResult.Kind[0]) + typedResult.Kind.Substring(1);

        private string NewResource()
        {
            var arguments = resource.Constructor is { } constructor
                ? string.Join(", ", constructor.Parameters.Select(static s => ResolveService(s.TypeName, s.IsRequired, s.KeyLiteral)))
                : string.Empty;
            return $"new {resource.FullyQualifiedName}({arguments})";
        }

        private static string ResolveService(string typeName, bool isRequired, string? keyLiteral)
        {
            if (keyLiteral is not null)
            {
                return $"{(isRequired ? GetRequiredKeyedService : GetKeyedService)}<{typeName}>(httpContext.RequestServices, {keyLiteral})";
            }

            return $"{(isRequired ? GetRequiredService : GetService)}<{typeName}>(httpContext.RequestServices)";
        }

        private void WriteReturn(string taskExpression, bool isLast = false)
        {
            if (_isAsync)
            {
                writer.WriteLine($"await {taskExpression};");
                if (!isLast)
                {
                    writer.WriteLine("return;");
                }
            }
            else
            {
                writer.WriteLine($"return {taskExpression};");
            }
        }
    }
}
