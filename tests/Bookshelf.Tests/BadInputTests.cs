using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Models;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>
/// Input that fails before a handler runs: a <c>400</c> (or <c>415</c>) problem that names what was wrong, and
/// no change to the stored data.
/// </summary>
public sealed class BadInputTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private static readonly BookshelfJsonContext Json = BookshelfJsonContext.Default;

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Find_NonNumericIdOnUnconstrainedRoute_Returns400NamingId()
    {
        var response = await Client.GetAsync("/shelves/favourites");

        await response.AssertValidationProblemAsync("id");
    }

    [Fact]
    public async Task Replace_NonNumericIdOnUnconstrainedRoute_Returns400AndChangesNothing()
    {
        var response = await Client.PutAsync("/shelves/favourites", Http.Json(new ShelfInput("Hijacked", null), Json.ShelfInput));

        await response.AssertValidationProblemAsync("id");
        var shelves = await (await Client.GetAsync("/shelves")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListShelf);
        Assert.DoesNotContain(shelves, s => s.Name == "Hijacked");
    }

    [Fact]
    public async Task Replace_MalformedJson_Returns400AndKeepsTheBook()
    {
        var before = await FindBookAsync(3);

        var response = await Client.SendIfMatchAsync(HttpMethod.Put, "/books/3", Http.ETag(before.Version), Http.Raw("""{ "title": "Broken", "year": """));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await FindBookAsync(3), BookComparer.Instance);
    }

    [Fact]
    public async Task Update_WrongJsonType_Returns400AndKeepsTheBook()
    {
        var before = await FindBookAsync(3);

        var response = await Client.SendIfMatchAsync(HttpMethod.Patch, "/books/3", Http.ETag(before.Version), Http.Raw("""{ "year": "nineteen thirty-seven" }"""));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await FindBookAsync(3), BookComparer.Instance);
    }

    [Fact]
    public async Task Add_MalformedJson_Returns400AndStoresNothing()
    {
        var before = await CountBooksAsync();

        var response = await Client.PostAsync("/books", Http.Raw("""{ "title": "Half a book", """));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountBooksAsync());
    }

    [Fact]
    public async Task Add_EmptyBody_Returns400AndStoresNothing()
    {
        var before = await CountBooksAsync();

        var response = await Client.PostAsync("/books", Http.Raw(""));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountBooksAsync());
    }

    [Fact]
    public async Task Add_NonJsonContentType_Returns415AndStoresNothing()
    {
        var before = await CountBooksAsync();

        var response = await Client.PostAsync("/books", Http.Raw("title=Someone", "application/x-www-form-urlencoded"));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await CountBooksAsync());
    }

    [Fact]
    public async Task Recommendations_MissingRequiredQueryValue_Returns400NamingIt()
    {
        var response = await Client.GetAsync("/recommendations");

        await response.AssertValidationProblemAsync("genre");
    }

    [Fact]
    public async Task Recommendations_NonNumericDefaultedQueryValue_Returns400NamingIt()
    {
        var response = await Client.GetAsync("/recommendations?genre=Fantasy&count=many");

        await response.AssertValidationProblemAsync("count");
    }

    [Fact]
    public async Task List_NonNumericAsParametersValue_Returns400NamingIt()
    {
        var response = await Client.GetAsync("/books?page=two");

        await response.AssertValidationProblemAsync("page");
    }

    private async Task<Book> FindBookAsync(int id)
        => await (await Client.GetAsync($"/books/{id}")).ReadJsonAsync(HttpStatusCode.OK, Json.Book);

    private async Task<int> CountBooksAsync()
        => (await (await Client.GetAsync("/books?pageSize=1")).ReadJsonAsync(HttpStatusCode.OK, Json.BookPage)).Total;
}
