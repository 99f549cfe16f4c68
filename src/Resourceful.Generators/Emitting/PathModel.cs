using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// One path of a resource and everything that answers on it: the <c>Allow</c> list and this resource's part of the
/// compact JSON description that <c>OPTIONS</c> returns. Both are constants, computed here once per build; the
/// runtime merges them with those of other resources on the same path (same <see cref="Key"/>).
/// </summary>
internal sealed class PathModel(string template, string key, string allow, string description)
{
    private static readonly string[] MethodOrder = ["GET", "HEAD", "QUERY", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    // Routing matches "/books/{id:int}" and "/books/{bookId:int}" alike, so a path is its template without names.
    private static readonly Regex ParameterName = new(@"\{(\*{0,2})[^:=?}]*", RegexOptions.CultureInvariant);

    public string Template { get; } = template;

    public string Key { get; } = key;

    public string Allow { get; } = allow;

    public string Description { get; } = description;

    /// <summary>
    /// The media types the path's <c>QUERY</c> handlers accept, comma-separated, for the <c>Accept-Query</c> field of
    /// <c>OPTIONS</c> (RFC 10008 §3); <see langword="null"/> when the path has no <c>QUERY</c> handler with a body.
    /// </summary>
    public string? AcceptQuery { get; private set; }

    /// <param name="endpoints">The resource's handlers.</param>
    /// <param name="automaticHead">Whether a path with <c>GET</c> answers <c>HEAD</c> (and lists it in <c>Allow</c>).</param>
    /// <param name="describe">Whether <c>OPTIONS</c> answers the JSON description (<c>ResourcefulOptionsDescription</c>).</param>
    public static List<PathModel> Group(EquatableArray<EndpointModel> endpoints, bool automaticHead, bool automaticOptions, bool describe)
    {
        var groups = new List<(string Key, List<EndpointModel> Endpoints)>();
        foreach (var endpoint in endpoints)
        {
            var key = KeyOf(endpoint.Template);
            var group = groups.FirstOrDefault(g => g.Key == key);
            if (group.Endpoints is null)
            {
                groups.Add((key, new List<EndpointModel> { endpoint }));
            }
            else
            {
                group.Endpoints.Add(endpoint);
            }
        }

        return groups.Select(g => Create(g.Key, g.Endpoints, automaticHead, automaticOptions, describe)).ToList();
    }

    /// <summary>The template without parameter names, lower case: what routing cannot tell apart.</summary>
    public static string KeyOf(string template) => ParameterName.Replace(template, "{$1").ToLowerInvariant();

    private static PathModel Create(string key, List<EndpointModel> endpoints, bool automaticHead, bool automaticOptions, bool describe)
    {
        var methods = new HashSet<string>();
        if (automaticOptions)
        {
            methods.Add("OPTIONS");
        }

        foreach (var endpoint in endpoints)
        {
            methods.Add(endpoint.HttpMethod);
            if (endpoint.HttpMethod == "GET" && automaticHead)
            {
                methods.Add("HEAD");
            }
        }

        var allow = MethodOrder.Where(methods.Contains).ToList();
        var template = endpoints[0].Template;
        var acceptQuery = endpoints.Where(static e => e.HttpMethod == "QUERY").Select(AcceptedMediaType).Where(static m => m is not null).Distinct().ToList();
        return new PathModel(template, key, string.Join(", ", allow), describe ? Describe(endpoints) : string.Empty)
        {
            AcceptQuery = acceptQuery.Count == 0 ? null : string.Join(", ", acceptQuery),
        };
    }

    /// <summary>
    /// The items of the description's "methods" array; the runtime wraps them with the path and its Allow list. Only
    /// what a client sees on the wire: methods, values by the names the client sends, media types, status codes and
    /// JSON Schema types. Never a C# name (handler, parameter of a body, type), and nothing the app hides from API
    /// descriptions: the description answers anonymously.
    /// </summary>
    private static string Describe(List<EndpointModel> endpoints)
    {
        var json = new StringBuilder();
        var first = true;
        foreach (var endpoint in endpoints.Where(static e => !e.IsHidden).OrderBy(static e => System.Array.IndexOf(MethodOrder, e.HttpMethod)))
        {
            json.Append(first ? string.Empty : ",");
            first = false;
            json.Append("{\"method\":").Append(Json(endpoint.HttpMethod));
            json.Append(",\"parameters\":[");
            var firstParameter = true;
            string? body = null;
            foreach (var parameter in ParameterModels.Flatten(endpoint.Parameters))
            {
                switch (parameter.Source)
                {
                    case ParameterSource.Route or ParameterSource.Query or ParameterSource.Header or ParameterSource.Cookie:
                        json.Append(firstParameter ? string.Empty : ",");
                        firstParameter = false;
                        AppendValue(json, parameter);
                        break;
                    case ParameterSource.Body or ParameterSource.BodyOrService:
                        body = Body("application/json", parameter.BodyJsonType, parameter.IsRequired);
                        break;
                    case ParameterSource.BodyStream or ParameterSource.BodyPipeReader:
                        body = Body("*/*", null, required: true);
                        break;
                    case ParameterSource.Form or ParameterSource.FormFile:
                        // A form's fields and files are named values, like the query's; the form is the body.
                        json.Append(firstParameter ? string.Empty : ",");
                        firstParameter = false;
                        AppendValue(json, parameter);
                        body = FormBody(endpoint);
                        break;
                    case ParameterSource.FormFiles or ParameterSource.FormCollection:
                        body = FormBody(endpoint);
                        break;
                }
            }

            json.Append(']');
            if (body is not null)
            {
                json.Append(",\"body\":").Append(body);
            }

            json.Append(",\"responses\":[");
            json.Append(string.Join(",", endpoint.Result.Responses.Select(static r => r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            json.Append(']');
            if (endpoint.Result.IsOpen)
            {
                json.Append(",\"otherResponses\":true");
            }

            if (ResourceEmitter.ProducedMediaType(endpoint.Result) is { } produces)
            {
                json.Append(",\"produces\":").Append(Json(produces));
            }

            json.Append('}');
        }

        return json.ToString();
    }

    /// <summary>The media type a handler's body must have: JSON, anything for a raw stream, <see langword="null"/> without a body.</summary>
    private static string? AcceptedMediaType(EndpointModel endpoint)
    {
        foreach (var parameter in ParameterModels.Flatten(endpoint.Parameters))
        {
            switch (parameter.Source)
            {
                case ParameterSource.Body or ParameterSource.BodyOrService:
                    return "application/json";
                case ParameterSource.BodyStream or ParameterSource.BodyPipeReader:
                    return "*/*";
            }
        }

        return null;
    }

    private static void AppendValue(StringBuilder json, ParameterModel parameter)
    {
        var location = parameter.Source switch
        {
            ParameterSource.Route => "route",
            ParameterSource.Query => "query",
            ParameterSource.Cookie => "cookie",
            ParameterSource.Form or ParameterSource.FormFile => "form",
            _ => "header",
        };
        if (parameter.Source == ParameterSource.FormFile)
        {
            json.Append("{\"name\":").Append(Json(parameter.Key)).Append(",\"in\":\"form\",\"type\":\"file\",\"required\":").Append(parameter.IsRequired ? "true" : "false").Append('}');
            return;
        }

        // Enums are parsed from their names; anything else the OpenAPI document would call a string is one here too.
        var (type, _) = parameter.Parser == ValueParser.Enum ? ("string", null) : OpenApiEmitter.PrimitiveSchema(parameter.ValueTypeName);
        json.Append("{\"name\":").Append(Json(parameter.Key));
        json.Append(",\"in\":").Append(Json(location));
        if (parameter.IsArray)
        {
            json.Append(",\"type\":\"array\",\"items\":{\"type\":").Append(Json(type)).Append('}');
        }
        else
        {
            json.Append(",\"type\":").Append(Json(type));
        }

        json.Append(",\"required\":").Append(parameter.IsRequired ? "true" : "false");
        json.Append('}');
    }

    // A form with a file can only be multipart; one without is either, and urlencoded is what a plain HTML form sends.
    private static string FormBody(EndpointModel endpoint) =>
        Body(ParameterModels.ReadsFiles(endpoint) ? "multipart/form-data" : "application/x-www-form-urlencoded", "object", required: true);

    private static string Body(string mediaType, string? type, bool required) =>
        "{\"mediaType\":" + Json(mediaType)
        + (type is null ? string.Empty : ",\"type\":" + Json(type))
        + ",\"required\":" + (required ? "true" : "false") + "}";

    private static string Json(string value) => Parsing.ShapeParser.Json(value);
}
