using System.Collections.Generic;
using System.Linq;
using System.Text;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>Redirects: one delegate per <c>[MovedFrom]</c> old URI, answering 301 or 308 with the new URI.</summary>
internal static partial class ResourceEmitter
{
    private static void WriteRedirect(SourceWriter writer, MovedRouteModel moved, int index)
    {
        writer.WriteLine($"/// <summary><c>{Xml(moved.OldTemplate)}</c> moved to <c>{Xml(moved.NewTemplate)}</c>: 301 for GET/HEAD, 308 otherwise.</summary>");
        writer.OpenBlock($"private static global::System.Threading.Tasks.Task RedirectMoved{index}(global::Microsoft.AspNetCore.Http.HttpContext httpContext)");
        var pieces = new List<string>();
        var literal = new StringBuilder();
        foreach (var segment in moved.NewSegments)
        {
            literal.Append('/');

            // Route values keep an encoded slash (%2F) encoded: escape them without escaping it twice.
            AppendSegment(segment, literal, pieces, static part =>
                $"global::Resourceful.Runtime.ResourcefulLinks.{(part.IsCatchAll ? "EscapeRoutePath" : "EscapeRouteValue")}" +
                $"(global::Resourceful.Runtime.ResourcefulBinding.GetRouteValue(httpContext, {Literal(part.Text)}))");
        }

        if (moved.NewSegments.Count == 0)
        {
            literal.Append('/');
        }

        if (literal.Length > 0)
        {
            pieces.Add(Literal(literal.ToString()));
        }

        writer.WriteLine($"var location = {string.Join(" + ", pieces)};");
        writer.WriteLine($"return global::Resourceful.Runtime.ResourcefulRedirects.MovedAsync(httpContext, location, carriesRest: {(moved.IncludesSubPaths ? "true" : "false")});");
        writer.CloseBlock();
    }
}
