using System.Collections.Generic;
using System.Linq;
using Resourceful.Generators.Model;

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
}
