using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Models;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>Reads are anonymous; writes need a JWT bearer token, and deletes one with the role <c>admin</c>.</summary>
public sealed class AuthTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private static readonly BookshelfJsonContext Json = BookshelfJsonContext.Default;

    [Theory]
    [InlineData("/books")]
    [InlineData("/books/1")]
    [InlineData("/authors")]
    [InlineData("/shelves/1")]
    [InlineData("/books/3/reviews")]
    [InlineData("/health")]
    public async Task Get_WithoutAToken_Returns200(string uri)
    {
        using var anonymous = fixture.CreateClient();

        await (await anonymous.GetAsync(uri)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("POST", "/books")]
    [InlineData("PUT", "/books/1")]
    [InlineData("PATCH", "/books/1")]
    [InlineData("DELETE", "/books/1")]
    [InlineData("POST", "/authors")]
    [InlineData("PUT", "/authors/1")]
    [InlineData("DELETE", "/authors/1")]
    [InlineData("POST", "/shelves")]
    [InlineData("PUT", "/shelves/1")]
    [InlineData("DELETE", "/shelves/1")]
    [InlineData("PUT", "/shelves/1/books/2")]
    [InlineData("DELETE", "/shelves/1/books/1")]
    [InlineData("POST", "/books/3/reviews")]
    [InlineData("DELETE", "/books/3/reviews/2")]
    public async Task Write_WithoutAToken_Returns401ProblemWithABearerChallenge(string method, string uri)
    {
        using var anonymous = fixture.CreateClient();

        // A malformed body too: authorization runs before binding, so it is a 401, not a 400.
        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri) { Content = Http.Raw("{\"title\": ") });

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Add_WithAnExpiredToken_Returns401()
    {
        using var client = fixture.CreateClient(TestTokens.Expired());

        var response = await client.PostAsync("/shelves", Http.Json(new ShelfInput("Expired", null), Json.ShelfInput));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Add_WithATokenSignedByAnotherKey_Returns401()
    {
        using var client = fixture.CreateClient(TestTokens.Forged());

        var response = await client.PostAsync("/shelves", Http.Json(new ShelfInput("Forged", null), Json.ShelfInput));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Add_WithATokenWithoutRoles_Returns201()
    {
        using var client = fixture.CreateClient(TestTokens.Create("reader"));

        var response = await client.PostAsync("/shelves", Http.Json(new ShelfInput("A reader's shelf", null), Json.ShelfInput));

        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Delete_WithATokenWithoutTheAdminRole_Returns403AndKeepsTheShelf()
    {
        var shelf = await (await fixture.Client.PostAsync("/shelves", Http.Json(new ShelfInput("Not deleted", null), Json.ShelfInput)))
            .ReadJsonAsync(HttpStatusCode.Created, Json.Shelf);
        using var client = fixture.CreateClient(TestTokens.Create("reader", "editor"));

        await (await client.DeleteAsync($"/shelves/{shelf.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);

        await (await client.GetAsync($"/shelves/{shelf.Id}")).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_WithTheAdminRole_Returns204()
    {
        var shelf = await (await fixture.Client.PostAsync("/shelves", Http.Json(new ShelfInput("Deleted by admin", null), Json.ShelfInput)))
            .ReadJsonAsync(HttpStatusCode.Created, Json.Shelf);
        using var client = fixture.CreateClient(TestTokens.Create("boss", "editor", "admin"));

        await (await client.DeleteAsync($"/shelves/{shelf.Id}")).AssertStatusAsync(HttpStatusCode.NoContent);
    }
}
