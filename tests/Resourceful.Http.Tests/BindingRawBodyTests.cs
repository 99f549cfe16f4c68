using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>
/// <c>Stream</c> and <c>PipeReader</c> parameters are the raw request body, whatever its content type; before, they
/// were looked up in DI and every request answered 500.
/// </summary>
public sealed class BindingRawBodyTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    [Theory]
    [InlineData("/raw/stream", "stream:")]
    [InlineData("/raw/pipe", "pipe:")]
    public async Task RawBody_AnyContentType_ReachesTheHandlerUnread(string path, string prefix)
    {
        foreach (var contentType in new[] { "application/octet-stream", "text/csv", "application/json" })
        {
            using var content = new ByteArrayContent("a,b\n1,2"u8.ToArray());
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

            using var response = await fixture.Client.PostAsync(path, content);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(prefix + "a,b\n1,2", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task RawBody_Empty_IsAnEmptyStream()
    {
        using var response = await fixture.Client.PostAsync("/raw/stream", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("stream:", await response.Content.ReadAsStringAsync());
    }
}
