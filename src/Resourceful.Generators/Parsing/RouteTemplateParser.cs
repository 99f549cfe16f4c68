using System.Linq;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// Route templates for the generator's model: joined, normalised, and split into the segments that links and
/// redirects are built from. Routing itself still parses each template at start-up.
/// </summary>
internal static class RouteTemplateParser
{
    /// <summary>Joins a resource template and a handler's sub-template into one absolute template.</summary>
    public static string Combine(string resourceTemplate, string? handlerTemplate)
    {
        var resource = Normalize(resourceTemplate);
        if (string.IsNullOrEmpty(handlerTemplate))
        {
            return resource;
        }

        var handler = handlerTemplate!.Trim().TrimStart('~').Trim('/');
        if (handler.Length == 0)
        {
            return resource;
        }

        return resource == "/" ? "/" + handler : resource + "/" + handler;
    }

    /// <summary>A template with one leading slash and no trailing slash (except the root itself).</summary>
    public static string Normalize(string template)
    {
        var trimmed = template.Trim().TrimStart('~').Trim('/');
        return "/" + trimmed;
    }

    /// <summary>
    /// Splits <paramref name="template"/> into segments, or returns <see langword="null"/> when it is malformed. The
    /// reading is <see cref="RouteTemplateText"/>'s, the one template reader the generator and the analyzers
    /// share, so a template the analyzers accept is exactly one the generator maps. Constraint names are not judged
    /// here (an application may register its own): RSF0012 judges them, with the project's options.
    /// </summary>
    public static EquatableArray<RouteSegment>? Parse(string template)
    {
        var text = RouteTemplateText.Parse(template, static _ => true);
        if (text.Problem is not null)
        {
            return null;
        }

        return text.Segments
            .Select(static segment => new RouteSegment(segment.Parts
                .Select(static part => new RoutePart(part.IsParameter, part.Text, part.IsOptional, part.IsCatchAll, part.HasDefault))
                .ToEquatableArray()))
            .ToEquatableArray();
    }
}
