using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// Writes one resource's generated file: its <c>Links</c> class, its <c>Map{Resource}()</c> extension and a
/// file-local class with one request delegate per handler. A pure function of the model.
/// </summary>
internal static class ResourceEmitter
{
    private const string HttpContextType = "global::Microsoft.AspNetCore.Http.HttpContext";
    private const string Binding = "global::Resourceful.Runtime.ResourcefulBinding";
    private const string Json = "global::Resourceful.Runtime.ResourcefulJson";
    private const string Results = "global::Resourceful.Runtime.ResourcefulResults";
    private const string TypedResults = "global::Resourceful.Runtime.ResourcefulTypedResults";
    private const string GetRequiredService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService";
    private const string GetService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService";
    private const string GetRequiredKeyedService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService";
    private const string GetKeyedService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetKeyedService";

    /// <summary>
    /// The stable, file-safe hint name of a resource's generated file: its metadata name, with every character other
    /// than letters, digits and dots written as <c>_XX_</c> (hex). Underscores are escaped too, so two different
    /// names (<c>V1+Orders</c>, <c>V1_Orders</c>) can never map to the same file. A name longer than
    /// <see cref="MaxHintNameLength"/> is cut and ends with a hash of the whole metadata name instead: file systems
    /// refuse names over 255 bytes, which failed every build that wrote generated files to disk (CS0016).
    /// </summary>
    public static string HintName(ResourceModel resource)
    {
        var builder = new StringBuilder(resource.MetadataName.Length + 5);
        foreach (var c in resource.MetadataName)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('_').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)).Append('_');
            }
        }

        if (builder.Length > MaxHintNameLength)
        {
            var hash = StableHash(resource.MetadataName).ToString("X16", System.Globalization.CultureInfo.InvariantCulture);
            builder.Length = MaxHintNameLength - hash.Length - 1;
            builder.Append('_').Append(hash);
        }

        return builder.Append(".g.cs").ToString();
    }

    /// <summary>The longest hint name before <c>.g.cs</c>; well inside every file system's limit, with room for a path.</summary>
    internal const int MaxHintNameLength = 120;

    /// <summary>64-bit FNV-1a over the UTF-16 code units: the same on every machine and run, unlike string.GetHashCode.</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    public static string Emit(ResourceModel resource, string mapMethodName)
    {
        var writer = new SourceWriter();
        GeneratedCode.WriteHeader(writer);

        var endpointsClass = EndpointsClassName(resource);
        if (resource.CanDeclarePartial)
        {
            WriteLinks(writer, resource);
        }

        WriteMapExtension(writer, resource, mapMethodName, endpointsClass);
        WriteEndpointsClass(writer, resource, endpointsClass);
        return writer.ToString();
    }

    public static string EndpointsClassName(ResourceModel resource) => Identifier(resource.ClassName + "Endpoints");

    private static void WriteLinks(SourceWriter writer, ResourceModel resource)
    {
        var hasNamespace = resource.Namespace.Length > 0;
        if (hasNamespace)
        {
            writer.OpenBlock("namespace " + string.Join(".", resource.Namespace.Split('.').Select(Identifier)));
        }

        foreach (var containing in resource.ContainingTypes)
        {
            writer.OpenBlock($"partial {containing.Keyword} {Identifier(containing.Name)}");
        }

        writer.OpenBlock($"partial {resource.Keyword} {Identifier(resource.ClassName)}");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The URI of each of this resource's <c>GET</c> handlers, with route values formatted invariantly and escaped,");
        writer.WriteLine("/// for <c>Location</c> headers and links: no string building and no <c>LinkGenerator</c>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock("public static class Links");

        var usedSignatures = new HashSet<string>();
        var first = true;
        foreach (var endpoint in resource.Endpoints)
        {
            if (endpoint.HttpMethod != "GET")
            {
                continue;
            }

            var routeParameters = LinkParameters(endpoint);
            var name = endpoint.HandlerName;
            var signature = name + "(" + string.Join(",", routeParameters.Select(static p => p.TypeName)) + ")";
            for (var suffix = 2; !usedSignatures.Add(signature); suffix++)
            {
                name = endpoint.HandlerName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                signature = name + "(" + string.Join(",", routeParameters.Select(static p => p.TypeName)) + ")";
            }

            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            WriteLinkMethod(writer, endpoint, name, routeParameters);
        }

        writer.CloseBlock();
        writer.CloseBlock();
        foreach (var _ in resource.ContainingTypes)
        {
            writer.CloseBlock();
        }

        if (hasNamespace)
        {
            writer.CloseBlock();
        }

        writer.WriteLine();
    }

    private sealed class LinkParameter(string routeName, string identifier, string typeName, bool isNullableValueType)
    {
        public string RouteName { get; } = routeName;

        public string Identifier { get; } = identifier;

        public string TypeName { get; } = typeName;

        public bool IsNullableValueType { get; } = isNullableValueType;
    }

    private static List<LinkParameter> LinkParameters(EndpointModel endpoint)
    {
        var bound = ParameterModels.Flatten(endpoint.Parameters)
            .Where(static p => p.Source == ParameterSource.Route)
            .ToList();
        var result = new List<LinkParameter>();
        foreach (var segment in endpoint.Segments)
        {
            foreach (var part in segment.Parts.Where(static p => p.IsParameter))
            {
                var parameter = bound.FirstOrDefault(p => string.Equals(p.Key, part.Text, System.StringComparison.OrdinalIgnoreCase));
                var typeName = parameter?.TypeName ?? "string";
                var isNullableValueType = parameter?.IsNullableValueType ?? false;

                // An optional segment may be left out, so its link parameter accepts null even when the handler's does not.
                if (part.IsOptional && !typeName.EndsWith("?", System.StringComparison.Ordinal))
                {
                    isNullableValueType = parameter is { IsReferenceType: false };
                    typeName += "?";
                }

                result.Add(new LinkParameter(part.Text, Identifier(part.Text), typeName, isNullableValueType));
            }
        }

        return result;
    }

    private static void WriteLinkMethod(SourceWriter writer, EndpointModel endpoint, string name, List<LinkParameter> parameters)
    {
        writer.WriteLine($"/// <summary>The URI of <c>GET {Xml(endpoint.Template)}</c>, handled by <c>{Xml(endpoint.HandlerName)}</c>.</summary>");
        writer.OpenBlock($"public static string {Identifier(name)}({string.Join(", ", parameters.Select(static p => p.TypeName + " " + p.Identifier))})");

        var hasOptional = endpoint.Segments.Any(static s => s.Parts.Any(static p => p.IsParameter && p.IsOptional));
        if (!hasOptional)
        {
            // Every segment is always there: one concatenation, which the compiler turns into one string.Concat.
            var pieces = new List<string>();
            var literal = new StringBuilder();
            foreach (var segment in endpoint.Segments)
            {
                literal.Append('/');
                AppendSegment(segment, parameters, literal, pieces, valueSuffix: string.Empty);
            }

            if (endpoint.Segments.Count == 0)
            {
                literal.Append('/');
            }

            if (literal.Length > 0)
            {
                pieces.Add(Literal(literal.ToString()));
            }

            writer.WriteLine($"return {string.Join(" + ", pieces)};");
            writer.CloseBlock();
            return;
        }

        // An optional value appends its segment only when it is present.
        writer.WriteLine("var uri = new global::System.Text.StringBuilder();");
        var pending = new StringBuilder();
        foreach (var segment in endpoint.Segments)
        {
            var optional = segment.Parts.FirstOrDefault(static p => p.IsParameter && p.IsOptional);
            var segmentPieces = new List<string>();
            if (optional is not null)
            {
                FlushLiteral(writer, pending);
                var parameter = parameters.First(p => p.RouteName == optional.Text);
                writer.OpenBlock($"if ({parameter.Identifier} is not null)");
                pending.Append('/');
                AppendSegment(segment, parameters, pending, segmentPieces, valueSuffix: parameter.IsNullableValueType ? ".Value" : string.Empty);
                WriteAppends(writer, segmentPieces, pending);
                writer.CloseBlock();
                continue;
            }

            pending.Append('/');
            AppendSegment(segment, parameters, pending, segmentPieces, valueSuffix: string.Empty);
            WriteAppends(writer, segmentPieces, pending);
        }

        FlushLiteral(writer, pending);
        writer.WriteLine("return uri.Length == 0 ? \"/\" : uri.ToString();");
        writer.CloseBlock();
    }

    private static void WriteAppends(SourceWriter writer, List<string> pieces, StringBuilder pending)
    {
        if (pending.Length > 0)
        {
            pieces.Add(Literal(pending.ToString()));
            pending.Clear();
        }

        foreach (var piece in pieces)
        {
            writer.WriteLine($"uri.Append({piece});");
        }
    }

    // Adds the segment's literals to 'literal' and, at each value, moves the pending literal and the escaped value to 'pieces'.
    private static void AppendSegment(RouteSegment segment, List<LinkParameter> parameters, StringBuilder literal, List<string> pieces, string valueSuffix) =>
        AppendSegment(segment, literal, pieces, part =>
        {
            var parameter = parameters.First(p => p.RouteName == part.Text);
            var value = parameter.Identifier + (part.IsOptional ? valueSuffix : string.Empty);
            var escape = part.IsCatchAll && parameter.TypeName.StartsWith("string", System.StringComparison.Ordinal)
                ? "EscapePath"
                : "Escape";
            return $"global::Resourceful.Runtime.ResourcefulLinks.{escape}({value})";
        });

    private static void AppendSegment(RouteSegment segment, StringBuilder literal, List<string> pieces, System.Func<RoutePart, string> valueExpression)
    {
        foreach (var part in segment.Parts)
        {
            if (!part.IsParameter)
            {
                literal.Append(part.Text);
                continue;
            }

            if (literal.Length > 0)
            {
                pieces.Add(Literal(literal.ToString()));
                literal.Clear();
            }

            pieces.Add(valueExpression(part));
        }
    }

    private static void FlushLiteral(SourceWriter writer, StringBuilder pending)
    {
        if (pending.Length == 0)
        {
            return;
        }

        writer.WriteLine($"uri.Append({Literal(pending.ToString())});");
        pending.Clear();
    }

    private static void WriteMapExtension(SourceWriter writer, ResourceModel resource, string mapMethodName, string endpointsClass)
    {
        writer.OpenBlock("namespace Microsoft.AspNetCore.Builder");
        writer.OpenBlock("internal static partial class ResourcefulEndpointRouteBuilderExtensions");
        writer.WriteLine($"/// <summary>Maps the endpoints of <see cref=\"{Xml(resource.FullyQualifiedName)}\"/>:");
        foreach (var endpoint in resource.Endpoints)
        {
            writer.WriteLine($"/// <c>{endpoint.HttpMethod} {Xml(endpoint.Template)}</c>;");
        }

        writer.WriteLine("/// and returns their builders, so conventions such as <c>RequireAuthorization()</c> apply to all of them.</summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock($"public static global::Resourceful.ResourceConventionBuilder {mapMethodName}(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(endpoints);");
        writer.WriteLine($"return global::Resourceful.Generated.{endpointsClass}.Map(endpoints);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteEndpointsClass(SourceWriter writer, ResourceModel resource, string endpointsClass)
    {
        var paths = PathModel.Group(resource.Endpoints);
        writer.OpenBlock("namespace Resourceful.Generated");
        writer.WriteLine($"/// <summary>The request delegates of <see cref=\"{Xml(resource.FullyQualifiedName)}\"/>.</summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock($"file static class {endpointsClass}");

        writer.OpenBlock("public static global::Resourceful.ResourceConventionBuilder Map(global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)");
        writer.WriteLine("var services = endpoints.ServiceProvider;");
        if (resource.Constructor is { } constructor && resource.Endpoints.Count > 0)
        {
            // Every handler creates the resource from these services: a missing one fails here, not on each request.
            for (var i = 0; i < constructor.Parameters.Count; i++)
            {
                var service = constructor.Parameters[i];
                if (service.IsRequired)
                {
                    WriteRequireService(writer, service.TypeName, service.KeyLiteral, resource.MetadataName.Replace('+', '.') + " (constructor)", service.Name);
                }
            }
        }

        var count = resource.Endpoints.Count + paths.Count + resource.MovedRoutes.Count;
        writer.WriteLine($"var builders = new global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder[{count}];");
        var index = 0;
        for (var i = 0; i < resource.Endpoints.Count; i++)
        {
            var endpoint = resource.Endpoints[i];
            var displayName = $"{endpoint.HttpMethod} {endpoint.Template} => {resource.MetadataName.Replace('+', '.')}.{endpoint.HandlerName}";
            // Our summary first, so a user's own [EndpointSummary] (later in the list) wins.
            var summary = $"new global::Microsoft.AspNetCore.Http.EndpointSummaryAttribute({Literal(resource.ClassName + "." + endpoint.HandlerName)})";
            var metadata = new[] { summary }.Concat(endpoint.Metadata).Concat(ApiMetadata(endpoint)).ToList();
            writer.WriteLine(
                $"builders[{index}] = global::Resourceful.Runtime.ResourcefulEndpoints.Map(endpoints, {Literal(endpoint.Template)}, " +
                $"global::Resourceful.Runtime.ResourcefulEndpoints.{MethodList(endpoint.HttpMethod)}, {CreateMethodName(resource, i)}(services), " +
                $"{Literal(displayName)}, maxBodySize: {(endpoint.MaxBodySize > 0 ? endpoint.MaxBodySize.ToString(System.Globalization.CultureInfo.InvariantCulture) : "global::Resourceful.Runtime.ResourcefulEndpoints.ServerBodyLimit")}{(metadata.Count == 0 ? string.Empty : ",")}");
            for (var m = 0; m < metadata.Count; m++)
            {
                writer.WriteLine($"    {metadata[m]}{(m == metadata.Count - 1 ? string.Empty : ",")}");
            }

            if (metadata.Count == 0)
            {
                writer.WriteLine("    );");
            }
            else
            {
                writer.WriteLine(");");
            }

            var parameterTypes = endpoint.Parameters.Count == 0
                ? "global::System.Type.EmptyTypes"
                : $"new global::System.Type[] {{ {string.Join(", ", endpoint.Parameters.Select(static p => $"typeof({p.ParameterTypeOf})"))} }}";
            writer.WriteLine(
                $"global::Resourceful.Runtime.ResourcefulApiDescription.Describe(builders[{index}], services, typeof({resource.FullyQualifiedName}), " +
                $"{Literal(endpoint.HandlerName)}, {parameterTypes}, static method => new object[]");
            writer.OpenBlock();
            foreach (var description in ParameterDescriptions(endpoint))
            {
                writer.WriteLine(description + ",");
            }

            writer.CloseBlock(");");
            index++;
        }

        // Each path answers OPTIONS itself, with an Allow list and a description written at compile time (405 is routing's).
        foreach (var path in paths)
        {
            writer.WriteLine(
                $"builders[{index++}] = global::Resourceful.Runtime.ResourcefulEndpoints.MapPath(endpoints, {Literal(path.Template)}, {Literal(path.Key)}, {Literal(path.Allow)},");
            writer.WriteLine($"    {Literal(path.Description)});");
        }

        for (var i = 0; i < resource.MovedRoutes.Count; i++)
        {
            var moved = resource.MovedRoutes[i];
            var pattern = moved.IncludesSubPaths
                ? moved.OldTemplate.TrimEnd('/') + "/{**" + "resourcefulMovedRest}"
                : moved.OldTemplate;
            writer.WriteLine(
                $"builders[{index++}] = global::Resourceful.Runtime.ResourcefulEndpoints.MapMoved(endpoints, {Literal(pattern)}, RedirectMoved{i}, {Literal($"{moved.OldTemplate} => {moved.NewTemplate} (moved)")});");
        }

        writer.WriteLine("return new global::Resourceful.ResourceConventionBuilder(builders);");
        writer.CloseBlock();

        for (var i = 0; i < resource.Endpoints.Count; i++)
        {
            writer.WriteLine();
            new HandlerWriter(writer, resource, resource.Endpoints[i], CreateMethodName(resource, i)).Write();
        }

        for (var i = 0; i < resource.MovedRoutes.Count; i++)
        {
            writer.WriteLine();
            WriteRedirect(writer, resource.MovedRoutes[i], i);
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>
    /// What ASP.NET Core's API explorer (and so <c>AddOpenApi()</c>) reads about an endpoint, from the compile-time
    /// model: every response the result type declares, and the JSON body it accepts.
    /// </summary>
    private static IEnumerable<string> ApiMetadata(EndpointModel endpoint)
    {
        // A plain IResult declares nothing; the API explorer would assume 200, but only while no other response
        // metadata exists, so say it explicitly next to the implicit 400.
        if (endpoint.Result.Responses.Count == 0)
        {
            yield return "new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(200, typeof(void))";
        }

        foreach (var response in DocumentedResponses.Of(endpoint))
        {
            var status = response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (response.BodyTypeOf is null)
            {
                // typeof(void) says "no body", as the typed results' own metadata does.
                yield return $"new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata({status}, typeof(void))";
                continue;
            }

            var contentType = DocumentedResponses.IsValidationProblem(response) ? "application/problem+json"
                : response.BodyTypeOf == "string" && endpoint.Result.Kind == ResultKind.Text ? "text/plain"
                : "application/json";
            yield return $"new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata({status}, typeof({response.BodyTypeOf}), new[] {{ {Literal(contentType)} }})";
        }

        // No AcceptsMetadata for the JSON body: routing would then reject other content types itself, before the
        // handler can answer 415 with Accept-Post. The API explorer finds the body through the parameter metadata.
    }

    /// <summary>
    /// One <c>IParameterBindingMetadata</c> per value the API explorer should see: each handler parameter, and each
    /// member of an <c>[AsParameters]</c> type in its place, as minimal APIs describe them.
    /// </summary>
    private static IEnumerable<string> ParameterDescriptions(EndpointModel endpoint)
    {
        const string Api = "global::Resourceful.Runtime.ResourcefulApiDescription";
        for (var i = 0; i < endpoint.Parameters.Count; i++)
        {
            var parameter = endpoint.Parameters[i];
            if (parameter.AsParameters is not { } members)
            {
                yield return $"{Api}.Parameter(method, {i}, {Literal(parameter.Key)}, {Flags(parameter)})";
                continue;
            }

            for (var m = 0; m < members.ConstructorMembers.Count; m++)
            {
                var member = members.ConstructorMembers[m];
                yield return $"{Api}.ConstructorMember(typeof({parameter.ParameterTypeOf}), {m}, {Literal(member.Key)}, {Flags(member)})";
            }

            foreach (var member in members.PropertyMembers)
            {
                yield return $"{Api}.PropertyMember(typeof({parameter.ParameterTypeOf}), {Literal(member.Name)}, {Literal(member.Key)}, {Flags(member)})";
            }
        }

        static string Flags(ParameterModel parameter) =>
            $"hasTryParse: {(parameter.Parser != ValueParser.None ? "true" : "false")}, isOptional: {(parameter.IsRequired ? "false" : "true")}";
    }

    private static void WriteRedirect(SourceWriter writer, MovedRouteModel moved, int index)
    {
        writer.WriteLine($"/// <summary><c>{Xml(moved.OldTemplate)}</c> moved to <c>{Xml(moved.NewTemplate)}</c>: 301 for GET/HEAD, 308 otherwise.</summary>");
        writer.OpenBlock($"private static global::System.Threading.Tasks.Task RedirectMoved{index}(global::Microsoft.AspNetCore.Http.HttpContext httpContext)");
        var pieces = new List<string>();
        var literal = new StringBuilder();
        foreach (var segment in moved.NewSegments)
        {
            literal.Append('/');

            // Route values keep an encoded slash (%2F) encoded: escape them without escaping it twice.
            AppendSegment(segment, literal, pieces, static part =>
                $"global::Resourceful.Runtime.ResourcefulLinks.{(part.IsCatchAll ? "EscapeRoutePath" : "EscapeRouteValue")}" +
                $"(global::Resourceful.Runtime.ResourcefulBinding.GetRouteValue(httpContext, {Literal(part.Text)}))");
        }

        if (moved.NewSegments.Count == 0)
        {
            literal.Append('/');
        }

        if (literal.Length > 0)
        {
            pieces.Add(Literal(literal.ToString()));
        }

        writer.WriteLine($"var location = {string.Join(" + ", pieces)};");
        writer.WriteLine($"return global::Resourceful.Runtime.ResourcefulRedirects.MovedAsync(httpContext, location, carriesRest: {(moved.IncludesSubPaths ? "true" : "false")});");
        writer.CloseBlock();
    }

    private static string CreateMethodName(ResourceModel resource, int index)
    {
        var endpoint = resource.Endpoints[index];
        var sameName = 0;
        for (var i = 0; i < index; i++)
        {
            if (resource.Endpoints[i].HandlerName == endpoint.HandlerName)
            {
                sameName++;
            }
        }

        var suffix = sameName == 0 ? string.Empty : (sameName + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "Create" + endpoint.HandlerName + suffix;
    }

    /// <summary>
    /// The media type a handler's successful responses carry, when the generator knows it: JSON for values and
    /// typed results with a body, text for strings. <see langword="null"/> (no 406 check) when the result decides
    /// at run time or has no body.
    /// </summary>
    internal static string? ProducedMediaType(ResultModel result)
    {
        switch (result.Kind)
        {
            case ResultKind.Json:
                return "application/json";
            case ResultKind.Text:
                return "text/plain";
            case ResultKind.HttpResult when !result.IsOpen
                && result.Responses.Any(static r => r.StatusCode is >= 200 and < 300 && r.BodyTypeName is not null):
                return "application/json";
            default:
                return null;
        }
    }

    private static string MethodList(string httpMethod) => httpMethod switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        _ => "Delete",
    };

    internal static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A start-up check that a required service is registered (see <c>ResourcefulEndpoints.RequireService</c>).</summary>
    private static void WriteRequireService(SourceWriter writer, string typeName, string? keyLiteral, string consumer, string parameterName)
    {
        writer.WriteLine(keyLiteral is null
            ? $"global::Resourceful.Runtime.ResourcefulEndpoints.RequireService<{typeName}>(services, {Literal(consumer)}, {Literal(parameterName)});"
            : $"global::Resourceful.Runtime.ResourcefulEndpoints.RequireKeyedService<{typeName}>(services, {keyLiteral}, {Literal(consumer)}, {Literal(parameterName)});");
    }

    internal static string Identifier(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var identifier = builder.ToString();
        return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) is SyntaxKind.VarKeyword
            ? "@" + identifier
            : identifier;
    }

    internal static string Xml(string text) =>
        Comment(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    /// <summary>
    /// <paramref name="text"/> made safe for one line of a comment: line breaks (<c>\n</c>, <c>\r</c>, U+0085,
    /// U+2028, U+2029) and other control characters are written as C# escapes, so a user's string never ends the
    /// comment and spills into code.
    /// </summary>
    internal static string Comment(string text) => SymbolDisplay.FormatLiteral(text, quote: false);

    /// <summary>Writes one handler's <c>Create…</c> factory and its request delegate.</summary>
    private sealed class HandlerWriter(SourceWriter writer, ResourceModel resource, EndpointModel endpoint, string createName)
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

        private void WriteAsParameters(ParameterModel parameter, AsParametersModel members, bool bodyPass)
        {
            var local = Local(parameter) + "_arg";
            if (members.UsesConstructor)
            {
                foreach (var member in members.ConstructorMembers)
                {
                    var isBody = member.Source is ParameterSource.Body or ParameterSource.BodyOrService;
                    if (isBody == bodyPass)
                    {
                        WriteBinding(member, MemberLocal(parameter, member), declare: true);
                    }
                }

                if (bodyPass)
                {
                    var arguments = string.Join(", ", members.ConstructorMembers.Select(m => MemberLocal(parameter, m) + "_arg"));
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
                var isBody = member.Source is ParameterSource.Body or ParameterSource.BodyOrService;
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
            switch (parameter.Source)
            {
                case ParameterSource.HttpContext:
                    writer.WriteLine(assign + "httpContext;");
                    return;
                case ParameterSource.HttpRequest:
                    writer.WriteLine(assign + "httpContext.Request;");
                    return;
                case ParameterSource.HttpResponse:
                    writer.WriteLine(assign + "httpContext.Response;");
                    return;
                case ParameterSource.User:
                    writer.WriteLine(assign + "httpContext.User;");
                    return;
                case ParameterSource.CancellationToken:
                    writer.WriteLine(assign + "httpContext.RequestAborted;");
                    return;
                case ParameterSource.BodyStream:
                    writer.WriteLine(assign + "httpContext.Request.Body;");
                    return;
                case ParameterSource.BodyPipeReader:
                    writer.WriteLine(assign + "httpContext.Request.BodyReader;");
                    return;
                case ParameterSource.BindAsync:
                    WriteBindAsync(parameter, name, target, assign);
                    return;
                case ParameterSource.Service:
                case ParameterSource.KeyedService:
                    writer.WriteLine(assign + ResolveService(parameter.ValueTypeName, parameter.IsRequired, parameter.ServiceKey) + ";");
                    return;
                case ParameterSource.Body:
                    WriteBody(parameter, name, target, declare);
                    return;
                case ParameterSource.BodyOrService:
                    WriteBodyOrService(parameter, name, target, declare);
                    return;
                default:
                    WriteValue(parameter, name, target, declare);
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

        // DataAnnotations rules found on the body type at compile time, run against the bound value.
        private void WriteValidation(ParameterModel parameter, string name, string target)
        {
            if (parameter.Validation.Count == 0 && !parameter.IsValidatableObject)
            {
                return;
            }

            var nullable = !parameter.IsRequired && !parameter.IsNullableValueType;
            if (nullable)
            {
                writer.OpenBlock($"if ({target} is not null)");
            }

            var value = parameter.IsNullableValueType ? target + ".Value" : target;
            var context = name + "_validation";
            writer.WriteLine($"var {context} = new global::System.ComponentModel.DataAnnotations.ValidationContext({value}!, {Literal(parameter.Key)}, null, null);");
            for (var i = 0; i < parameter.Validation.Count; i++)
            {
                var rule = parameter.Validation[i];
                var jsonName = rule.JsonName is null ? "null" : Literal(rule.JsonName);
                writer.WriteLine(
                    $"global::Resourceful.Runtime.ResourcefulValidation.Validate(ref bindingErrors, {context}, {RuleField(name, i)}, " +
                    $"{value}.{Identifier(rule.MemberName)}, {Literal(rule.MemberName)}, {jsonName}, {name}_typeInfo{(parameter.Source == ParameterSource.BodyOrService ? "!" : string.Empty)}.Options);");
            }

            if (parameter.IsValidatableObject)
            {
                var renamed = parameter.RenamedMembers.Count == 0
                    ? "global::System.Array.Empty<string>()"
                    : $"new[] {{ {string.Join(", ", parameter.RenamedMembers.Select(Literal))} }}";
                writer.WriteLine(
                    $"global::Resourceful.Runtime.ResourcefulValidation.ValidateObject(ref bindingErrors, {context}, {value}, {Literal(parameter.Key)}, {renamed}, " +
                    $"{name}_typeInfo{(parameter.Source == ParameterSource.BodyOrService ? "!" : string.Empty)}.Options);");
            }

            if (nullable)
            {
                writer.CloseBlock();
            }
        }

        private void WriteBodyOrService(ParameterModel parameter, string name, string target, bool declare)
        {
            // Decided at start-up: a type DI can resolve is a service, anything else is the JSON body.
            if (declare)
            {
                writer.WriteLine($"{parameter.TypeName} {target};");
            }

            writer.OpenBlock($"if ({name}_isService)");
            writer.WriteLine($"{target} = {ResolveService(parameter.ValueTypeName, parameter.IsRequired, null)};");
            writer.CloseBlock();
            writer.OpenBlock("else");
            var read = name + "_body";
            writer.WriteLine($"var {read} = await {Json}.ReadBodyAsync(httpContext, {name}_typeInfo!, {Literal(parameter.Key)}, {ReadOptions(parameter)});");
            writer.OpenBlock($"if (!{read}.Succeeded)");
            writer.WriteLine("return;");
            writer.CloseBlock();
            writer.WriteLine($"{target} = {read}.Value{(parameter.IsRequired ? "!" : string.Empty)};");
            WriteValidation(parameter, name, target);
            writer.CloseBlock();
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

        private void WriteValue(ParameterModel parameter, string name, string target, bool declare)
        {
            var source = parameter.Source switch
            {
                ParameterSource.Route => "route",
                ParameterSource.Header => "header",
                _ => "query",
            };
            var key = Literal(parameter.Key);
            var raw = name + "_raw";
            var parsed = name + "_parsed";

            writer.Separate();
            writer.WriteLine($"// {parameter.Name}: {source} value '{Comment(parameter.Key)}'{(parameter.IsRequired ? ", required" : string.Empty)}");
            if (declare)
            {
                var initial = parameter.IsRequired ? (parameter.IsReferenceType ? "default!" : "default") : parameter.IsArray && !parameter.IsNullable && parameter.DefaultValue is null
                    ? $"global::System.Array.Empty<{parameter.ValueTypeName}>()"
                    : parameter.DefaultValue ?? "default";
                writer.WriteLine($"{parameter.TypeName} {target} = {initial};");
            }

            if (parameter.IsArray)
            {
                var collection = parameter.Source == ParameterSource.Header ? "Headers" : "Query";
                writer.WriteLine($"var {raw} = httpContext.Request.{collection}[{key}];");
                writer.OpenBlock($"if ({raw}.Count > 0)");
                if (parameter.Parser == ValueParser.String)
                {
                    writer.WriteLine($"{target} = {Binding}.ToStringArray({raw});");
                }
                else
                {
                    var parseAll = parameter.Parser == ValueParser.Enum ? "TryParseAllEnums" : "TryParseAll";
                    writer.OpenBlock($"if ({Binding}.{parseAll}({raw}, out {parameter.ValueTypeName}[] {parsed}))");
                    writer.WriteLine($"{target} = {parsed};");
                    writer.CloseBlock();
                    writer.OpenBlock("else");
                    writer.WriteLine($"bindingErrors.AddInvalid({key}, {raw}.ToString(), {Literal(parameter.ValueTypeDisplay)});");
                    writer.CloseBlock();
                }

                writer.CloseBlock();
                return;
            }

            var fetch = parameter.Source switch
            {
                ParameterSource.Route => "GetRouteValue",
                ParameterSource.Header => "GetHeaderValue",
                _ => "GetQueryValue",
            };
            writer.WriteLine($"var {raw} = {Binding}.{fetch}(httpContext, {key});");

            if (parameter.Parser == ValueParser.String)
            {
                if (parameter.IsRequired)
                {
                    writer.OpenBlock($"if ({raw} is null)");
                    writer.WriteLine($"bindingErrors.AddMissing({key}, {Literal(source)});");
                    writer.CloseBlock();
                    writer.OpenBlock("else");
                }
                else
                {
                    writer.OpenBlock($"if ({raw} is not null)");
                }

                writer.WriteLine($"{target} = {raw};");
                writer.CloseBlock();
                return;
            }

            var tryParse = parameter.Parser switch
            {
                ValueParser.Enum => $"{Binding}.TryParseEnum({raw}, out {parameter.ValueTypeName} {parsed})",
                ValueParser.TryParseMethod => $"{parameter.ValueTypeName}.TryParse({raw}, out {parameter.ValueTypeName} {parsed})",
                _ => $"{Binding}.TryParse({raw}, out {parameter.ValueTypeName} {parsed})",
            };

            if (parameter.IsRequired)
            {
                writer.OpenBlock($"if (string.IsNullOrEmpty({raw}))");
                writer.WriteLine($"bindingErrors.AddMissing({key}, {Literal(source)});");
                writer.CloseBlock();
                writer.OpenBlock($"else if ({tryParse})");
            }
            else
            {
                writer.OpenBlock($"if (string.IsNullOrEmpty({raw}))");
                writer.WriteLine("// Optional: keeps its default.");
                writer.CloseBlock();
                writer.OpenBlock($"else if ({tryParse})");
            }

            writer.WriteLine($"{target} = {parsed};");
            writer.CloseBlock();
            writer.OpenBlock("else");
            writer.WriteLine($"bindingErrors.AddInvalid({key}, {raw}, {Literal(parameter.ValueTypeDisplay)});");
            writer.CloseBlock();
        }

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
