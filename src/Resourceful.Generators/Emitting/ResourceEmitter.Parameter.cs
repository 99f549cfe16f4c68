using System.Collections.Generic;
using System.Linq;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

internal static partial class ResourceEmitter
{
    /// <summary>Parameters: binding each handler parameter from the route, query, headers, body or services.</summary>
    private sealed partial class HandlerWriter
    {
        private void WriteAsParameters(ParameterModel parameter, AsParametersModel members, bool bodyPass)
        {
            var local = Local(parameter) + "_arg";
            if (members.UsesConstructor)
            {
                foreach (var member in members.ConstructorMembers)
                {
                    var isBody = ParameterModels.IsBodyPass(member.Source);
                    if (isBody == bodyPass)
                    {
                        WriteBinding(member, MemberLocal(parameter, member), declare: true);
                    }
                }

                if (bodyPass)
                {
                    var arguments = string.Join(", ", members.ConstructorMembers.Select(m => Special(m) ?? MemberLocal(parameter, m) + "_arg"));
                    writer.WriteLine($"var {local} = new {StripNullable(parameter.TypeName)}({arguments});");
                }

                return;
            }

            if (!bodyPass)
            {
                writer.WriteLine($"var {local} = new {StripNullable(parameter.TypeName)}();");
            }

            foreach (var member in members.PropertyMembers)
            {
                var isBody = ParameterModels.IsBodyPass(member.Source);
                if (isBody == bodyPass)
                {
                    WriteBinding(member, MemberLocal(parameter, member), declare: false, target: $"{local}.{Identifier(member.Name)}");
                }
            }
        }

        private static string MemberLocal(ParameterModel parameter, ParameterModel member) =>
            Local(parameter) + "_" + Local(member);

        /// <summary>
        /// Binds one value. Its locals are named after <paramref name="name"/> with a suffix (<c>id_arg</c>,
        /// <c>id_raw</c>), so no user parameter name can collide with the generated <c>httpContext</c>,
        /// <c>resource</c> or <c>result</c>. Members of an <c>[AsParameters]</c> class are assigned to
        /// <paramref name="target"/> instead of a new local.
        /// </summary>
        private void WriteBinding(ParameterModel parameter, string name, bool declare, string? target = null)
        {
            target ??= name + "_arg";
            var assign = declare ? $"var {target} = " : $"{target} = ";
            if (Special(parameter) is { } special)
            {
                // A handler parameter reads it in the call itself; an [AsParameters] member is set here.
                if (!declare)
                {
                    writer.WriteLine($"{assign}{special};");
                }

                return;
            }

            switch (parameter.Source)
            {
                case ParameterSource.BindAsync:
                    WriteBindAsync(parameter, name, target, assign);
                    return;
                case ParameterSource.Service:
                case ParameterSource.KeyedService:
                    writer.WriteLine(assign + ResolveService(parameter.ValueTypeName, parameter.IsRequired, parameter.ServiceKey, RequestServices) + ";");
                    return;
                case ParameterSource.Body:
                    WriteBody(parameter, name, target, declare);
                    return;
                case ParameterSource.Session:
                    // Loaded here, asynchronously, so the handler's reads never block on the distributed cache.
                    writer.WriteLine($"{assign}await global::Resourceful.Runtime.ResourcefulSession.LoadAsync(httpContext, {HandlerLiteral});");
                    return;
                case ParameterSource.BodyOrService:
                    WriteBodyOrService(parameter, name, target, declare);
                    return;
                case ParameterSource.FormFile:
                    // The file part by its name; the form was read before any form value is bound.
                    writer.WriteLine(parameter.IsRequired
                        ? $"{assign}{Forms}.RequiredFile(httpContext, {Literal(parameter.Key)}, ref bindingErrors);"
                        : $"{assign}{Forms}.File(httpContext, {Literal(parameter.Key)});");
                    return;
                default:
                    WriteValue(parameter, name, target, declare);
                    WriteValueValidation(parameter, name, target);
                    return;
            }
        }

        private void WriteBody(ParameterModel parameter, string name, string target, bool declare)
        {
            writer.Separate();
            var read = name + "_body";
            writer.WriteLine($"var {read} = await {Json}.ReadBodyAsync(httpContext, {name}_typeInfo, {Literal(parameter.Key)}, {ReadOptions(parameter)});");
            writer.OpenBlock($"if (!{read}.Succeeded)");
            writer.WriteLine("return;");
            writer.CloseBlock();
            writer.WriteLine($"{(declare ? "var " : string.Empty)}{target} = {read}.Value{(parameter.IsRequired ? "!" : string.Empty)};");
            WriteValidation(parameter, name, target);
        }

        private string ReadOptions(ParameterModel parameter)
        {
            var options = $"allowEmpty: {(parameter.IsRequired ? "false" : "true")}";
            return endpoint.MaxBodySize > 0
                ? options + $", maxBodySize: {endpoint.MaxBodySize.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
                : options;
        }

        private void WriteBodyOrService(ParameterModel parameter, string name, string target, bool declare)
        {
            // The JSON body, or the request's service when start-up found none of JSON metadata (DI resolves the type).
            writer.Separate();
            var read = name + "_body";
            writer.WriteLine($"var {read} = await {Json}.ReadBodyOrServiceAsync(httpContext, {name}_typeInfo, {Literal(parameter.Key)}, {ReadOptions(parameter)});");
            writer.OpenBlock($"if (!{read}.Succeeded)");
            writer.WriteLine("return;");
            writer.CloseBlock();
            writer.WriteLine($"{(declare ? "var " : string.Empty)}{target} = {read}.Value{(parameter.IsRequired ? "!" : string.Empty)};");
            if (parameter.Validation.Count > 0)
            {
                // A service is not validated; only a body is.
                writer.OpenBlock($"if ({name}_typeInfo is not null)");
                WriteValidation(parameter, name, target);
                writer.CloseBlock();
            }
        }

        /// <summary>
        /// Calls the type's own <c>BindAsync</c>. A <c>null</c> result is a missing value: <c>400</c> naming the
        /// parameter when it is required, its default (or <c>null</c>) otherwise, as minimal APIs do.
        /// </summary>
        private void WriteBindAsync(ParameterModel parameter, string name, string target, string assign)
        {
            var type = StripNullable(parameter.ValueTypeName);
            var call = parameter.BindAsync switch
            {
                BindAsyncKind.Bindable => $"global::Resourceful.Runtime.ResourcefulParameterInfo.BindAsync<{type}>(httpContext, {name}_parameterInfo)",
                BindAsyncKind.WithParameterInfo => $"{type}.BindAsync(httpContext, {name}_parameterInfo)",
                _ => $"{type}.BindAsync(httpContext)",
            };
            var bound = name + "_bound";

            writer.Separate();
            writer.WriteLine($"// {parameter.Name}: {type}.BindAsync{(parameter.IsRequired ? ", required" : string.Empty)}");
            writer.WriteLine($"var {bound} = await {call};");
            if (parameter.IsRequired)
            {
                writer.OpenBlock($"if ({bound} is null)");
                writer.WriteLine($"bindingErrors.AddMissing({Literal(parameter.Key)}, \"request\");");
                writer.CloseBlock();
                writer.WriteLine(assign + bound + (parameter.BindAsyncUnwraps ? ".GetValueOrDefault();" : "!;"));
            }
            else
            {
                var fallback = parameter.DefaultValue is { } value ? " ?? " + value : string.Empty;
                writer.WriteLine(assign + bound + fallback + ";");
            }
        }

        private const string RequestServices = "httpContext.RequestServices";

        /// <summary>
        /// Binds a route, query or header value with one call to <c>ResourcefulBinding</c> (<c>Required</c>,
        /// <c>Optional</c>, …), which records a missing or unparsable value in <c>bindingErrors</c>. An optional
        /// value falls back to the parameter's default, or, for a member of an <c>[AsParameters]</c> class, to the
        /// property's own value.
        /// </summary>
        private void WriteValue(ParameterModel parameter, string name, string target, bool declare)
        {
            var source = parameter.Source switch
            {
                ParameterSource.Route => "route",
                ParameterSource.Header => "header",
                ParameterSource.Cookie => "cookie",
                ParameterSource.Form => "form",
                _ => "query",
            };
            var key = Literal(parameter.Key);
            var display = Literal(parameter.ValueTypeDisplay);
            var assign = declare ? $"{parameter.TypeName} {target} = " : $"{target} = ";

            if (parameter.IsArray)
            {
                var collection = parameter.Source switch
                {
                    ParameterSource.Header => "Headers",
                    ParameterSource.Form => "Form",
                    _ => "Query",
                };
                var values = $"httpContext.Request.{collection}[{key}]";
                var arrayFallback = !declare ? target
                    : !parameter.IsNullable && parameter.DefaultValue is null ? $"global::System.Array.Empty<{parameter.ValueTypeName}>()"
                    : parameter.DefaultValue ?? "default";
                writer.WriteLine(parameter.Parser switch
                {
                    ValueParser.String => $"{assign}{Binding}.StringArray({values}, {arrayFallback});",
                    ValueParser.Enum => $"{assign}{Binding}.EnumArray<{parameter.ValueTypeName}>({values}, {key}, {display}, {arrayFallback}, ref bindingErrors);",
                    _ => $"{assign}{Binding}.Array<{parameter.ValueTypeName}>({values}, {key}, {display}, {arrayFallback}, ref bindingErrors);",
                });
                return;
            }

            var fallback = declare ? parameter.DefaultValue ?? "default" : target;
            var from = $"httpContext, {Literal(source)}, {key}";

            if (parameter.Parser == ValueParser.String)
            {
                // Any text is a value, even an empty one; only a missing one is not.
                writer.WriteLine(parameter.IsRequired ? $"{assign}{Binding}.RequiredString({from}, ref bindingErrors);"
                    : fallback == "default" ? $"{assign}{Binding}.GetValue({from});"
                    : $"{assign}{Binding}.GetValue({from}) ?? {fallback};");
                return;
            }

            if (parameter.Parser == ValueParser.TryParseMethod)
            {
                WriteTryParseMethod(parameter, name, target, declare, source, key, $"{Binding}.GetValue({from})");
                return;
            }

            var suffix = parameter.Parser == ValueParser.Enum ? "Enum" : string.Empty;
            var type = parameter.ValueTypeName;
            writer.WriteLine(parameter.IsRequired
                ? $"{assign}{Binding}.Required{suffix}<{type}>({from}, {display}, ref bindingErrors);"
                : $"{assign}{Binding}.Optional{(parameter.IsNullableValueType ? "Nullable" : string.Empty)}{suffix}<{type}>({from}, {display}, {fallback}, ref bindingErrors);");
        }

        /// <summary>A type with its own static <c>TryParse(string, out T)</c> but no <c>IParsable&lt;T&gt;</c>: no generic helper can call it.</summary>
        private void WriteTryParseMethod(ParameterModel parameter, string name, string target, bool declare, string source, string key, string text)
        {
            var raw = name + "_raw";
            var parsed = name + "_parsed";
            writer.Separate();
            writer.WriteLine($"// {parameter.Name}: {source} value '{Comment(parameter.Key)}'{(parameter.IsRequired ? ", required" : string.Empty)}");
            if (declare)
            {
                var initial = parameter.IsRequired ? (parameter.IsReferenceType ? "default!" : "default") : parameter.DefaultValue ?? "default";
                writer.WriteLine($"{parameter.TypeName} {target} = {initial};");
            }

            writer.WriteLine($"var {raw} = {text};");
            writer.OpenBlock($"if (string.IsNullOrEmpty({raw}))");
            writer.WriteLine(parameter.IsRequired ? $"bindingErrors.AddMissing({key}, {Literal(source)});" : "// Optional: keeps its default.");
            writer.CloseBlock();
            writer.OpenBlock($"else if ({parameter.ValueTypeName}.TryParse({raw}, out {parameter.ValueTypeName} {parsed}))");
            writer.WriteLine($"{target} = {parsed};");
            writer.CloseBlock();
            writer.OpenBlock("else");
            writer.WriteLine($"bindingErrors.AddInvalid({key}, {raw}, {Literal(parameter.ValueTypeDisplay)});");
            writer.CloseBlock();
            writer.Separate();
        }

        /// <summary>What the request itself provides, read where it is used: <c>httpContext.RequestAborted</c> and the like.</summary>
        private static string? Special(ParameterModel parameter) => parameter.Source switch
        {
            ParameterSource.HttpContext => "httpContext",
            ParameterSource.HttpRequest => "httpContext.Request",
            ParameterSource.HttpResponse => "httpContext.Response",
            ParameterSource.User => "httpContext.User",
            ParameterSource.CancellationToken => "httpContext.RequestAborted",
            ParameterSource.BodyStream => "httpContext.Request.Body",
            ParameterSource.BodyPipeReader => "httpContext.Request.BodyReader",
            ParameterSource.Preconditions => "global::Resourceful.Runtime.ResourcefulConditional.Preconditions(httpContext)",
            ParameterSource.FormFiles => "httpContext.Request.Form.Files",
            ParameterSource.FormCollection => "httpContext.Request.Form",
            _ => null,
        };

        private static string Local(ParameterModel parameter) => Identifier(parameter.Name).TrimStart('@');

        private static IEnumerable<(ParameterModel Parameter, string Name)> Bindings(IEnumerable<ParameterModel> parameters)
        {
            foreach (var parameter in parameters)
            {
                if (parameter.AsParameters is { } members)
                {
                    foreach (var member in members.ConstructorMembers.Concat(members.PropertyMembers))
                    {
                        yield return (member, MemberLocal(parameter, member));
                    }
                }
                else
                {
                    yield return (parameter, Local(parameter));
                }
            }
        }

        private static string StripNullable(string typeName) =>
            typeName.EndsWith("?", System.StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - 1) : typeName;
    }
}
