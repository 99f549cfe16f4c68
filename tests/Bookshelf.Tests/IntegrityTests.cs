using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Models;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>
/// What holds under concurrent writes and hostile input: uniqueness enforced by the database (races are 409,
/// never 500), ids never reused, enums only their members, paging and filters bounded.
/// </summary>
public sealed class IntegrityTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private const int Clients = 64;
    private static readonly BookshelfJsonContext Json = BookshelfJsonContext.Default;

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Add_SameIsbnFrom64ClientsAtOnce_OneIsCreatedAndTheRestAre409()
    {
        var isbn = Isbns.Digits(900001);

        var statuses = await RaceAsync(Clients, i => Client.PostAsync("/books", Http.Json(Book($"Race {i}", isbn), Json.BookInput)));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Clients - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Replace_ManyBooksToTheSameIsbnAtOnce_OneWinsAndTheRestAre409()
    {
        var ids = new List<int>();
        for (var i = 0; i < 16; i++)
        {
            var created = await (await Client.PostAsync("/books", Http.Json(Book($"Replace race {i}", Isbns.Digits(900100 + i)), Json.BookInput)))
                .ReadJsonAsync(HttpStatusCode.Created, Json.Book);
            ids.Add(created.Id);
        }

        var isbn = Isbns.Digits(900099);
        var statuses = await RaceAsync(ids.Count, i => Client.SendIfMatchAsync(HttpMethod.Put, $"/books/{ids[i]}", Http.ETag(1), Http.Json(Book($"Replace race {i}", isbn), Json.BookInput)));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(ids.Count - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Add_ShelfNamesDifferingOnlyInCaseAtOnce_OneIsCreated()
    {
        string[] spellings = ["Race shelf", "RACE SHELF", "race shelf", "Race Shelf ", "rAcE sHeLf"];

        var statuses = await RaceAsync(40, i => Client.PostAsync("/shelves", Http.Json(new ShelfInput(spellings[i % spellings.Length], null), Json.ShelfInput)));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(39, statuses.Count(s => s == HttpStatusCode.Conflict));
        var shelves = await (await Client.GetAsync("/shelves")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListShelf);
        Assert.Single(shelves, shelf => string.Equals(shelf.Name, "race shelf", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Conflict_FromTheDatabase_IsAProblemDetails409()
    {
        var isbn = Isbns.Digits(900002);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Client.PostAsync("/books", Http.Json(Book($"Problem {i}", isbn), Json.BookInput))));

        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("Conflict", problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task Reviews_OfABookBeingDeleted_Are201Or404Or409AndNever500()
    {
        for (var round = 0; round < 5; round++)
        {
            var book = await (await Client.PostAsync("/books", Http.Json(Book($"Doomed {round}", Isbns.Digits(900200 + round)), Json.BookInput)))
                .ReadJsonAsync(HttpStatusCode.Created, Json.Book);

            var statuses = await RaceAsync(32, i =>
            {
                if (i == 16)
                {
                    return Client.SendIfMatchAsync(HttpMethod.Delete, $"/books/{book.Id}", Http.ETag(book.Version));
                }

                var request = new HttpRequestMessage(HttpMethod.Post, $"/books/{book.Id}/reviews")
                {
                    Content = Http.Json(new ReviewInput(4, null), Json.ReviewInput),
                };
                request.Headers.Add("X-Reviewer", "racer");
                return Client.SendAsync(request);
            });

            Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.Conflict }));
            Assert.Single(statuses, status => status == HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task ShelfBooks_PuttingABookBeingDeletedOnAShelf_IsNever500()
    {
        var book = await (await Client.PostAsync("/books", Http.Json(Book("Shelved and doomed", Isbns.Digits(900300)), Json.BookInput)))
            .ReadJsonAsync(HttpStatusCode.Created, Json.Book);

        var statuses = await RaceAsync(16, i => i == 8 ? Client.SendIfMatchAsync(HttpMethod.Delete, $"/books/{book.Id}", Http.ETag(book.Version)) : Client.PutAsync($"/shelves/2/books/{book.Id}", null));

        Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.Conflict }));
    }

    [Fact]
    public async Task Add_AfterTheNewestBookWasDeleted_GetsANewId()
    {
        var first = await (await Client.PostAsync("/books", Http.Json(Book("Deleted soon", Isbns.Digits(900400)), Json.BookInput)))
            .ReadJsonAsync(HttpStatusCode.Created, Json.Book);
        await (await Client.SendIfMatchAsync(HttpMethod.Delete, $"/books/{first.Id}", Http.ETag(first.Version))).AssertStatusAsync(HttpStatusCode.NoContent);

        var second = await (await Client.PostAsync("/books", Http.Json(Book("Created after", Isbns.Digits(900401)), Json.BookInput)))
            .ReadJsonAsync(HttpStatusCode.Created, Json.Book);

        Assert.True(second.Id > first.Id, $"id {second.Id} after deleted id {first.Id}");
        await (await Client.GetAsync($"/books/{first.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Add_AfterTheNewestShelfAndReviewWereDeleted_GetsNewIds()
    {
        var shelf = await (await Client.PostAsync("/shelves", Http.Json(new ShelfInput("Deleted shelf", null), Json.ShelfInput))).ReadJsonAsync(HttpStatusCode.Created, Json.Shelf);
        await (await Client.DeleteAsync($"/shelves/{shelf.Id}")).AssertStatusAsync(HttpStatusCode.NoContent);
        var nextShelf = await (await Client.PostAsync("/shelves", Http.Json(new ShelfInput("Next shelf", null), Json.ShelfInput))).ReadJsonAsync(HttpStatusCode.Created, Json.Shelf);

        Assert.True(nextShelf.Id > shelf.Id);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("\"Fantasy, Poetry\"")]
    [InlineData("\"99\"")]
    [InlineData("1")]
    public async Task Add_GenreOutsideTheEnum_Returns400(string genre)
    {
        var body = $$"""{"title":"Odd genre","authorId":1,"isbn":"{{Isbns.Digits(900500)}}","year":2000,"genre":{{genre}}}""";

        var response = await Client.PostAsync("/books", Http.Raw(body));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await Client.GetAsync($"/books?q=Odd+genre")).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Patch_GenreOutsideTheEnum_Returns400()
    {
        var response = await Client.SendIfMatchAsync(HttpMethod.Patch, "/books/1", "*", Http.Raw("""{"genre":"Fantasy, Poetry"}"""));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/books?genre=Fantasy,ScienceFiction", "genre")]
    [InlineData("/books?genre=99", "genre")]
    [InlineData("/recommendations?genre=Fantasy,Poetry", "genre")]
    [InlineData("/books?sort=Title,Year", "sort")]
    public async Task Query_EnumOutsideItsMembers_Returns400NamingIt(string uri, string name)
    {
        var problem = await (await Client.GetAsync(uri)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(name, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/books?page=2147483647")]
    [InlineData("/books?page=2147483647&pageSize=1")]
    [InlineData("/books?page=21474837&pageSize=100")]
    public async Task List_PageWhoseOffsetOverflows_Returns400NamingPage(string uri)
    {
        await (await Client.GetAsync(uri)).AssertValidationProblemAsync("page");
    }

    [Fact]
    public async Task List_LastPageThatFits_Returns200()
    {
        var page = await (await Client.GetAsync("/books?page=2147483646&pageSize=1")).ReadJsonAsync(HttpStatusCode.OK, Json.BookPage);

        Assert.Empty(page.Items);
    }

    [Theory]
    [InlineData(BookFilter.MaxTags + 1)]
    [InlineData(934)]
    public async Task List_TooManyTags_Returns400NamingTag(int count)
    {
        var query = string.Join("&", Enumerable.Range(0, count).Select(i => $"tag=t{i}"));

        await (await Client.GetAsync("/books?" + query)).AssertValidationProblemAsync("tag");
    }

    [Fact]
    public async Task List_AsManyTagsAsAllowed_Returns200()
    {
        var query = string.Join("&", Enumerable.Range(0, BookFilter.MaxTags).Select(i => $"tag=t{i}"));

        var page = await (await Client.GetAsync("/books?" + query)).ReadJsonAsync(HttpStatusCode.OK, Json.BookPage);

        Assert.Empty(page.Items);
    }

    private static BookInput Book(string title, string isbn) => new(title, 1, isbn, 2000, Genre.Fantasy, ["race"]);

    /// <summary>Sends <paramref name="count"/> requests at once; their statuses, after asserting none is a 5xx.</summary>
    private static async Task<HttpStatusCode[]> RaceAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        using var start = new System.Threading.ManualResetEventSlim();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var response = await send(i);
            if ((int)response.StatusCode >= 500)
            {
                Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            return response.StatusCode;
        })).ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }
}
