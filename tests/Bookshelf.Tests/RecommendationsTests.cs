using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Bookshelf.Tests;

/// <summary><c>/recommendations</c> (a required enum query value) and <c>/health</c> (a static handler returning text).</summary>
public sealed class RecommendationsTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private static readonly BookshelfJsonContext Json = BookshelfJsonContext.Default;

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task List_ByGenre_ReturnsReviewedBooksBestFirst()
    {
        var recommendations = await (await Client.GetAsync("/recommendations?genre=Fantasy")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListRecommendation);

        Assert.Equal(
            [("A Wizard of Earthsea", 5.0, 1), ("The Hobbit", 4.5, 2)],
            recommendations.Select(r => (r.Book.Title, r.AverageRating, r.ReviewCount)));
    }

    [Fact]
    public async Task List_WithCount_ReturnsThatMany()
    {
        var recommendations = await (await Client.GetAsync("/recommendations?genre=fantasy&count=1")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListRecommendation);

        Assert.Equal("A Wizard of Earthsea", Assert.Single(recommendations).Book.Title);
    }

    [Fact]
    public async Task List_WithoutGenre_Returns400NamingGenre()
    {
        var response = await Client.GetAsync("/recommendations?count=2");

        await response.AssertValidationProblemAsync("genre");
    }

    [Fact]
    public async Task Health_Get_ReturnsHealthyAsText()
    {
        var response = await Client.GetAsync("/health");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
