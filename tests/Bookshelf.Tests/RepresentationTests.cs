using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>The sample's <c>[ResponseCache]</c> and <c>[SparseFieldsets]</c>: headers, partial books, both OpenAPI documents.</summary>
public sealed class RepresentationTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    [Theory]
    [InlineData("/books")]
    [InlineData("/books/3")]
    public async Task Get_CarriesTheCacheControlConstant(string path)
    {
        using var response = await fixture.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public,max-age=10", string.Join(",", response.Headers.NonValidated["Cache-Control"]));
    }

    [Fact]
    public async Task Get_Missing_HasNoCacheControl()
    {
        using var response = await fixture.Client.GetAsync("/books/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Cache-Control"));
    }

    [Fact]
    public async Task Fields_OnABook_AndOnAnAuthorsBooks()
    {
        using var book = await fixture.Client.GetAsync("/books/3?fields=title,id");
        using var list = await fixture.Client.GetAsync("/authors/2/books?fields=year");

        Assert.Equal("""{"id":3,"title":"The Hobbit"}""", await book.Content.ReadAsStringAsync());
        var items = JsonNode.Parse(await list.Content.ReadAsStringAsync())!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.Equal(["year"], item!.AsObject().Select(static p => p.Key)));
    }

    [Fact]
    public async Task Fields_Unknown_Is400()
    {
        using var response = await fixture.Client.GetAsync("/books/3?fields=price");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["fields"]!.AsArray();
        Assert.StartsWith("'price' is not a field", (string?)errors.Single(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_PartialBook_HasAnETagOfItsOwn()
    {
        // Issue 15: a partial representation is another representation; a cache must never answer one for the other.
        using var full = await fixture.Client.GetAsync("/books/3");
        using var partial = await fixture.Client.GetAsync("/books/3?fields=id,title");
        using var reordered = await fixture.Client.GetAsync("/books/3?fields=title,id,title");
        var fullTag = full.Headers.ETag!.ToString();
        var partialTag = partial.Headers.ETag!.ToString();

        Assert.NotEqual(fullTag, partialTag);
        Assert.StartsWith(fullTag.TrimEnd('"'), partialTag, System.StringComparison.Ordinal);
        Assert.Equal(partialTag, reordered.Headers.ETag!.ToString());

        // The full book's ETag does not revalidate the partial one, and the partial one's does.
        using var stale = await SendIfNoneMatchAsync("/books/3?fields=id,title", fullTag);
        using var fresh = await SendIfNoneMatchAsync("/books/3?fields=id,title", partialTag);
        using var fullFromPartial = await SendIfNoneMatchAsync("/books/3", partialTag);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fullFromPartial.StatusCode);
    }

    private Task<HttpResponseMessage> SendIfNoneMatchAsync(string path, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return fixture.Client.SendAsync(request);
    }
}
