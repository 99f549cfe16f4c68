using System;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources;

/// <summary>One handler per route value type; each echoes what it bound, formatted invariantly.</summary>
[Resource("/route")]
public sealed partial class RouteValues
{
    [Get("ints/{id}")]
    public string ById(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Get("longs/{id}")]
    public string ByLong(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Get("guids/{id}")]
    public string ByGuid(Guid id) => id.ToString("D");

    [Get("names/{name}")]
    public string ByName(string name) => name;

    [Get("days/{day}")]
    public string ByDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Get("colors/{color}")]
    public string ByColor(Color color) => color.ToString();

    [Get("skus/{sku}")]
    public string BySku(Sku sku) => string.Create(CultureInfo.InvariantCulture, $"{sku.Prefix}|{sku.Number}");

    [Get("constrained/{id:int}")]
    public string Constrained(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Get("ranges/{n:int:range(1,10)}")]
    public string Range(int n) => n.ToString(CultureInfo.InvariantCulture);

    [Get("renamed/{item}")]
    public string Renamed([FromRoute(Name = "item")] int number) => number.ToString(CultureInfo.InvariantCulture);

    [Get("pairs/{a}/{b}")]
    public string Pair(int a, string b) => string.Create(CultureInfo.InvariantCulture, $"{a}|{b}");

    [Get("pages/{page:int?}")]
    public string OptionalPage(int? page) => page?.ToString(CultureInfo.InvariantCulture) ?? "none";

    [Get("defaults/{page=3}")]
    public string DefaultedPage(int page) => page.ToString(CultureInfo.InvariantCulture);
}
