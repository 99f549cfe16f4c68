using System.Collections.Generic;
using System.Linq;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

internal static partial class ResourceEmitter
{
    /// <summary>Writes one handler's <c>Create…</c> factory and its request delegate.</summary>
    private sealed partial class HandlerWriter(
        SourceWriter writer,
        ResourceModel resource,
        EndpointModel endpoint,
        string createName,
        IReadOnlyDictionary<EquatableArray<TypedResultModel>, ResultWriter> resultWriters)
    {
        private readonly List<string> _captures = new();

        private readonly IReadOnlyDictionary<TypedResultModel, string> _bodyNames = BodyNames(endpoint.Result.TypedResults);

        private bool _isAsync;

        public void Write()
        {
            var bindings = Bindings(endpoint.Parameters).ToList();
            _isAsync = endpoint.Result.Await != AwaitKind.None
                || bindings.Any(static b => b.Parameter.Source is ParameterSource.Body or ParameterSource.BodyOrService or ParameterSource.BindAsync or ParameterSource.Session
                    || ParameterModels.IsForm(b.Parameter.Source));

            WriteValueRuleFields(bindings);

            writer.WriteLine($"/// <summary><c>{endpoint.HttpMethod} {Xml(endpoint.Template)}</c>: calls <c>{Xml(endpoint.HandlerName)}</c>.</summary>");
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
                    // Decided here, once: a type DI can resolve is a service (no JSON metadata), anything else the body.
                    writer.WriteLine($"var {name}_typeInfo = {Json}.GetBodyTypeInfo<{parameter.ValueTypeName}>(services);");
                    _captures.Add(name + "_typeInfo");
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
                else if (parameter.Source == ParameterSource.Session)
                {
                    // Without AddSession() every request would fail: fail here, at start-up, instead.
                    writer.WriteLine($"global::Resourceful.Runtime.ResourcefulSession.RequireSessions(services, {HandlerLiteral});");
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
                foreach (var typedResult in endpoint.Result.TypedResults)
                {
                    if (_bodyNames.TryGetValue(typedResult, out var bodyName))
                    {
                        writer.WriteLine($"var {bodyName} = typedResults.JsonBody<{typedResult.BodyTypeName}>();");
                        _captures.Add(bodyName);
                    }
                }
            }

            WriteFieldsWriterLocal();

            // The request delegate itself: what runs per request.
            var modifiers = (_captures.Count == 0 ? "static " : string.Empty) + (_isAsync ? "async " : string.Empty);
            writer.OpenBlock($"return {modifiers}httpContext =>");
            WriteBody(bindings);
            writer.CloseBlock(";");
            writer.CloseBlock();
        }

        private void WriteBody(List<(ParameterModel Parameter, string Name)> bindings)
        {
            if (endpoint.RequireIfMatch)
            {
                // RequireIfMatch: without If-Match the answer is 428, before anything is bound or the handler runs.
                writer.OpenBlock($"if ({Conditional}.RequireIfMatch(httpContext) is {{ }} preconditionRequired)");
                WriteReturn("preconditionRequired");
                writer.CloseBlock();
                writer.Separate();
            }

            var needsErrors = bindings.Any(static b => NeedsErrors(b.Parameter)) || endpoint.SparseFields is not null;
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
                else if (!ParameterModels.IsBodyPass(parameter.Source) && parameter.Source != ParameterSource.Session)
                {
                    WriteBinding(parameter, Local(parameter), declare: true);
                }
            }

            WriteFieldsSelection();

            // Form values are bound after the form is read, and checked after it.
            if (endpoint.SparseFields is not null || bindings.Any(static b => !ParameterModels.IsForm(b.Parameter.Source) && NeedsErrors(b.Parameter)))
            {
                writer.Separate();
                writer.OpenBlock("if (bindingErrors.HasErrors)");
                WriteReturn("bindingErrors.WriteProblemAsync(httpContext)");
                writer.CloseBlock();
            }

            // The session after the values it might be refused for: a 400 never costs a trip to the distributed cache.
            foreach (var parameter in endpoint.Parameters.Where(static p => p.Source == ParameterSource.Session))
            {
                writer.Separate();
                WriteBinding(parameter, Local(parameter), declare: true);
            }

            var readsForm = bindings.Any(static b => ParameterModels.IsForm(b.Parameter.Source));
            if (readsForm)
            {
                // The form is read once, through ReadFormAsync, so FormOptions' limits apply; a failure is answered there.
                writer.Separate();
                writer.OpenBlock($"if (!await {Forms}.ReadAsync(httpContext{(endpoint.MaxBodySize > 0 ? ", maxBodySize: " + endpoint.MaxBodySize.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}))");
                writer.WriteLine("return;");
                writer.CloseBlock();
                writer.Separate();
            }

            foreach (var parameter in endpoint.Parameters)
            {
                if (parameter.AsParameters is { } members)
                {
                    WriteAsParameters(parameter, members, bodyPass: true);
                }
                else if (ParameterModels.IsBodyPass(parameter.Source))
                {
                    WriteBinding(parameter, Local(parameter), declare: true);
                }
            }

            if (bindings.Any(static b => b.Parameter.Validation.Count > 0 || b.Parameter.Source == ParameterSource.Form
                || b.Parameter.Source == ParameterSource.FormFile && b.Parameter.IsRequired))
            {
                writer.Separate();
                writer.OpenBlock("if (bindingErrors.HasErrors)");
                WriteReturn("bindingErrors.WriteProblemAsync(httpContext)");
                writer.CloseBlock();
            }

            writer.Separate();
            var arguments = string.Join(", ", endpoint.Parameters.Select(static p => Special(p) ?? Local(p) + "_arg"));
            var target = endpoint.IsStatic ? resource.FullyQualifiedName : "resource";
            if (!endpoint.IsStatic)
            {
                writer.WriteLine("var resource = NewResource(httpContext.RequestServices);");
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
                    WriteCacheHeaders(null);
                    WriteReturn($"{Results}.WriteNoContent(httpContext)", isLast: true);
                    break;
                case ResultKind.Json:
                    writer.WriteLine($"var result = {call};");
                    WriteCacheHeaders(null);
                    WriteValidators("result");
                    WriteFieldsForValue();
                    WriteReturn($"{Json}.WriteAsync(httpContext, result, resultTypeInfo)", isLast: true);
                    break;
                case ResultKind.Text:
                    writer.WriteLine($"var result = {call};");
                    WriteCacheHeaders(null);
                    WriteReturn($"{Results}.WriteTextAsync(httpContext, result)", isLast: true);
                    break;
                default:
                    if (endpoint.Result.TypedResults.Count == 0)
                    {
                        writer.WriteLine($"var result = {call};");
                        WriteCacheHeaders("result");
                        WriteReturn($"{Results}.ExecuteAsync(result, httpContext, {HandlerLiteral})", isLast: true);
                    }
                    else
                    {
                        // A null result is the handler's bug, reported as for every other IResult.
                        writer.WriteLine($"var result = {call} ?? throw NullResult({Literal(endpoint.HandlerName)});");
                        if (endpoint.Result.IsUnion)
                        {
                            WriteCacheHeaders("result.Result");
                        }
                        else if (endpoint.Result.TypedResults[0].Kind is "Ok" or "Created" or "Accepted" or "NoContent")
                        {
                            // One typed result, so its status is known here and the result never leaves the handler.
                            WriteCacheHeaders(null);
                        }

                        // After the cache headers, so that a 304 carries the Cache-Control and Vary a 200 would.
                        WriteValidators(endpoint.Result.IsUnion ? "result.Result" : "result");
                        WriteFieldsForTypedResult();
                        WriteTypedResult();
                    }

                    break;
            }
        }

        /// <summary>
        /// The validators of a versioned representation, derived from its version property, never from its body: a
        /// <c>GET</c> (and so <c>HEAD</c>) evaluates the request's preconditions with them and answers <c>304</c> or
        /// <c>412</c> instead of the body; any other method's success carries them (<c>ETag</c> of the new version).
        /// </summary>
        private void WriteValidators(string result)
        {
            if (endpoint.Result.Version is not { } version)
            {
                return;
            }

            var value = version.ResultTypeName is null ? result : "versioned.Value";
            var property = $"{value}{(version.IsNullable ? "?." : ".")}{Identifier(version.PropertyName)}";
            // A partial representation (?fields=) is another representation: its ETag differs by the selection.
            var variant = FieldsVariantExpression(endpoint) is { } selection ? ", " + selection : string.Empty;
            var etag = $"global::Resourceful.Runtime.ResourcefulETag.Format(({version.Cast}){property}{variant})";
            var lastModified = version.IsDate ? $"global::Resourceful.Runtime.ResourcefulETag.LastModified(({version.Cast}){property})" : "null";
            var test = version.ResultTypeName is null ? null : $"{result} is {version.ResultTypeName} versioned";
            writer.Separate();
            if (endpoint.HttpMethod == "GET")
            {
                var evaluate = $"{Conditional}.Evaluate(httpContext, {etag}, {lastModified}) is {{ }} answered";
                if (test is null)
                {
                    writer.OpenBlock($"if ({evaluate})");
                }
                else
                {
                    writer.WriteLine($"if ({test}");
                    writer.Indent();
                    writer.WriteLine($"&& {evaluate})");
                    writer.Unindent();
                    writer.OpenBlock();
                }

                WriteReturn("answered");
                writer.CloseBlock();
            }
            else if (test is null)
            {
                writer.WriteLine($"{Conditional}.WriteValidators(httpContext, {etag}, {lastModified});");
            }
            else
            {
                writer.OpenBlock($"if ({test})");
                writer.WriteLine($"{Conditional}.WriteValidators(httpContext, {etag}, {lastModified});");
                writer.CloseBlock();
            }

            writer.Separate();
        }

        // Whether binding the value can record a failure in bindingErrors.
        private static bool NeedsErrors(ParameterModel parameter) =>
            parameter.Source is ParameterSource.Route or ParameterSource.Query or ParameterSource.Header or ParameterSource.Cookie or ParameterSource.Form
            || (parameter.Source is ParameterSource.BindAsync or ParameterSource.FormFile && parameter.IsRequired)
            || parameter.Validation.Count > 0;

        private string HandlerLiteral => Literal(resource.MetadataName.Replace('+', '.') + "." + endpoint.HandlerName);

        private string HandlerDisplay => resource.MetadataName.Replace('+', '.') + "." + endpoint.HandlerName;

        /// <summary>
        /// Executes a typed result through <c>ResourcefulTypedResults</c>. Only the result's parts (its value, its
        /// location) leave the handler, never the result object, so the JIT can keep the object off the heap, as it
        /// does for minimal APIs' results.
        /// </summary>
        private void WriteTypedResult()
        {
            if (endpoint.Result.IsUnion)
            {
                // The union's member goes to the resource's writer of its members with a body, or straight to the
                // runtime when none has one; the Results<…> wrapper itself never leaves the handler.
                var bodyMembers = BodyMembers(endpoint.Result.TypedResults);
                if (bodyMembers.Count == 0)
                {
                    WriteReturn("typedResults.WriteAsync(result.Result, httpContext)", isLast: true);
                    return;
                }

                var bodies = string.Concat(bodyMembers.Select(c => ", " + _bodyNames[c]));
                WriteReturn($"{resultWriters[bodyMembers].Name}(result.Result, httpContext, typedResults{bodies})", isLast: true);
                return;
            }

            WriteReturn(CaseCall(endpoint.Result.TypedResults[0], "result", _bodyNames), isLast: true);
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

    /// <summary>
    /// The resource's one constructor call, shared by its handlers. Inlined into each, so the JIT still sees the
    /// allocation in the handler and can keep the instance off the heap.
    /// </summary>
    private static void WriteNewResource(SourceWriter writer, ResourceModel resource)
    {
        var arguments = resource.Constructor is { } constructor
            ? constructor.Parameters.Select(static s => ResolveService(s.TypeName, s.IsRequired, s.KeyLiteral, "services")).ToList()
            : new List<string>();
        writer.WriteLine("/// <summary>Creates the resource for one request, its constructor's services from the request's services.</summary>");
        writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.OpenBlock($"private static {resource.FullyQualifiedName} NewResource(global::System.IServiceProvider services)");
        if (arguments.Count <= 1)
        {
            writer.WriteLine($"return new {resource.FullyQualifiedName}({string.Join(", ", arguments)});");
        }
        else
        {
            writer.WriteLine($"return new {resource.FullyQualifiedName}(");
            writer.Indent();
            for (var i = 0; i < arguments.Count; i++)
            {
                writer.WriteLine(arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
            }

            writer.Unindent();
        }

        writer.CloseBlock();
    }

    private static string ResolveService(string typeName, bool isRequired, string? keyLiteral, string services)
    {
        if (keyLiteral is not null)
        {
            return $"{(isRequired ? GetRequiredKeyedService : GetKeyedService)}<{typeName}>({services}, {keyLiteral})";
        }

        return $"{(isRequired ? GetRequiredService : GetService)}<{typeName}>({services})";
    }
}
