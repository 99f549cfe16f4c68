using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>
/// §2, row 7: a body whose <c>Content-Type</c> is not JSON answers <c>415</c>, with <c>Accept-Post</c> on POST and
/// <c>Accept-Patch</c> on PATCH (RFC 9110 §15.5.16, RFC 5789 §3.1), and changes nothing.
/// </summary>
public sealed class UnsupportedMediaTypeTests(SemanticsHostFixture fixture) : IClassFixture<SemanticsHostFixture>
{
    private const string ValidItem = """{"name":"Washer","quantity":5}""";

    private static ByteArrayContent Body(string text, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonx")]
    [InlineData(null)]
    public async Task Post_BodyThatIsNotJson_Answers415WithAcceptPost(string? contentType)
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Post, "/semantics/items") { Content = Body(ValidItem, contentType) },
            HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("application/json", Header(response, "Accept-Post"));
        Assert.Null(Header(response, "Accept-Patch"));
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.16", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("Unsupported Media Type", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(
            $"The request body must be JSON ('application/json'), not '{contentType}'.",
            problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Patch_BodyThatIsNotJson_Answers415WithAcceptPatch()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Patch, "/semantics/items/1") { Content = Body("""{"quantity":1}""", "text/plain") },
            HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("application/json", Header(response, "Accept-Patch"));
        Assert.Null(Header(response, "Accept-Post"));
    }

    [Fact]
    public async Task Put_BodyThatIsNotJson_Answers415WithoutAcceptPostOrPatch()
    {
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Put, "/semantics/items/1") { Content = Body(ValidItem, "application/xml") },
            HttpStatusCode.UnsupportedMediaType);

        Assert.Null(Header(response, "Accept-Post"));
        Assert.Null(Header(response, "Accept-Patch"));
        await ResponseAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_EmptyBodyLabelledAsText_Answers400ForTheMissingBodyFirst()
    {
        // An empty body is no content at all, so its label does not matter: the required body is what is missing.
        using var response = await SendWithoutChangeAsync(
            fixture.Host,
            new HttpRequestMessage(HttpMethod.Post, "/semantics/items") { Content = Body(string.Empty, "text/plain") },
            HttpStatusCode.BadRequest);

        await ValidationProblemWithExactlyAsync(response, "item");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/vnd.acme.item+json")]
    public async Task Post_AnyJsonMediaType_IsAccepted(string contentType)
    {
        using var response = await fixture.Client.PostAsync("/semantics/items", Body(ValidItem, contentType));

        var body = await response.Content.ReadAsStringAsync();
        Status(response, HttpStatusCode.Created, body);
        Assert.Null(Header(response, "Accept-Post"));
    }
}
