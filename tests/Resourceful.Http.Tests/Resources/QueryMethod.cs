using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Resourceful.Http.Tests.Resources;

/// <summary>The filter a <c>QUERY</c> carries in its body.</summary>
public sealed record BookSearch(string? TitleContains, int? MinPages);

/// <summary>HTTP <c>QUERY</c> (RFC 10008): a safe method with a body, beside <c>GET</c> on the same path.</summary>
[Resource("/search")]
public sealed partial class QueryMethod
{
    private static readonly NewBook[] Shelf = [new("Dune", 412), new("Emma", 474), new("Ubik", 202)];

    [Get]
    public IReadOnlyList<NewBook> All() => Shelf;

    [Query]
    public IReadOnlyList<NewBook> Search(BookSearch search) =>
        Shelf.Where(b => (search.TitleContains is null || b.Title.Contains(search.TitleContains, System.StringComparison.OrdinalIgnoreCase))
            && (search.MinPages is null || b.Pages >= search.MinPages)).ToList();

    /// <summary>A raw body, any media type.</summary>
    [Query("raw")]
    public async Task<string> Raw(Stream body)
    {
        using var reader = new StreamReader(body);
        return "raw:" + await reader.ReadToEndAsync();
    }
}
