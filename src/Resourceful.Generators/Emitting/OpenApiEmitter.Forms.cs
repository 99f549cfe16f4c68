using System.Collections.Generic;
using System.Linq;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>The compile-time OpenAPI document's form bodies.</summary>
internal static partial class OpenApiEmitter
{
    /// <summary>
    /// A form body: an object whose properties are the form's fields (their value schemas) and files (binary
    /// strings), as <c>multipart/form-data</c>, and also as <c>application/x-www-form-urlencoded</c> when it has no file.
    /// </summary>
    private static void WriteFormBody(JsonWriter json, EndpointModel endpoint, Dictionary<string, TypeShapeModel> shapes, Dictionary<string, string> names)
    {
        var fields = ParameterModels.Flatten(endpoint.Parameters)
            .Where(static p => p.Source is ParameterSource.Form or ParameterSource.FormFile)
            .GroupBy(static p => p.Key, System.StringComparer.OrdinalIgnoreCase)
            .Select(static g => g.First())
            .ToList();
        json.StartObject("requestBody");
        json.Bool("required", true);
        json.StartObject("content");
        var mediaTypes = ParameterModels.ReadsFiles(endpoint)
            ? new[] { "multipart/form-data" }
            : new[] { "multipart/form-data", "application/x-www-form-urlencoded" };
        foreach (var mediaType in mediaTypes)
        {
            json.StartObject(mediaType).StartObject("schema");
            json.String("type", "object");
            if (fields.Count > 0)
            {
                json.StartObject("properties");
                foreach (var field in fields)
                {
                    json.StartObject(field.Key);
                    if (field.Source == ParameterSource.FormFile)
                    {
                        json.String("type", "string").String("format", "binary");
                    }
                    else if (field.IsArray)
                    {
                        json.String("type", "array").StartObject("items");
                        WriteValueSchema(json, field, shapes, names);
                        json.EndObject();
                    }
                    else
                    {
                        WriteValueSchema(json, field, shapes, names);
                    }

                    json.EndObject();
                }

                json.EndObject();
                var required = fields.Where(static f => f.IsRequired).Select(static f => f.Key).Distinct().ToList();
                if (required.Count > 0)
                {
                    json.StartArray("required");
                    foreach (var key in required)
                    {
                        json.StringValue(key);
                    }

                    json.EndArray();
                }
            }

            json.EndObject().EndObject();
        }

        json.EndObject();
        json.EndObject();
    }
}
