using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>Turns automatic <c>OPTIONS</c> off: <c>OPTIONS</c> is then an undeclared method (<c>405</c>).</summary>
[Resource("/semantics/switches/no-options", AutomaticOptions = false)]
public sealed partial class WithoutOptions
{
    [Get]
    public string Read() => "read";

    [Post]
    public void Write()
    {
    }
}

/// <summary>Turns automatic <c>HEAD</c> off: <c>HEAD</c> is then an undeclared method (<c>405</c>).</summary>
[Resource("/semantics/switches/no-head", AutomaticHead = false)]
public sealed partial class WithoutHead
{
    [Get]
    public string Read() => "read";
}

/// <summary>
/// A handler the app hides from API descriptions, with a query option of its own: the anonymous <c>OPTIONS</c>
/// description must not reveal it either.
/// </summary>
[Resource("/semantics/switches/hidden")]
public sealed partial class WithHiddenHandler
{
    [Get]
    public string Read([FromQuery(Name = "page")] int page = 1) => "page " + page;

    [Post]
    [ExcludeFromDescription]
    public void Purge([FromQuery(Name = "purge-token")] string? token)
    {
    }
}
