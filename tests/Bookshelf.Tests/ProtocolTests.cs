using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>What the generated endpoints answer on their own, with no handler code in the sample for it.</summary>
/// <remarks><c>HEAD</c> is tested in <see cref="KestrelTests"/>: dropping its body is the server's job, and TestServer does not.</remarks>
public sealed class ProtocolTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Options_OnBook_Returns204ListingEveryMethod()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/books/3");

        var response = await Client.SendAsync(request);

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "PUT"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Options_AcceptingJson_DescribesTheStatusCodesOfEachMethod()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/books");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await Client.SendAsync(request);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        using var description = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var post = description.RootElement.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "POST");
        Assert.Equal([201, 400, 409], post.GetProperty("responses").EnumerateArray().Select(s => s.GetInt32()));
    }

    [Fact]
    public async Task Delete_OnCollection_Returns405ListingTheAllowedMethods()
    {
        var response = await Client.DeleteAsync("/books");

        await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "HEAD", "OPTIONS", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Get_AcceptingOnlyHtml_Returns406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/books/3");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await Client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Post_WithTextBody_Returns415WithAcceptPost()
    {
        var response = await Client.PostAsync("/books", Http.Raw("The Hobbit", "text/plain"));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("application/json", Assert.Single(response.Headers.GetValues("Accept-Post")));
    }
}
