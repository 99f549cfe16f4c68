using System.Collections.Generic;
using System.Linq;
using System.Text;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>Links: the nested <c>Links</c> class, one method per <c>GET</c> handler, building its URI without <c>LinkGenerator</c>.</summary>
internal static partial class ResourceEmitter
{
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
}
