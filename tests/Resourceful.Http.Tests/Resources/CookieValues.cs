using System;
using System.Globalization;

namespace Resourceful.Http.Tests.Resources;

/// <summary><c>[FromCookie]</c>: text values from request cookies, bound like headers.</summary>
[Resource("/cookies")]
public sealed partial class CookieValues
{
    [Get("required")]
    public string Required([FromCookie(Name = "theme")] string theme) => theme;

    [Get("optional")]
    public string Optional([FromCookie(Name = "theme")] string? theme) => theme ?? "none";

    [Get("typed")]
    public string Typed([FromCookie(Name = "page-size")] int pageSize) => (pageSize * 2).ToString(CultureInfo.InvariantCulture);

    [Get("defaulted")]
    public string Defaulted([FromCookie(Name = "page-size")] int pageSize = 25) => pageSize.ToString(CultureInfo.InvariantCulture);

    [Get("nullable")]
    public string Nullable([FromCookie] Guid? visitor) => visitor?.ToString() ?? "none";

    [Get("enum")]
    public string Enum([FromCookie(Name = "day")] DayOfWeek day) => day.ToString();
}
