using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Models;
using Xunit;

namespace Bookshelf.Tests;

/// <summary><c>/authors</c>: synchronous handlers, a plain <c>T</c> result and an <c>IResult</c> one.</summary>
public sealed class AuthorsTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private static readonly BookshelfJsonContext Json = BookshelfJsonContext.Default;

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task List_WithoutQuery_ReturnsEveryAuthorByName()
    {
        var authors = await (await Client.GetAsync("/authors")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListAuthor);

        Assert.Equal(
            ["J. R. R. Tolkien", "Mary Beard", "Octavia E. Butler", "Ursula K. Le Guin"],
            authors.Where(a => a.Id <= 4).Select(a => a.Name));
    }

    [Fact]
    public async Task List_WithOptionalName_ReturnsMatchingAuthors()
    {
        var authors = await (await Client.GetAsync("/authors?name=BUTLER")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListAuthor);

        Assert.Equal(new Author(3, "Octavia E. Butler", 1947), Assert.Single(authors));
    }

    [Fact]
    public async Task Find_SeededAuthor_ReturnsItThroughIResult()
    {
        var author = await (await Client.GetAsync("/authors/2")).ReadJsonAsync(HttpStatusCode.OK, Json.Author);

        Assert.Equal(new Author(2, "J. R. R. Tolkien", 1892), author);
    }

    [Fact]
    public async Task Find_MissingAuthor_Returns404()
    {
        var response = await Client.GetAsync("/authors/9999");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListBooks_SeededAuthor_ReturnsTheirBooksOldestFirst()
    {
        var books = await (await Client.GetAsync("/authors/3/books")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListBook);

        Assert.Equal(["Kindred", "Parable of the Sower"], books.Select(b => b.Title));
    }

    [Fact]
    public async Task ListBooks_MissingAuthor_Returns404()
    {
        var response = await Client.GetAsync("/authors/9999/books");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Add_ValidAuthor_Returns201WithLocationThatResolves()
    {
        var response = await Client.PostAsync("/authors", Http.Json(new AuthorInput("  N. K. Jemisin ", 1972), Json.AuthorInput));
        var created = await response.ReadJsonAsync(HttpStatusCode.Created, Json.Author);

        Assert.Equal("N. K. Jemisin", created.Name);
        Assert.Equal($"/authors/{created.Id}", response.Headers.Location?.OriginalString);
        var found = await (await Client.GetAsync(response.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK, Json.Author);
        Assert.Equal(created, found);
    }

    [Fact]
    public async Task Add_InvalidAuthor_ReturnsValidationProblemAndStoresNothing()
    {
        var before = await CountAsync();

        var response = await Client.PostAsync("/authors", Http.Raw("""{ "name": "", "bornYear": 2999 }"""));

        await response.AssertValidationProblemAsync("name", "bornYear");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Replace_ExistingAuthor_ReplacesIt()
    {
        var created = await CreateAsync("Replace me");

        var response = await Client.PutAsync($"/authors/{created.Id}", Http.Json(new AuthorInput("Replaced", null), Json.AuthorInput));

        Assert.Equal(new Author(created.Id, "Replaced", null), await response.ReadJsonAsync(HttpStatusCode.OK, Json.Author));
        Assert.Equal(new Author(created.Id, "Replaced", null), await (await Client.GetAsync($"/authors/{created.Id}")).ReadJsonAsync(HttpStatusCode.OK, Json.Author));
    }

    [Fact]
    public async Task Replace_MissingAuthor_Returns404()
    {
        var response = await Client.PutAsync("/authors/9999", Http.Json(new AuthorInput("Nobody", null), Json.AuthorInput));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Remove_AuthorWithBooks_Returns409AndKeepsThem()
    {
        var response = await Client.DeleteAsync("/authors/1");

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        await (await Client.GetAsync("/authors/1")).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Remove_AuthorWithoutBooks_Returns204ThenTheAuthorIsGone()
    {
        var created = await CreateAsync("Remove me");

        var response = await Client.DeleteAsync($"/authors/{created.Id}");

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        await (await Client.GetAsync($"/authors/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await Client.DeleteAsync($"/authors/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<Author> CreateAsync(string name)
    {
        var response = await Client.PostAsync("/authors", Http.Json(new AuthorInput(name, 1970), Json.AuthorInput));
        return await response.ReadJsonAsync(HttpStatusCode.Created, Json.Author);
    }

    private async Task<int> CountAsync()
        => (await (await Client.GetAsync("/authors")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListAuthor)).Count;
}
