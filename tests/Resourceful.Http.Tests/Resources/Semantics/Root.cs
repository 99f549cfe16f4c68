using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>
/// A resource at the root that moved from <c>/old-root</c> and from <c>/old-wiki</c>: the shape where the rest of an
/// old URI, which the client chooses, lands at the start of <c>Location</c> (<c>/old-root//evil.com</c> must not
/// answer <c>Location: //evil.com</c>).
/// </summary>
[MovedFrom("/old-root")]
[MovedFrom("/old-wiki")]
[Resource("/")]
public sealed partial class Root
{
    [Get]
    public string Home() => "home";

    // A redirect to a Links value: behind a path base it must keep the base, as the redirects of [MovedFrom] do.
    [Get("home-page")]
    public RedirectHttpResult GoHome() => TypedResults.Redirect(Links.Home());
}
