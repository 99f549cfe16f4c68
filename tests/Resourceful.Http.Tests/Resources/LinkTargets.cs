using System;
using System.Globalization;

namespace Resourceful.Http.Tests.Resources;

/// <summary>Route shapes whose generated <c>Links</c> need escaping, optional and catch-all handling.</summary>
[Resource("/links")]
public sealed partial class LinkTargets
{
    [Get("titles/{title}")]
    public string ByTitle(string title) => title;

    [Get("shelves/{name?}")]
    public string Shelf(string? name) => name ?? "none";

    [Get("files/{**path}")]
    public string Files(string path) => path;

    [Get("guids/{id:guid}")]
    public string ByGuid(Guid id) => id.ToString("D");

    [Get("days/{day}")]
    public string ByDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Get("prices/{amount:decimal}")]
    public string ByPrice(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    [Get("archive/{year:int}/{month:int}")]
    public string Archive(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year}|{month}");

    [Get("search")]
    public string Search(string? q) => q ?? "none";
}
