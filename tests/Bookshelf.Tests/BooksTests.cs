using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Models;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>
/// <c>/books</c>: list with query values and <c>[AsParameters]</c> paging, find, create, replace, patch, delete.
/// Books created here are <see cref="Genre.Poetry"/> from 2020 on, tagged <c>test</c>, so filters over the
/// seeded books stay predictable.
/// </summary>
public sealed class BooksTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private static readonly BookshelfJsonContext Json = BookshelfJsonContext.Default;

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task List_WithoutQuery_ReturnsFirstPageByTitle()
    {
        var page = await (await Client.GetAsync("/books")).ReadJsonAsync(HttpStatusCode.OK, Json.BookPage);

        Assert.Equal(1, page.Page);
        Assert.Equal(20, page.PageSize);
        Assert.True(page.Total >= 6);
        Assert.Equal(page.Items.Select(b => b.Title).Order(StringComparer.OrdinalIgnoreCase), page.Items.Select(b => b.Title));
        Assert.Contains(page.Items, b => b is { Id: 3, Title: "The Hobbit", AuthorId: 2, Isbn: "9780547928227", Year: 1937, Genre: Genre.Fantasy });
    }

    [Fact]
    public async Task List_ByGenreAndRepeatedTag_ReturnsOnlyBooksWithEveryTag()
    {
        var page = await (await Client.GetAsync("/books?genre=fantasy&tag=classic&tag=magic")).ReadJsonAsync(HttpStatusCode.OK, Json.BookPage);

        var book = Assert.Single(page.Items);
        Assert.Equal("A Wizard of Earthsea", book.Title);
        Assert.Equal(["classic", "magic"], book.Tags);
        Assert.Equal(1, page.Total);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task List_WithRenamedSearchAndEnumSort_FiltersAndOrders()
    {
        var page = await (await Client.GetAsync("/books?q=THE&genre=ScienceFiction&sort=year")).ReadJsonAsync(HttpStatusCode.OK, Json.BookPage);

        Assert.Equal(["The Left Hand of Darkness", "Parable of the Sower"], page.Items.Select(b => b.Title));
    }

    [Fact]
    public async Task List_ByAuthorId_ReturnsTheirBooks()
    {
        var page = await (await Client.GetAsync("/books?authorId=3&sort=year")).ReadJsonAsync(HttpStatusCode.OK, Json.BookPage);

        Assert.Equal(["Kindred", "Parable of the Sower"], page.Items.Select(b => b.Title));
    }

    [Fact]
    public async Task List_WithPaging_ReturnsThatPageAndALinkToTheNext()
    {
        var page = await (await Client.GetAsync("/books?sort=year&pageSize=2&page=2")).ReadJsonAsync(HttpStatusCode.OK, Json.BookPage);

        Assert.Equal(2, page.Page);
        Assert.Equal(2, page.PageSize);
        Assert.Equal(["The Left Hand of Darkness", "Kindred"], page.Items.Select(b => b.Title));
        Assert.Equal("/books?sort=year&pageSize=2&page=3", page.Next);

        var next = await (await Client.GetAsync(page.Next)).ReadJsonAsync(HttpStatusCode.OK, Json.BookPage);
        Assert.Equal(3, next.Page);
        Assert.Equal(["Parable of the Sower", "SPQR"], next.Items.Take(2).Select(b => b.Title));
    }

    [Fact]
    public async Task List_WithPagingOutOfRange_ReturnsValidationProblem()
    {
        var response = await Client.GetAsync("/books?page=0&pageSize=500");

        await response.AssertValidationProblemAsync("page", "pageSize");
    }

    [Fact]
    public async Task List_WithUnknownGenre_Returns400NamingGenre()
    {
        var response = await Client.GetAsync("/books?genre=cookbook");

        await response.AssertValidationProblemAsync("genre");
    }

    [Fact]
    public async Task List_WithNonNumericAuthorId_Returns400NamingAuthorId()
    {
        var response = await Client.GetAsync("/books?authorId=tolkien");

        await response.AssertValidationProblemAsync("authorId");
    }

    [Fact]
    public async Task Find_SeededBook_ReturnsIt()
    {
        var book = await (await Client.GetAsync("/books/3")).ReadJsonAsync(HttpStatusCode.OK, Json.Book);

        Assert.Equal("The Hobbit", book.Title);
        Assert.Equal(["adventure", "classic"], book.Tags);
    }

    [Fact]
    public async Task Find_MissingBook_Returns404Problem()
    {
        var response = await Client.GetAsync("/books/9999");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Find_NonNumericId_Returns404BecauseTheRouteConstraintFails()
    {
        var response = await Client.GetAsync("/books/hobbit");

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Add_ValidBook_Returns201WithLocationThatResolves()
    {
        var input = NewBook("Add test", Isbns.Hyphenated(1));

        var response = await Client.PostAsync("/books", Http.Json(input, Json.BookInput));
        var created = await response.ReadJsonAsync(HttpStatusCode.Created, Json.Book);

        Assert.Equal($"/books/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Add test", created.Title);
        Assert.Equal(Isbns.Digits(1), created.Isbn);
        Assert.Equal(["poem", "test"], created.Tags);
        Assert.Equal(BookshelfFixture.Now, created.AddedAt);

        var found = await (await Client.GetAsync(response.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK, Json.Book);
        Assert.Equal(created, found, BookComparer.Instance);
    }

    [Fact]
    public async Task Add_DuplicateIsbn_Returns409AndStoresNothing()
    {
        var before = await CountAsync();

        var response = await Client.PostAsync("/books", Http.Json(NewBook("Another Hobbit", "9780547928227"), Json.BookInput));

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Add_InvalidBook_ReturnsValidationProblemAndStoresNothing()
    {
        var before = await CountAsync();
        // Blank title, no such author, a wrong check digit, a future year, no genre, a tag that is not a slug.
        var input = new BookInput(" ", AuthorId: 99, Isbn: "978-0-00-000001-2", Year: 3000, Genre: null, Tags: ["Not A Slug"]);

        var response = await Client.PostAsync("/books", Http.Json(input, Json.BookInput));

        await response.AssertValidationProblemAsync("title", "authorId", "isbn", "year", "genre", "tags");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Replace_ExistingBook_ReplacesEveryField()
    {
        var created = await CreateAsync("Replace test", Isbns.Hyphenated(2));
        var input = new BookInput("Replaced", AuthorId: 1, Isbn: Isbns.Hyphenated(3), Year: 2021, Genre.Fiction, Tags: ["new"]);

        var replaced = await (await Client.SendIfMatchAsync(HttpMethod.Put, $"/books/{created.Id}", Http.ETag(created.Version), Http.Json(input, Json.BookInput))).ReadJsonAsync(HttpStatusCode.OK, Json.Book);

        Assert.Equal(("Replaced", 1, Isbns.Digits(3), 2021, Genre.Fiction), (replaced.Title, replaced.AuthorId, replaced.Isbn, replaced.Year, replaced.Genre));
        Assert.Equal(["new"], replaced.Tags);
        var found = await (await Client.GetAsync($"/books/{created.Id}")).ReadJsonAsync(HttpStatusCode.OK, Json.Book);
        Assert.Equal("Replaced", found.Title);
    }

    [Fact]
    public async Task Replace_WithAnotherBooksIsbn_Returns409AndChangesNothing()
    {
        var created = await CreateAsync("Conflict test", Isbns.Hyphenated(4));

        var response = await Client.SendIfMatchAsync(HttpMethod.Put, $"/books/{created.Id}", Http.ETag(created.Version), Http.Json(NewBook("Conflict test", "9780547928227"), Json.BookInput));

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        var found = await (await Client.GetAsync($"/books/{created.Id}")).ReadJsonAsync(HttpStatusCode.OK, Json.Book);
        Assert.Equal(Isbns.Digits(4), found.Isbn);
    }

    [Fact]
    public async Task Replace_MissingBook_Returns404()
    {
        var response = await Client.SendIfMatchAsync(HttpMethod.Put, "/books/9999", "*", Http.Json(NewBook("Nowhere", Isbns.Hyphenated(5)), Json.BookInput));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_WithPatch_ChangesOnlyTheGivenFields()
    {
        var created = await CreateAsync("Patch test", Isbns.Hyphenated(6));

        var response = await Client.SendIfMatchAsync(HttpMethod.Patch, $"/books/{created.Id}", Http.ETag(created.Version), Http.Raw("""{ "year": 2024, "tags": ["patched"] }"""));
        var patched = await response.ReadJsonAsync(HttpStatusCode.OK, Json.Book);

        Assert.Equal(created with { Year = 2024, Tags = ["patched"], Version = created.Version + 1 }, patched, BookComparer.Instance);
        Assert.Equal(Http.ETag(created.Version + 1), response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Update_WithInvalidPatch_ReturnsValidationProblemAndChangesNothing()
    {
        var created = await CreateAsync("Bad patch test", Isbns.Hyphenated(7));

        var response = await Client.SendIfMatchAsync(HttpMethod.Patch, $"/books/{created.Id}", Http.ETag(created.Version), Http.Raw("""{ "title": "", "year": 99 }"""));

        await response.AssertValidationProblemAsync("title", "year");
        var found = await (await Client.GetAsync($"/books/{created.Id}")).ReadJsonAsync(HttpStatusCode.OK, Json.Book);
        Assert.Equal(("Bad patch test", 2020), (found.Title, found.Year));
    }

    [Fact]
    public async Task Update_MissingBook_Returns404()
    {
        var response = await Client.SendIfMatchAsync(HttpMethod.Patch, "/books/9999", "*", Http.Raw("""{ "year": 2024 }"""));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Remove_ExistingBook_Returns204ThenTheBookIsGone()
    {
        var created = await CreateAsync("Remove test", Isbns.Hyphenated(8));

        var response = await Client.SendIfMatchAsync(HttpMethod.Delete, $"/books/{created.Id}", Http.ETag(created.Version));

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        await (await Client.GetAsync($"/books/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await Client.SendIfMatchAsync(HttpMethod.Delete, $"/books/{created.Id}", "*")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static BookInput NewBook(string title, string isbn)
        => new(title, AuthorId: 1, isbn, Year: 2020, Genre.Poetry, Tags: ["test", "poem", "test"]);

    private async Task<Book> CreateAsync(string title, string isbn)
    {
        var response = await Client.PostAsync("/books", Http.Json(NewBook(title, isbn), Json.BookInput));
        return await response.ReadJsonAsync(HttpStatusCode.Created, Json.Book);
    }

    private async Task<int> CountAsync()
        => (await (await Client.GetAsync("/books?pageSize=1")).ReadJsonAsync(HttpStatusCode.OK, Json.BookPage)).Total;
}
