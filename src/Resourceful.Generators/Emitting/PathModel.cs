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
    private static readonly string[] MethodOrder = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    // Routing matches "/books/{id:int}" and "/books/{bookId:int}" alike, so a path is its template without names.
    private static readonly Regex ParameterName = new(@"\{(\*{0,2})[^:=?}]*", RegexOptions.CultureInvariant);

    public string Template { get; } = template;

    public string Key { get; } = key;

    public string Allow { get; } = allow;

    public string Description { get; } = description;

    public static List<PathModel> Group(EquatableArray<EndpointModel> endpoints)
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

        return groups.Select(static g => Create(g.Key, g.Endpoints)).ToList();
    }

    /// <summary>The template without parameter names, lower case: what routing cannot tell apart.</summary>
    public static string KeyOf(string template) => ParameterName.Replace(template, "{$1").ToLowerInvariant();

    private static PathModel Create(string key, List<EndpointModel> endpoints)
    {
        var methods = new HashSet<string> { "OPTIONS" };
        foreach (var endpoint in endpoints)
        {
            methods.Add(endpoint.HttpMethod);
            if (endpoint.HttpMethod == "GET")
            {
                methods.Add("HEAD");
            }
        }

        var allow = MethodOrder.Where(methods.Contains).ToList();
        var template = endpoints[0].Template;
        return new PathModel(template, key, string.Join(", ", allow), Describe(endpoints));
    }

    // The items of the description's "methods" array; the runtime wraps them with the path and its Allow list.
    private static string Describe(List<EndpointModel> endpoints)
    {
        var json = new StringBuilder();
        var first = true;
        foreach (var endpoint in endpoints.OrderBy(static e => System.Array.IndexOf(MethodOrder, e.HttpMethod)))
        {
            json.Append(first ? string.Empty : ",");
            first = false;
            json.Append("{\"method\":").Append(Json(endpoint.HttpMethod));
            json.Append(",\"handler\":").Append(Json(endpoint.HandlerName));
            json.Append(",\"parameters\":[");
            var firstParameter = true;
            foreach (var parameter in ParameterModels.Flatten(endpoint.Parameters))
            {
                var location = parameter.Source switch
                {
                    ParameterSource.Route => "route",
                    ParameterSource.Query => "query",
                    ParameterSource.Header => "header",
                    ParameterSource.Body or ParameterSource.BodyOrService or ParameterSource.BodyStream or ParameterSource.BodyPipeReader => "body",
                    _ => null,
                };
                if (location is null)
                {
                    continue;
                }

                json.Append(firstParameter ? string.Empty : ",");
                firstParameter = false;
                var typeName = parameter.ValueTypeDisplay.Replace("global::", string.Empty) + (parameter.IsArray ? "[]" : string.Empty);
                json.Append("{\"name\":").Append(Json(parameter.Key));
                json.Append(",\"in\":").Append(Json(location));
                json.Append(",\"type\":").Append(Json(typeName));
                json.Append(",\"required\":").Append(parameter.IsRequired ? "true" : "false");
                json.Append('}');
            }

            json.Append("],\"responses\":[");
            json.Append(string.Join(",", endpoint.Result.Responses.Select(static r => r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            json.Append(']');
            if (endpoint.Result.IsOpen)
            {
                json.Append(",\"otherResponses\":true");
            }

            json.Append('}');
        }

        return json.ToString();
    }

    private static string Json(string value) => Parsing.ShapeParser.Json(value);
}
