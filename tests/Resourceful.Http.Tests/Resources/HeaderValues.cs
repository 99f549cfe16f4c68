using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources;

[Resource("/headers")]
public sealed partial class HeaderValues
{
    [Get("required")]
    public string Required([FromHeader(Name = "X-Request-Tag")] string tag) => tag;

    [Get("optional")]
    public string Optional([FromHeader(Name = "X-Request-Tag")] string? tag) => tag ?? "none";

    [Get("typed")]
    public string Typed([FromHeader(Name = "X-Count")] int count) => (count * 2).ToString(CultureInfo.InvariantCulture);
}
