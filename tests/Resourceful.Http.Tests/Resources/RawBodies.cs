using System.IO;
using System.IO.Pipelines;
using System.Threading.Tasks;

namespace Resourceful.Http.Tests.Resources;

/// <summary>The raw request body, as minimal APIs bind it: a <c>Stream</c> or a <c>PipeReader</c>, any content type.</summary>
[Resource("/raw")]
public sealed partial class RawBodies
{
    [Post("stream")]
    public static async Task<string> Stream(Stream body)
    {
        using var reader = new StreamReader(body);
        return "stream:" + await reader.ReadToEndAsync();
    }

    [Post("pipe")]
    public static async Task<string> Pipe(PipeReader body)
    {
        using var reader = new StreamReader(body.AsStream());
        return "pipe:" + await reader.ReadToEndAsync();
    }
}
