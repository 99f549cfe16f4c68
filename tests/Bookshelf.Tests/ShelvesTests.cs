using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Models;
using Xunit;

namespace Bookshelf.Tests;

/// <summary><c>/shelves</c>: routes without constraints, a <c>Task&lt;T&gt;</c> result and a plain <c>Task</c> one.</summary>
public sealed class ShelvesTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private static readonly BookshelfJsonContext Json = BookshelfJsonContext.Default;

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task List_SeededShelves_ReturnsThemByName()
    {
        var shelves = await (await Client.GetAsync("/shelves")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListShelf);

        Assert.Equal(["Favourites", "To read"], shelves.Where(s => s.Id <= 2).Select(s => s.Name));
    }

    [Fact]
    public async Task Find_SeededShelf_ReturnsItWithItsBooks()
    {
        var shelf = await (await Client.GetAsync("/shelves/1")).ReadJsonAsync(HttpStatusCode.OK, Json.Shelf);

        Assert.Equal(("Favourites", "Worth reading again"), (shelf.Name, shelf.Description));
        Assert.Equal([1, 3], shelf.BookIds);
    }

    [Fact]
    public async Task Find_MissingShelf_Returns404()
    {
        var response = await Client.GetAsync("/shelves/9999");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Add_ValidShelf_Returns201WithLocationThatResolves()
    {
        var response = await Client.PostAsync("/shelves", Http.Json(new ShelfInput("Add test", "For tests"), Json.ShelfInput));
        var created = await response.ReadJsonAsync(HttpStatusCode.Created, Json.Shelf);

        Assert.Equal(("Add test", "For tests"), (created.Name, created.Description));
        Assert.Empty(created.BookIds);
        Assert.Equal($"/shelves/{created.Id}", response.Headers.Location?.OriginalString);
        var found = await (await Client.GetAsync(response.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK, Json.Shelf);
        Assert.Equal((created.Id, created.Name), (found.Id, found.Name));
    }

    [Fact]
    public async Task Add_TakenName_Returns409()
    {
        var response = await Client.PostAsync("/shelves", Http.Json(new ShelfInput("FAVOURITES", null), Json.ShelfInput));

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Add_BlankName_ReturnsValidationProblem()
    {
        var response = await Client.PostAsync("/shelves", Http.Json(new ShelfInput("", null), Json.ShelfInput));

        await response.AssertValidationProblemAsync("name");
    }

    [Fact]
    public async Task Replace_ExistingShelf_RenamesItAndKeepsItsBooks()
    {
        var created = await CreateAsync("Replace test");
        await (await Client.PutAsync($"/shelves/{created.Id}/books/2", content: null)).AssertStatusAsync(HttpStatusCode.NoContent);

        var response = await Client.PutAsync($"/shelves/{created.Id}", Http.Json(new ShelfInput("Replaced", "Renamed"), Json.ShelfInput));
        var replaced = await response.ReadJsonAsync(HttpStatusCode.OK, Json.Shelf);

        Assert.Equal(("Replaced", "Renamed"), (replaced.Name, replaced.Description));
        Assert.Equal([2], replaced.BookIds);
    }

    [Fact]
    public async Task Replace_MissingShelf_Returns404()
    {
        var response = await Client.PutAsync("/shelves/9999", Http.Json(new ShelfInput("Nowhere", null), Json.ShelfInput));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Remove_ExistingShelf_Returns204ThenTheShelfIsGone()
    {
        var created = await CreateAsync("Remove test");

        var response = await Client.DeleteAsync($"/shelves/{created.Id}");

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        await (await Client.GetAsync($"/shelves/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await Client.DeleteAsync($"/shelves/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddBook_Twice_PutsTheBookOnTheShelfOnce()
    {
        var created = await CreateAsync("Shelve test");

        await (await Client.PutAsync($"/shelves/{created.Id}/books/4", content: null)).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await Client.PutAsync($"/shelves/{created.Id}/books/4", content: null)).AssertStatusAsync(HttpStatusCode.NoContent);

        var shelf = await (await Client.GetAsync($"/shelves/{created.Id}")).ReadJsonAsync(HttpStatusCode.OK, Json.Shelf);
        Assert.Equal([4], shelf.BookIds);
    }

    [Fact]
    public async Task AddBook_MissingBook_Returns404()
    {
        var response = await Client.PutAsync("/shelves/1/books/9999", content: null);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RemoveBook_PresentOrNot_Returns204()
    {
        var created = await CreateAsync("Unshelve test");
        await (await Client.PutAsync($"/shelves/{created.Id}/books/5", content: null)).AssertStatusAsync(HttpStatusCode.NoContent);

        await (await Client.DeleteAsync($"/shelves/{created.Id}/books/5")).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await Client.DeleteAsync($"/shelves/{created.Id}/books/5")).AssertStatusAsync(HttpStatusCode.NoContent);

        var shelf = await (await Client.GetAsync($"/shelves/{created.Id}")).ReadJsonAsync(HttpStatusCode.OK, Json.Shelf);
        Assert.Empty(shelf.BookIds);
    }

    private async Task<Shelf> CreateAsync(string name)
    {
        var response = await Client.PostAsync("/shelves", Http.Json(new ShelfInput(name + " " + Guid.NewGuid().ToString("N")[..8], null), Json.ShelfInput));
        return await response.ReadJsonAsync(HttpStatusCode.Created, Json.Shelf);
    }
}
