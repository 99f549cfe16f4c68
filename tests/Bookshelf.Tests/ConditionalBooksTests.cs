using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Models;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>
/// Books carry a version: <c>GET /books/{id}</c> answers it as a strong <c>ETag</c>, <c>If-None-Match</c> revalidates
/// it (<c>304</c>), and <c>PUT</c>/<c>PATCH</c>/<c>DELETE</c> require it as <c>If-Match</c> (<c>428</c> without,
/// <c>412</c> when stale), checked and written in one SQL statement.
/// </summary>
public sealed class ConditionalBooksTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private static readonly BookshelfJsonContext Json = BookshelfJsonContext.Default;

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Find_AnswersTheVersionAsETag_AndIfNoneMatchRevalidatesWith304()
    {
        var book = await CreateAsync(20);
        using var found = await Client.GetAsync($"/books/{book.Id}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/books/{book.Id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", Http.ETag(book.Version));
        using var revalidated = await Client.SendAsync(request);

        Assert.Equal(1, book.Version);
        Assert.Equal(Http.ETag(1), found.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(Http.ETag(1), revalidated.Headers.ETag?.ToString());
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Writes_WithoutIfMatch_Answer428AndChangeNothing()
    {
        var book = await CreateAsync(21);
        using var put = await Client.PutAsync($"/books/{book.Id}", Http.Json(Input(book, "Unconditional"), Json.BookInput));
        using var patch = await Client.PatchAsync($"/books/{book.Id}", Http.Raw("""{ "year": 2001 }"""));
        using var delete = await Client.DeleteAsync($"/books/{book.Id}");

        await put.ReadProblemAsync((HttpStatusCode)428);
        await patch.ReadProblemAsync((HttpStatusCode)428);
        await delete.ReadProblemAsync((HttpStatusCode)428);
        var found = await (await Client.GetAsync($"/books/{book.Id}")).ReadJsonAsync(HttpStatusCode.OK, Json.Book);
        Assert.Equal(book, found, BookComparer.Instance);
    }

    [Fact]
    public async Task Writes_WithAStaleIfMatch_Answer412()
    {
        var book = await CreateAsync(22);
        using var first = await Client.SendIfMatchAsync(HttpMethod.Patch, $"/books/{book.Id}", Http.ETag(1), Http.Raw("""{ "year": 2001 }"""));
        using var stalePut = await Client.SendIfMatchAsync(HttpMethod.Put, $"/books/{book.Id}", Http.ETag(1), Http.Json(Input(book, "Stale"), Json.BookInput));
        using var stalePatch = await Client.SendIfMatchAsync(HttpMethod.Patch, $"/books/{book.Id}", Http.ETag(1), Http.Raw("""{ "year": 2002 }"""));
        using var staleDelete = await Client.SendIfMatchAsync(HttpMethod.Delete, $"/books/{book.Id}", Http.ETag(1));

        var patched = await first.ReadJsonAsync(HttpStatusCode.OK, Json.Book);
        Assert.Equal(2, patched.Version);
        await stalePut.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        await stalePatch.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        await staleDelete.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        var found = await (await Client.GetAsync($"/books/{book.Id}")).ReadJsonAsync(HttpStatusCode.OK, Json.Book);
        Assert.Equal((2001, 2L), (found.Year, found.Version));
    }

    [Fact]
    public async Task ConcurrentPuts_WithTheSameIfMatch_ExactlyOneWins()
    {
        var book = await CreateAsync(23);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Client.SendIfMatchAsync(HttpMethod.Put, $"/books/{book.Id}", Http.ETag(book.Version), Http.Json(Input(book, $"Writer {i}"), Json.BookInput))));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r != winner), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        var written = await winner.ReadJsonAsync(HttpStatusCode.OK, Json.Book);
        var found = await (await Client.GetAsync($"/books/{book.Id}")).ReadJsonAsync(HttpStatusCode.OK, Json.Book);
        Assert.Equal(written, found, BookComparer.Instance);
        Assert.Equal(2, found.Version);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static BookInput Input(Book book, string title) =>
        new(title, book.AuthorId, book.Isbn, book.Year, book.Genre, book.Tags);

    private async Task<Book> CreateAsync(int isbn)
    {
        var input = new BookInput($"Conditional {isbn}", AuthorId: 1, Isbns.Hyphenated(isbn), Year: 2020, Genre.Poetry, Tags: ["test"]);
        return await (await Client.PostAsync("/books", Http.Json(input, Json.BookInput))).ReadJsonAsync(HttpStatusCode.Created, Json.Book);
    }
}
