using System;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources;

/// <summary>One handler per query value shape; each echoes what it bound, formatted invariantly.</summary>
[Resource("/query")]
public sealed partial class QueryValues
{
    [Get("required-int")]
    public string RequiredInt(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Get("optional-int")]
    public string OptionalInt(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    [Get("defaulted")]
    public string Defaulted(int page = 1) => page.ToString(CultureInfo.InvariantCulture);

    [Get("required-string")]
    public string RequiredString(string text) => text;

    [Get("nullable-string")]
    public string NullableString(string? text) => text ?? "null";

    [Get("flags")]
    public string Flag(bool flag) => flag ? "true" : "false";

    [Get("numbers")]
    public string Numbers(decimal amount, double ratio)
        => string.Create(CultureInfo.InvariantCulture, $"{amount * 2}|{ratio * 2}");

    [Get("date-times")]
    public string DateTimeValue(DateTime at)
        => string.Create(CultureInfo.InvariantCulture, $"{at:yyyy-MM-ddTHH:mm:ss} {at.Kind}");

    [Get("date-time-offsets")]
    public string DateTimeOffsetValue(DateTimeOffset at)
        => at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    [Get("times")]
    public string Time(TimeOnly at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    [Get("colors")]
    public string ByColor(Color color) => color.ToString();

    [Get("skus")]
    public string BySku(Sku sku) => string.Create(CultureInfo.InvariantCulture, $"{sku.Prefix}|{sku.Number}");

    [Get("ids")]
    public string Ids(int[] ids) => ids.Length + ":" + string.Join(',', ids);

    [Get("tags")]
    public string Tags(string[] tags) => tags.Length + ":" + string.Join(',', tags);

    [Get("search")]
    public string Search([FromQuery(Name = "q")] string search) => search;

    [Get("explicit")]
    public string Explicit([FromQuery] int count) => count.ToString(CultureInfo.InvariantCulture);

    // Names that generated code is likely to use for its own locals: binding them must not collide.
    [Get("clashes")]
    public string Clash(int httpContext, string @class)
        => string.Create(CultureInfo.InvariantCulture, $"{httpContext}|{@class}");

    // The names of the generated code's own locals and parameters.
    [Get("more-clashes")]
    public string MoreClashes(int resource, int result, int bindingErrors, int services, int endpoints)
        => string.Create(CultureInfo.InvariantCulture, $"{resource}|{result}|{bindingErrors}|{services}|{endpoints}");

    [Get("optional-colors")]
    public string OptionalColor(Color? color) => color?.ToString() ?? "null";

    [Get("color-lists")]
    public string ColorList(Color[] colors) => colors.Length + ":" + string.Join(',', colors);

    [Get("guids")]
    public string ByGuid(Guid id) => id.ToString("D");
}
