using System.Collections.Generic;
using System.Linq;
using Resourceful.Generators.Model;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Emitting;

/// <summary>Mapping: <c>Map{Resource}()</c> and the endpoints class that maps every handler, path and old URI with its metadata.</summary>
internal static partial class ResourceEmitter
{
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

    private static void WriteEndpointsClass(SourceWriter writer, ResourceModel resource, string endpointsClass, string mapMethodName, ProjectSwitches switches)
    {
        var operationIds = OperationIds.Of(resource, mapMethodName);

        // A resource's own switch can only turn off what the project leaves on.
        var automaticHead = resource.AutomaticHead && switches.AutomaticHead;
        var automaticOptions = resource.AutomaticOptions && switches.AutomaticOptions;

        // Every path keeps its endpoint, which answers the methods no handler takes with a 405 problem; with automatic
        // OPTIONS off, OPTIONS is one of those methods and is not in Allow.
        var paths = PathModel.Group(resource.Endpoints, automaticHead, automaticOptions, automaticOptions && switches.OptionsDescription);
        var resultWriters = ResultWriters(resource);
        writer.OpenBlock("namespace Resourceful.Generated");
        writer.WriteLine($"/// <summary>The request delegates of <see cref=\"{Xml(resource.FullyQualifiedName)}\"/>.</summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock($"file static class {endpointsClass}");

        writer.OpenBlock("public static global::Resourceful.ResourceConventionBuilder Map(global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)");
        if (resource.Constructor is { } constructor && resource.Endpoints.Count > 0 && constructor.Parameters.Any(static s => s.IsRequired))
        {
            // Every handler creates the resource from these services: a missing one fails here, not on each request.
            writer.WriteLine("var services = endpoints.ServiceProvider;");
            writer.WriteLine($"const string constructor = {Literal(resource.MetadataName.Replace('+', '.') + " (constructor)")};");
            foreach (var service in constructor.Parameters.Where(static s => s.IsRequired))
            {
                WriteRequireService(writer, service.TypeName, service.KeyLiteral, consumer: null, service.Name);
            }
        }

        // The tables: routing and the API explorer read them once, here; requests never do.
        writer.WriteLine(
            $"return global::Resourceful.Runtime.ResourcefulEndpoints.MapResource(endpoints, typeof({resource.FullyQualifiedName}), " +
            $"{Literal(resource.MetadataName.Replace('+', '.'))}, {Literal(resource.ClassName)},");
        writer.Indent();
        writer.WriteLine(resource.Endpoints.Count == 0 ? "handlers: []," : "handlers:");
        if (resource.Endpoints.Count > 0)
        {
            writer.OpenList();
            for (var i = 0; i < resource.Endpoints.Count; i++)
            {
                var operationId = operationIds[i] == OperationIds.Default(resource, resource.Endpoints[i]) ? null : operationIds[i];
                WriteHandlerRow(writer, resource.Endpoints[i], CreateMethodName(resource, i), operationId, automaticHead);
            }

            writer.CloseList(",");
        }

        writer.WriteLine(paths.Count == 0 ? "paths: []," : "paths:");
        if (paths.Count > 0)
        {
            // Each path answers OPTIONS itself, with an Allow list and a description written at compile time (405 is routing's).
            writer.OpenList();
            foreach (var path in paths)
            {
                writer.WriteLine($"new({Literal(path.Template)}, {Literal(path.Key)}, {Literal(path.Allow)},");
                writer.WriteLine(path.AcceptQuery is null
                    ? $"    {JsonLiteral(path.Description)}),"
                    : $"    {JsonLiteral(path.Description)}) {{ AcceptQuery = {Literal(path.AcceptQuery)} }},");
            }

            writer.CloseList(",");
        }

        if (resource.MovedRoutes.Count == 0)
        {
            writer.WriteLine("movedRoutes: []);");
        }
        else
        {
            writer.WriteLine("movedRoutes:");
            writer.OpenList();
            for (var i = 0; i < resource.MovedRoutes.Count; i++)
            {
                var moved = resource.MovedRoutes[i];
                var pattern = moved.IncludesSubPaths
                    ? moved.OldTemplate.TrimEnd('/') + "/{**" + "resourcefulMovedRest}"
                    : moved.OldTemplate;
                writer.WriteLine($"new({Literal(pattern)}, RedirectMoved{i}, {Literal($"{moved.OldTemplate} => {moved.NewTemplate} (moved)")}),");
            }

            writer.CloseList(");");
        }

        writer.Unindent();
        writer.CloseBlock();

        if (resource.Endpoints.Any(static e => !e.IsStatic))
        {
            writer.WriteLine();
            WriteNewResource(writer, resource);
        }

        for (var i = 0; i < resource.Endpoints.Count; i++)
        {
            writer.WriteLine();
            new HandlerWriter(writer, resource, resource.Endpoints[i], CreateMethodName(resource, i), resultWriters).Write();
            WriteCacheHeadersMethod(writer, resource.Endpoints[i], CreateMethodName(resource, i));
        }

        WriteFieldsWriters(writer, resource);

        foreach (var resultWriter in resultWriters.Values.OrderBy(static w => w.Name, System.StringComparer.Ordinal))
        {
            writer.WriteLine();
            WriteResultWriter(writer, resultWriter);
        }

        if (resource.Endpoints.Any(static e => e.Result.Kind == ResultKind.HttpResult && e.Result.TypedResults.Count > 0))
        {
            writer.WriteLine();
            WriteNullResult(writer, resource);
        }

        for (var i = 0; i < resource.MovedRoutes.Count; i++)
        {
            writer.WriteLine();
            WriteRedirect(writer, resource.MovedRoutes[i], i);
        }

        WriteValidators(writer, resource);

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>
    /// One row of the handler table: the handler's method, template and name, its request delegate's factory, and
    /// what the API explorer (and so <c>AddOpenApi()</c>) reads about it, from the compile-time model. The endpoint's
    /// name (its operation id) is written only where it is not the runtime's default, <c>{ClassName}_{Handler}</c>.
    /// </summary>
    private static void WriteHandlerRow(SourceWriter writer, EndpointModel endpoint, string createName, string? operationId, bool automaticHead)
    {
        writer.WriteLine($"new({Literal(endpoint.HttpMethod)}, {Literal(endpoint.Template)}, {Literal(endpoint.HandlerName)}, {createName})");
        writer.OpenBlock();
        if (operationId is not null)
        {
            writer.WriteLine($"OperationId = {Literal(operationId)},");
        }

        if (!automaticHead && endpoint.HttpMethod == "GET")
        {
            writer.WriteLine("AutomaticHead = false,");
        }

        if (ProducedMediaType(endpoint.Result) is { } mediaType)
        {
            writer.WriteLine($"Produces = {Literal(mediaType)},");
        }

        if (ParameterModels.ReadsForm(endpoint))
        {
            writer.WriteLine(ParameterModels.ReadsFiles(endpoint)
                ? "Accepts = [\"multipart/form-data\"],"
                : "Accepts = [\"multipart/form-data\", \"application/x-www-form-urlencoded\"],");
        }

        if (endpoint.MaxBodySize > 0)
        {
            writer.WriteLine($"MaxBodySize = {endpoint.MaxBodySize.ToString(System.Globalization.CultureInfo.InvariantCulture)},");
        }

        WriteList(writer, "Metadata", endpoint.Metadata);
        WriteList(writer, "Responses", ApiResponses(endpoint));
        WriteList(writer, "ParameterTypes", endpoint.Parameters.Select(static p => $"typeof({p.ParameterTypeOf})"));
        WriteList(writer, "Parameters", ParameterDescriptions(endpoint));
        if (endpoint.SparseFields is { } fields)
        {
            writer.WriteLine($"SparseFields = new([{string.Join(", ", fields.Fields.Select(static f => Literal(f.MemberName)))}], [{string.Join(", ", fields.Fields.Select(static f => LiteralOrNull(f.ExplicitName)))}]),");
        }

        writer.CloseBlock(",");
    }

    private static void WriteList(SourceWriter writer, string property, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            writer.WriteLine($"{property} = [{string.Join(", ", list)}],");
        }
    }

    /// <summary>
    /// Every response the result type declares, and the validation problem the generated code answers itself
    /// (<c>ResourcefulResponse</c>: the status, the body's type, its media type when not JSON).
    /// </summary>
    private static IEnumerable<string> ApiResponses(EndpointModel endpoint)
    {
        // A plain IResult declares nothing; the API explorer would assume 200, but only while no other response
        // metadata exists, so say it explicitly next to the implicit 400.
        if (endpoint.Result.Responses.Count == 0)
        {
            yield return "new(200)";
        }

        foreach (var response in DocumentedResponses.Of(endpoint))
        {
            var status = response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (response.BodyTypeOf is null)
            {
                // No type says "no body" (typeof(void)), as the typed results' own metadata does.
                yield return $"new({status})";
                continue;
            }

            if (response.BodyTypeOf == DocumentedResponses.ValidationProblemType)
            {
                yield return $"new({status}, validationProblem: true)";
                continue;
            }

            // JSON unless said otherwise (see ResourcefulResponse).
            var contentType = DocumentedResponses.IsValidationProblem(response) ? ", \"application/problem+json\""
                : response.ContentType is { } mediaType
                ? ", " + Literal(mediaType)
                : string.Empty;
            yield return $"new({status}, typeof({response.BodyTypeOf}){contentType})";
        }

        // No AcceptsMetadata for the JSON body: routing would then reject other content types itself, before the
        // handler can answer 415 with Accept-Post. The API explorer finds the body through the parameter metadata.
    }

    /// <summary>
    /// One <c>ResourcefulApiParameter</c> per value the API explorer should see: each handler parameter, and each
    /// member of an <c>[AsParameters]</c> type in its place, as minimal APIs describe them.
    /// </summary>
    private static IEnumerable<string> ParameterDescriptions(EndpointModel endpoint)
    {
        for (var i = 0; i < endpoint.Parameters.Count; i++)
        {
            var parameter = endpoint.Parameters[i];
            if (!Explorable(parameter))
            {
                continue;
            }

            if (parameter.AsParameters is not { } members || parameter.Source == ParameterSource.FormObject)
            {
                // A [FromForm] type is one parameter to the API explorer, which reads its members itself.
                yield return $"new({i.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {Literal(parameter.Key)}, {Flags(parameter)})";
                continue;
            }

            for (var m = 0; m < members.ConstructorMembers.Count; m++)
            {
                var member = members.ConstructorMembers[m];
                if (!Explorable(member))
                {
                    continue;
                }

                yield return $"new(typeof({parameter.ParameterTypeOf}), {m.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {Literal(member.Key)}, {Flags(member)})";
            }

            foreach (var member in members.PropertyMembers.Where(Explorable))
            {
                yield return $"new(typeof({parameter.ParameterTypeOf}), {Literal(member.Name)}, {Literal(member.Key)}, {Flags(member)})";
            }
        }

        // The API explorer knows neither cookies nor sessions: it would call a cookie a query value and an ISession the
        // JSON body. Left out, AddOpenApi() documents neither (the compile-time document has the cookie, "in": "cookie").
        static bool Explorable(ParameterModel parameter) => parameter.Source is not (ParameterSource.Cookie or ParameterSource.Session);

        // (…, hasTryParse, isOptional), as IParameterBindingMetadata has them.
        static string Flags(ParameterModel parameter) =>
            $"{(parameter.Parser != ValueParser.None ? "true" : "false")}, {(parameter.IsRequired ? "false" : "true")}";
    }

    /// <summary>
    /// Compact JSON as a one-line raw string literal (<c>"""{"method":"GET"}"""</c>), which needs no escaped quotes;
    /// an ordinary literal when the text could end the raw one early or holds a control character.
    /// </summary>
    private static string JsonLiteral(string json) =>
        json.Length > 0 && json[0] != '"' && json[json.Length - 1] != '"' && json.IndexOf("\"\"\"", System.StringComparison.Ordinal) < 0 && !json.Any(char.IsControl)
            && !json.Any(static c => c is '\u0085' or '\u2028' or '\u2029')
            ? "\"\"\"" + json + "\"\"\""
            : Literal(json);
}
