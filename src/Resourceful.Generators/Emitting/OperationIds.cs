using System.Collections.Generic;
using System.Globalization;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// The operation id of each handler, <c>{Resource}_{Handler}</c> (<c>Books_List</c>): the compile-time OpenAPI
/// document's <c>operationId</c> and, as the endpoint's name, the runtime document's, so both documents (and the
/// clients generated from either) name each operation alike. The resource part is the name its <c>Map…</c> method
/// got, which is unique in the assembly (<c>ShopV2Books</c> where two classes are called <c>Books</c>); a handler name
/// used twice in one resource gets a number, in declaration order.
/// </summary>
internal static class OperationIds
{
    public static IReadOnlyList<string> Of(ResourceModel resource, string mapMethodName)
    {
        var resourceName = mapMethodName.StartsWith("Map", System.StringComparison.Ordinal) ? mapMethodName.Substring(3) : mapMethodName;
        var ids = new List<string>(resource.Endpoints.Count);
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var endpoint in resource.Endpoints)
        {
            var id = resourceName + "_" + endpoint.HandlerName;
            for (var i = 2; !used.Add(id); i++)
            {
                id = resourceName + "_" + endpoint.HandlerName + i.ToString(CultureInfo.InvariantCulture);
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The id the runtime gives a handler when the table names none: <c>{ClassName}_{HandlerName}</c>.</summary>
    public static string Default(ResourceModel resource, EndpointModel endpoint) => resource.ClassName + "_" + endpoint.HandlerName;
}
