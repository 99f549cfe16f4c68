using System.Globalization;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Resourceful.Http.Tests.Resources;

/// <summary><c>BindAsync(HttpContext)</c>: the tenant from a header; <c>null</c> when it is absent.</summary>
public sealed record Tenant(string Name)
{
    public static ValueTask<Tenant?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Request.Headers["X-Tenant"] is [{ Length: > 0 } name] ? new Tenant(name) : null);
}

/// <summary><c>BindAsync(HttpContext, ParameterInfo)</c>: reads the query key named like the parameter.</summary>
public sealed record Slice(int Size, string From)
{
    public static ValueTask<Slice?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(int.TryParse(context.Request.Query[parameter.Name!], CultureInfo.InvariantCulture, out var size)
            ? new Slice(size, parameter.Name!)
            : null);
}

/// <summary><c>IBindableFromHttpContext&lt;T&gt;</c>, implemented explicitly.</summary>
public sealed class Marker : IBindableFromHttpContext<Marker>
{
    public required string Value { get; init; }

    static ValueTask<Marker?> IBindableFromHttpContext<Marker>.BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<Marker?>(context.Request.Query.ContainsKey("marker") ? new Marker { Value = context.Request.Query["marker"].ToString() + "@" + parameter.ParameterType.Name } : null);
}

/// <summary>A struct whose <c>BindAsync</c> returns <c>ValueTask&lt;Point?&gt;</c>, bound to a non-nullable parameter.</summary>
public readonly record struct Point(int X, int Y)
{
    public static ValueTask<Point?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<Point?>(context.Request.Query["x"] is [{ } x] && context.Request.Query["y"] is [{ } y]
            ? new Point(int.Parse(x, CultureInfo.InvariantCulture), int.Parse(y, CultureInfo.InvariantCulture))
            : null);
}

/// <summary>Types that bind themselves, as minimal APIs call them.</summary>
[Resource("/bind-async")]
public sealed partial class BindAsyncValues
{
    [Get("tenant")]
    public static string Required(Tenant tenant) => tenant.Name;

    [Get("optional-tenant")]
    public static string Optional(Tenant? tenant) => tenant?.Name ?? "none";

    [Get("slice")]
    public static string WithParameterInfo(Slice page) => $"{page.Size}|{page.From}";

    [Get("marker")]
    public static string Bindable(Marker marker) => marker.Value;

    [Get("point")]
    public static string Struct(Point point) => $"{point.X},{point.Y}";
}
