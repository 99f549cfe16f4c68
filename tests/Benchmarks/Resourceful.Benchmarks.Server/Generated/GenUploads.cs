using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Resourceful.Benchmarks.Server.Generated;

/// <summary>
/// <c>POST /gen/uploads</c>: a multipart file upload bound to <c>IFormFile</c>. No antiforgery, like the minimal-API
/// endpoint it is measured against (<c>DisableAntiforgery()</c>): the figure is the form binding's own.
/// </summary>
[Resource("/gen/uploads")]
[RequireAntiforgeryToken(false)]
public sealed partial class GenUploads
{
    /// <summary>The file's length, as text.</summary>
    [Post]
    public static string Upload(IFormFile file) => file.Length.ToString(CultureInfo.InvariantCulture);
}
