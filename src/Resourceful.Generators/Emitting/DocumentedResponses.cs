using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// The responses both OpenAPI documents list for an endpoint: every status its result type declares, plus the
/// <c>400</c> validation problem the generated code itself answers when a value fails to bind — so the documents
/// describe what the endpoint really does, not only what its handler returns.
/// </summary>
internal static class DocumentedResponses
{
    public const string ValidationProblemType = "global::Microsoft.AspNetCore.Http.HttpValidationProblemDetails";

    public static IReadOnlyList<ResponseModel> Of(EndpointModel endpoint)
    {
        var responses = endpoint.Result.Responses.ToList();
        if (CanFailToBind(endpoint) && !responses.Any(static r => r.StatusCode == 400))
        {
            responses.Add(new ResponseModel(400, ValidationProblemType) { BodyTypeOf = ValidationProblemType });
            responses.Sort(static (left, right) => left.StatusCode.CompareTo(right.StatusCode));
        }

        return responses;
    }

    public static bool IsValidationProblem(ResponseModel response) =>
        response.BodyTypeOf?.EndsWith("HttpValidationProblemDetails", System.StringComparison.Ordinal) == true;

    // A body can always be malformed; a URI or header value fails when it is required or has to parse. A route
    // value with a constraint ({id:int}) is taken to parse: a value the constraint rejects never matches (404).
    private static bool CanFailToBind(EndpointModel endpoint) =>
        ParameterModels.Flatten(endpoint.Parameters).Any(p => p.Source switch
        {
            ParameterSource.Body or ParameterSource.BodyOrService => true,
            ParameterSource.Form or ParameterSource.FormFile or ParameterSource.FormFiles or ParameterSource.FormCollection => true,
            ParameterSource.BindAsync => p.IsRequired,
            ParameterSource.Query or ParameterSource.Header or ParameterSource.Cookie => p.IsRequired || p.Parser != ValueParser.String,
            ParameterSource.Route => p.Parser != ValueParser.String && !IsConstrained(endpoint.Template, p.Key),
            _ => false,
        });

    private static bool IsConstrained(string template, string name) =>
        Regex.IsMatch(template, @"\{\*{0,2}" + Regex.Escape(name) + ":", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
