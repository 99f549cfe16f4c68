using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Resourceful.Generators.Model;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// Writes one resource's generated file: its <c>Links</c> class, its <c>Map{Resource}()</c> extension and a
/// file-local class with one request delegate per handler. A pure function of the model.
/// </summary>
internal static partial class ResourceEmitter
{

    private const string HttpContextType = "global::Microsoft.AspNetCore.Http.HttpContext";

    private const string Binding = "global::Resourceful.Runtime.ResourcefulBinding";

    private const string Json = "global::Resourceful.Runtime.ResourcefulJson";

    private const string Forms = "global::Resourceful.Runtime.ResourcefulForms";

    private const string Results = "global::Resourceful.Runtime.ResourcefulResults";

    private const string TypedResults = "global::Resourceful.Runtime.ResourcefulTypedResults";

    private const string Conditional = "global::Resourceful.Runtime.ResourcefulConditional";

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

    public static string Emit(ResourceModel resource, string mapMethodName, ProjectSwitches switches)
    {
        var writer = new SourceWriter();
        GeneratedCode.WriteHeader(writer);

        var endpointsClass = EndpointsClassName(resource);
        if (resource.CanDeclarePartial)
        {
            WriteLinks(writer, resource);
        }

        WriteMapExtension(writer, resource, mapMethodName, endpointsClass);
        WriteEndpointsClass(writer, resource, endpointsClass, mapMethodName, switches);
        return writer.ToString();
    }

    public static string EndpointsClassName(ResourceModel resource) => Identifier(resource.ClassName + "Endpoints");

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
    /// typed results with a body, text for strings, <c>text/event-stream</c> for server-sent events.
    /// <see langword="null"/> (no 406 check) when the result decides at run time, has no body, or may answer
    /// with bodies of more than one media type.
    /// </summary>
    internal static string? ProducedMediaType(ResultModel result)
    {
        if (result.Kind == ResultKind.NoContent || (result.Kind == ResultKind.HttpResult && result.IsOpen))
        {
            return null;
        }

        var mediaTypes = result.Responses
            .Where(static r => r.StatusCode is >= 200 and < 300 && r.BodyTypeName is not null)
            .Select(static r => r.ContentType ?? "application/json")
            .Distinct()
            .ToList();
        return mediaTypes.Count == 1 ? mediaTypes[0] : null;
    }

    internal static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A start-up check that a required service is registered (see <c>ResourcefulEndpoints.RequireService</c>).</summary>
    /// <remarks>A <see langword="null"/> <paramref name="consumer"/> names the local constant <c>constructor</c>.</remarks>
    private static void WriteRequireService(SourceWriter writer, string typeName, string? keyLiteral, string? consumer, string parameterName)
    {
        var consumerExpression = consumer is null ? "constructor" : Literal(consumer);
        writer.WriteLine(keyLiteral is null
            ? $"global::Resourceful.Runtime.ResourcefulEndpoints.RequireService<{typeName}>(services, {consumerExpression}, {Literal(parameterName)});"
            : $"global::Resourceful.Runtime.ResourcefulEndpoints.RequireKeyedService<{typeName}>(services, {keyLiteral}, {consumerExpression}, {Literal(parameterName)});");
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
}
