using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// Writes the OpenAPI 3.1 document of every resource in the assembly at compile time, and the
/// <c>MapResourcesOpenApi()</c> extension that serves it as a UTF-8 constant: no start-up work, no reflection,
/// and a document that CI can lint or feed to client generators without running the app.
/// </summary>
internal static partial class OpenApiEmitter
{
    public const string HintName = "Resourceful.OpenApi.g.cs";

    /// <summary>
    /// The constant that holds the document: the package's build task (<c>Resourceful.Build.ExtractOpenApiDocument</c>)
    /// reads it from the compiled assembly's metadata and writes <c>obj/…/resources.openapi.json</c>. Change these only
    /// together with that task.
    /// </summary>
    public const string DocumentNamespace = "Resourceful.Generated";
    public const string DocumentTypeName = "ResourcefulOpenApiDocument";
    public const string DocumentFieldName = "Json";

    private static readonly Regex ParameterDecoration = new(@"\{\*{0,2}([^:=?}]+)[^}]*\}", RegexOptions.CultureInvariant);

    /// <summary>
    /// Every resource's body type shapes as one list, each type once: resources in metadata-name order, each one's
    /// shapes in key order, the first of a key kept (one compilation gives one type one shape).
    /// </summary>
    public static EquatableArray<TypeShapeModel> MergeShapes(IEnumerable<(string MetadataName, EquatableArray<TypeShapeModel> Shapes)> resources)
    {
        var keys = new HashSet<string>(System.StringComparer.Ordinal);
        return resources
            .OrderBy(static r => r.MetadataName, System.StringComparer.Ordinal)
            .SelectMany(static r => r.Shapes)
            .Where(shape => keys.Add(shape.Key))
            .ToEquatableArray();
    }

    /// <param name="title">The document's title.</param>
    /// <param name="resources">Every resource of the assembly.</param>
    /// <param name="shapeList">Their body types' shapes.</param>
    /// <param name="mapNames">The resources whose <c>Map…</c> method is not <c>Map{ClassName}</c>: their operation ids follow it.</param>
    public static string Document(string title, IReadOnlyList<ResourceModel> resources, EquatableArray<TypeShapeModel> shapeList, EquatableArray<MapNameOverride> mapNames)
    {
        var shapes = shapeList.ToDictionary(static s => s.Key, System.StringComparer.Ordinal);
        var names = ComponentNames(shapeList);
        var json = new JsonWriter();
        json.StartObject();
        json.String("openapi", "3.1.1");
        json.StartObject("info").String("title", title).String("version", "1.0.0").EndObject();
        json.StartArray("servers").StartObject().String("url", "/").EndObject().EndArray();

        var operations = resources
            .SelectMany(r => r.Endpoints.Zip(OperationIds.Of(r, MapResourcesEmitter.MapMethodName(r, mapNames)), (e, id) => (Resource: r, Endpoint: e, Id: id)))

            // [ExcludeFromDescription] and [ApiExplorerSettings(IgnoreApi = true)] leave a handler out of AddOpenApi()'s
            // document; this one leaves it out too, so the two documents list the same operations.
            .Where(static o => !o.Endpoint.IsHidden)
            .GroupBy(static o => PathModel.KeyOf(o.Endpoint.Template))
            .Select(static g => (Path: OpenApiPath(g.First().Endpoint.Template), Names: RouteNames(g.First().Endpoint.Template), Operations: g.ToList()))
            .OrderBy(static g => g.Path, System.StringComparer.Ordinal);
        var operationIds = new HashSet<string>(System.StringComparer.Ordinal);

        json.StartObject("paths");
        foreach (var path in operations)
        {
            // Templates that differ only in parameter names are one path in OpenAPI (and in routing): the first names win.
            json.StartObject(path.Path);

            // OpenAPI 3.1 has no "query" field on a Path Item: QUERY operations go last, under the OpenAPI Initiative's
            // registered extension "x-oai-additionalOperations" (keyed by the method's name), which OpenAPI 3.2 names
            // "additionalOperations" and which AddOpenApi() writes for 3.0/3.1 documents too.
            var inExtension = false;
            foreach (var (resource, endpoint, id) in path.Operations.OrderBy(static o => MethodRank(o.Endpoint.HttpMethod)))
            {
                if (endpoint.HttpMethod == "QUERY" && !inExtension)
                {
                    json.StartObject(AdditionalOperations);
                    inExtension = true;
                }

                // Unique by construction (see OperationIds), except where a resource and handler name happen to
                // spell another pair's id (A_B.C and A.B_C): OpenAPI requires uniqueness, so number those.
                var operationId = id;
                for (var i = 2; !operationIds.Add(operationId); i++)
                {
                    operationId = id + i.ToString(CultureInfo.InvariantCulture);
                }

                var own = RouteNames(endpoint.Template);
                var rename = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < own.Count && i < path.Names.Count; i++)
                {
                    rename[own[i]] = path.Names[i];
                }

                WriteOperation(json, resource, endpoint, operationId, shapes, names, rename);
            }

            if (inExtension)
            {
                json.EndObject();
            }

            json.EndObject();
        }

        json.EndObject();

        json.StartObject("components").StartObject("schemas");
        foreach (var shape in shapes.Values.Where(static s => s.Kind is ShapeKind.Object or ShapeKind.Enum).OrderBy(s => names[s.Key], System.StringComparer.Ordinal))
        {
            json.StartObject(names[shape.Key]);
            WriteShapeBody(json, shape, shapes, names);
            json.EndObject();
        }

        if (resources.Any(static r => r.Endpoints.Any(static e => DocumentedResponses.Of(e).Any(DocumentedResponses.IsValidationProblem))))
        {
            json.StartObject("HttpValidationProblemDetails");
            json.String("type", "object");
            json.StartObject("properties");
            json.StartObject("type").String("type", "string").EndObject();
            json.StartObject("title").String("type", "string").EndObject();
            json.StartObject("status").String("type", "integer").String("format", "int32").EndObject();
            json.StartObject("detail").String("type", "string").EndObject();
            json.StartObject("instance").String("type", "string").EndObject();
            json.StartObject("errors").String("type", "object")
                .StartObject("additionalProperties").String("type", "array").StartObject("items").String("type", "string").EndObject().EndObject()
                .EndObject();
            json.EndObject();
            json.EndObject();
        }

        json.EndObject().EndObject();
        json.EndObject();
        return json.ToString();
    }

    // A handler parameter's C# default as JSON, for the simple cases: numbers, booleans, plain strings.
    private static string? JsonDefault(string? literal)
    {
        if (literal is null or "default")
        {
            return null;
        }

        if (literal is "true" or "false")
        {
            return literal;
        }

        if (literal.StartsWith("\"", System.StringComparison.Ordinal))
        {
            return literal.IndexOf('\\') < 0 ? literal : null;
        }

        var number = Regex.Replace(literal, @"^\((short|ushort|byte|sbyte)\)", string.Empty).TrimEnd('L', 'U', 'D', 'F', 'M');
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? number : null;
    }

    private static List<string> RouteNames(string template) =>
        ParameterDecoration.Matches(template).Cast<Match>().Select(static m => m.Groups[1].Value).ToList();

    /// <summary><c>/books/{id:int}</c> → <c>/books/{id}</c>: OpenAPI paths carry names, not constraints.</summary>
    public static string OpenApiPath(string template) => ParameterDecoration.Replace(template, "{$1}");

    private static void WriteOperation(
        JsonWriter json,
        ResourceModel resource,
        EndpointModel endpoint,
        string operationId,
        Dictionary<string, TypeShapeModel> shapes,
        Dictionary<string, string> names,
        Dictionary<string, string> routeNames)
    {
        json.StartObject(endpoint.HttpMethod == "QUERY" ? "QUERY" : endpoint.HttpMethod.ToLowerInvariant());
        json.String("operationId", operationId);
        json.String("summary", $"{resource.ClassName}.{endpoint.HandlerName}");
        json.StartArray("tags").StringValue(resource.ClassName).EndArray();

        var parameters = ParameterModels.Flatten(endpoint.Parameters)
            .Where(static p => p.Source is ParameterSource.Route or ParameterSource.Query or ParameterSource.Header or ParameterSource.Cookie)
            .ToList();
        if (parameters.Count > 0 || endpoint.SparseFields is not null)
        {
            json.StartArray("parameters");
            if (endpoint.SparseFields is { } fields)
            {
                WriteFieldsParameter(json, fields);
            }

            foreach (var parameter in parameters)
            {
                json.StartObject();
                json.String("name", parameter.Source == ParameterSource.Route && routeNames.TryGetValue(parameter.Key, out var pathName) ? pathName : parameter.Key);
                json.String("in", parameter.Source switch
                {
                    ParameterSource.Route => "path",
                    ParameterSource.Header => "header",
                    ParameterSource.Cookie => "cookie",
                    _ => "query",
                });
                json.Bool("required", parameter.Source == ParameterSource.Route || parameter.IsRequired);
                json.StartObject("schema");
                if (parameter.IsArray)
                {
                    json.String("type", "array").StartObject("items");
                    WriteValueSchema(json, parameter, shapes, names);
                    json.EndObject();
                }
                else
                {
                    WriteValueSchema(json, parameter, shapes, names);
                    if (JsonDefault(parameter.DefaultValue) is { } defaultValue)
                    {
                        json.Raw("default", defaultValue);
                    }
                }

                json.EndObject();
                json.EndObject();
            }

            json.EndArray();
        }

        if (ParameterModels.Flatten(endpoint.Parameters).Any(static p => p.Source is ParameterSource.BodyStream or ParameterSource.BodyPipeReader))
        {
            // A raw body: any bytes, read by the handler itself.
            json.StartObject("requestBody");
            json.Bool("required", true);
            json.StartObject("content").StartObject("application/octet-stream").StartObject("schema");
            json.String("type", "string").String("format", "binary");
            json.EndObject().EndObject().EndObject();
            json.EndObject();
        }

        if (ParameterModels.ReadsForm(endpoint))
        {
            WriteFormBody(json, endpoint, shapes, names);
        }

        var body = ParameterModels.Flatten(endpoint.Parameters).FirstOrDefault(static p => p.Source is ParameterSource.Body or ParameterSource.BodyOrService);
        if (body is not null)
        {
            json.StartObject("requestBody");
            json.Bool("required", body.IsRequired);
            json.StartObject("content").StartObject("application/json").StartObject("schema");
            WriteReference(json, body.TypeOf, shapes, names);
            json.EndObject().EndObject().EndObject();
            json.EndObject();
        }

        json.StartObject("responses");
        foreach (var response in DocumentedResponses.Of(endpoint))
        {
            json.StartObject(response.StatusCode.ToString(CultureInfo.InvariantCulture));
            json.String("description", Reason(response.StatusCode));
            if (response.BodyTypeOf is { } bodyType)
            {
                var isProblem = DocumentedResponses.IsValidationProblem(response);
                var contentType = isProblem ? "application/problem+json" : response.ContentType ?? "application/json";
                json.StartObject("content").StartObject(contentType).StartObject("schema");
                if (isProblem)
                {
                    json.String("$ref", "#/components/schemas/HttpValidationProblemDetails");
                }
                else if (response.ContentType == ResponseModel.Text)
                {
                    json.String("type", "string");
                }
                else if (response.IsNullable)
                {
                    // JSON Schema 2020-12: a body that may be null is "this schema or null".
                    json.StartArray("anyOf");
                    json.StartObject();
                    WriteReference(json, bodyType, shapes, names);
                    json.EndObject();
                    json.StartObject().String("type", "null").EndObject();
                    json.EndArray();
                }
                else
                {
                    WriteReference(json, bodyType, shapes, names);
                }

                json.EndObject().EndObject().EndObject();
            }

            json.EndObject();
        }

        // A plain IResult declares nothing; like ASP.NET Core's explorer, assume 200. A union that also holds a
        // result with a run-time status says so with "default".
        if (endpoint.Result.Responses.Count == 0)
        {
            json.StartObject("200").String("description", "Decided at run time by the handler's result.").EndObject();
        }
        else if (endpoint.Result.IsOpen)
        {
            json.StartObject("default").String("description", "Decided at run time by the handler's result.").EndObject();
        }

        json.EndObject();
        json.EndObject();
    }

    private static void WriteValueSchema(JsonWriter json, ParameterModel parameter, Dictionary<string, TypeShapeModel> shapes, Dictionary<string, string> names)
    {
        if (parameter.Parser == ValueParser.Enum && shapes.ContainsKey(parameter.TypeOf))
        {
            WriteReference(json, parameter.TypeOf, shapes, names);
            return;
        }

        var (type, format) = PrimitiveSchema(parameter.ValueTypeName);
        json.String("type", type);
        if (format is not null)
        {
            json.String("format", format);
        }
    }

    internal static (string Type, string? Format) PrimitiveSchema(string typeName) => typeName switch
    {
        "int" or "short" or "byte" or "sbyte" or "ushort" or "uint" => ("integer", "int32"),
        "long" or "ulong" => ("integer", "int64"),
        "float" => ("number", "float"),
        "double" => ("number", "double"),
        "decimal" => ("number", "decimal"),
        "bool" => ("boolean", null),
        "global::System.Guid" => ("string", "uuid"),
        "global::System.DateTime" or "global::System.DateTimeOffset" => ("string", "date-time"),
        "global::System.DateOnly" => ("string", "date"),
        "global::System.TimeOnly" => ("string", "time"),
        _ => ("string", null),
    };

    private static void WriteReference(JsonWriter json, string key, Dictionary<string, TypeShapeModel> shapes, Dictionary<string, string> names)
    {
        if (!shapes.TryGetValue(key, out var shape))
        {
            return;
        }

        if (shape.Kind is ShapeKind.Object or ShapeKind.Enum)
        {
            json.String("$ref", "#/components/schemas/" + names[key]);
            return;
        }

        WriteShapeBody(json, shape, shapes, names);
    }

    private static void WriteShapeBody(JsonWriter json, TypeShapeModel shape, Dictionary<string, TypeShapeModel> shapes, Dictionary<string, string> names)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Object:
                json.String("type", "object");
                json.StartObject("properties");
                foreach (var property in shape.Properties)
                {
                    json.StartObject(property.JsonName);
                    WriteProperty(json, property, shapes, names);
                    json.EndObject();
                }

                json.EndObject();
                var required = shape.Properties.Where(static p => p.IsRequired).ToList();
                if (required.Count > 0)
                {
                    json.StartArray("required");
                    foreach (var property in required)
                    {
                        json.StringValue(property.JsonName);
                    }

                    json.EndArray();
                }

                break;
            case ShapeKind.Enum:
                json.String("type", shape.EnumAsStrings ? "string" : "integer");
                json.StartArray("enum");
                foreach (var value in shape.EnumValues)
                {
                    json.Raw(null, value);
                }

                json.EndArray();
                break;
            case ShapeKind.Array:
                json.String("type", "array");
                json.StartObject("items");
                WriteReference(json, shape.ElementKey ?? string.Empty, shapes, names);
                json.EndObject();
                break;
            case ShapeKind.Dictionary:
                json.String("type", "object");
                json.StartObject("additionalProperties");
                WriteReference(json, shape.ElementKey ?? string.Empty, shapes, names);
                json.EndObject();
                break;
            case ShapeKind.Any:
                break;
            default:
                json.String("type", shape.Kind.ToString().ToLowerInvariant());
                if (shape.Format is not null)
                {
                    json.String("format", shape.Format);
                }

                break;
        }
    }

    private static void WriteProperty(JsonWriter json, PropertyShapeModel property, Dictionary<string, TypeShapeModel> shapes, Dictionary<string, string> names)
    {
        shapes.TryGetValue(property.TypeKey, out var shape);
        var isNamed = shape is { Kind: ShapeKind.Object or ShapeKind.Enum };
        var isSimple = shape is { Kind: ShapeKind.String or ShapeKind.Integer or ShapeKind.Number or ShapeKind.Boolean };
        if (property.IsNullable && isNamed)
        {
            // JSON Schema 2020-12: a nullable reference is "this schema or null".
            json.StartArray("anyOf");
            json.StartObject().String("$ref", "#/components/schemas/" + names[property.TypeKey]).EndObject();
            json.StartObject().String("type", "null").EndObject();
            json.EndArray();
            return;
        }

        if (property.IsNullable && isSimple)
        {
            json.Raw("type", $"[{JsonWriter.Quote(shape!.Kind.ToString().ToLowerInvariant())}, \"null\"]");
            if (shape.Format is not null)
            {
                json.String("format", shape.Format);
            }
        }
        else
        {
            WriteReference(json, property.TypeKey, shapes, names);
        }

        if (!isNamed)
        {
            foreach (var constraint in property.Constraints)
            {
                json.Raw(constraint.Keyword, constraint.JsonValue);
            }
        }
    }

    private static Dictionary<string, string> ComponentNames(IEnumerable<TypeShapeModel> shapes)
    {
        var names = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var shape in shapes.OrderBy(static s => s.Key, System.StringComparer.Ordinal))
        {
            var name = shape.Name;
            for (var i = 2; !used.Add(name); i++)
            {
                name = shape.Name + i.ToString(CultureInfo.InvariantCulture);
            }

            names[shape.Key] = name;
        }

        return names;
    }

    /// <summary>The Path Item extension that holds operations of methods OpenAPI 3.1 has no field for (QUERY).</summary>
    public const string AdditionalOperations = "x-oai-additionalOperations";

    // QUERY last: it is written inside AdditionalOperations, after the Path Item's own fields.
    private static int MethodRank(string method) => method switch
    {
        "GET" => 0,
        "POST" => 1,
        "PUT" => 2,
        "PATCH" => 3,
        "DELETE" => 4,
        "QUERY" => 6,
        _ => 5,
    };

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        412 => "Precondition Failed",
        422 => "Unprocessable Content",
        428 => "Precondition Required",
        500 => "Internal Server Error",
        _ => "Status " + status.ToString(CultureInfo.InvariantCulture),
    };

    private static int LongestQuoteRun(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            current = c == '"' ? current + 1 : 0;
            longest = System.Math.Max(longest, current);
        }

        return longest;
    }

    /// <summary>
    /// <c>?fields=</c> of a <c>[SparseFieldsets]</c> handler: a comma-separated list (<c>style: form</c>,
    /// <c>explode: false</c>) whose items are the representation's JSON names under the default naming policy.
    /// </summary>
    private static void WriteFieldsParameter(JsonWriter json, SparseFieldsModel fields)
    {
        json.StartObject();
        json.String("name", "fields");
        json.String("in", "query");
        json.String("description", FieldsDescription(fields.Fields.Select(static f => f.JsonName)));
        json.Bool("required", false);
        json.String("style", "form");
        json.Bool("explode", false);
        json.StartObject("schema");
        json.String("type", "array");
        json.StartObject("items");
        json.String("type", "string");
        json.StartArray("enum");
        foreach (var field in fields.Fields)
        {
            json.StringValue(field.JsonName);
        }

        json.EndArray();
        json.EndObject();
        json.EndObject();
        json.EndObject();
    }

    /// <summary>The description the runtime's API description gives <c>fields</c> too (<c>SparseFields.Description</c>).</summary>
    internal static string FieldsDescription(IEnumerable<string> names) =>
        "Comma-separated names of the members to return (of each element, for a list); absent or empty returns them all. One of: "
        + string.Join(", ", names) + ".";
}
