using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bookshelf.Models;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>
/// <c>/books/{bookId}/reviews</c>: a route value in the resource's own template, a required header, a defaulted
/// query value, <c>[FromServices]</c> and a <see langword="void"/> handler.
/// </summary>
public sealed class ReviewsTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private static readonly BookshelfJsonContext Json = BookshelfJsonContext.Default;

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task List_SeededBook_ReturnsItsReviewsOldestFirst()
    {
        var reviews = await (await Client.GetAsync("/books/3/reviews")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListReview);

        Assert.Equal([("ana", 4), ("ben", 5)], reviews.Take(2).Select(r => (r.Reviewer, r.Rating)));
        Assert.All(reviews, r => Assert.Equal(3, r.BookId));
    }

    [Fact]
    public async Task List_WithMinRating_ReturnsOnlyBetterReviews()
    {
        var reviews = await (await Client.GetAsync("/books/3/reviews?minRating=5")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListReview);

        Assert.Equal(("ben", 5, null), (reviews[0].Reviewer, reviews[0].Rating, reviews[0].Text));
        Assert.All(reviews, r => Assert.Equal(5, r.Rating));
    }

    [Fact]
    public async Task List_MissingBook_Returns404()
    {
        var response = await Client.GetAsync("/books/9999/reviews");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Add_WithReviewerHeader_Returns201WithLocationThatResolves()
    {
        var response = await PostReviewAsync(bookId: 2, reviewer: "dana", new ReviewInput(4, "Ambitious."));
        var created = await response.ReadJsonAsync(HttpStatusCode.Created, Json.Review);

        Assert.Equal((2, "dana", 4, "Ambitious.", BookshelfFixture.Now), (created.BookId, created.Reviewer, created.Rating, created.Text, created.CreatedAt));
        Assert.Equal($"/books/2/reviews/{created.Id}", response.Headers.Location?.OriginalString);
        var found = await (await Client.GetAsync(response.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK, Json.Review);
        Assert.Equal(created, found);
    }

    [Fact]
    public async Task Add_WithoutReviewerHeader_Returns400NamingTheHeaderAndStoresNothing()
    {
        var before = await CountAsync(bookId: 6);

        var response = await PostReviewAsync(bookId: 6, reviewer: null, new ReviewInput(5, "Nobody wrote this."));

        await response.AssertValidationProblemAsync("X-Reviewer");
        Assert.Equal(before, await CountAsync(bookId: 6));
    }

    [Fact]
    public async Task Add_RatingOutOfRange_ReturnsValidationProblemAndStoresNothing()
    {
        var before = await CountAsync(bookId: 6);

        var response = await PostReviewAsync(bookId: 6, reviewer: "erin", new ReviewInput(9, null));

        await response.AssertValidationProblemAsync("rating");
        Assert.Equal(before, await CountAsync(bookId: 6));
    }

    [Fact]
    public async Task Add_MissingBook_Returns404()
    {
        var response = await PostReviewAsync(bookId: 9999, reviewer: "erin", new ReviewInput(3, null));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Find_OtherBooksReview_Returns404()
    {
        // Review 1 is of book 1: under book 2 it does not exist.
        var response = await Client.GetAsync("/books/2/reviews/1");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Remove_VoidHandler_Returns204AndIsIdempotent()
    {
        var created = await (await PostReviewAsync(bookId: 5, reviewer: "finn", new ReviewInput(2, null))).ReadJsonAsync(HttpStatusCode.Created, Json.Review);

        await (await Client.DeleteAsync($"/books/5/reviews/{created.Id}")).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await Client.DeleteAsync($"/books/5/reviews/{created.Id}")).AssertStatusAsync(HttpStatusCode.NoContent);

        await (await Client.GetAsync($"/books/5/reviews/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> PostReviewAsync(int bookId, string? reviewer, ReviewInput input)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/books/{bookId}/reviews")
        {
            Content = Http.Json(input, Json.ReviewInput),
        };
        if (reviewer is not null)
        {
            request.Headers.Add("X-Reviewer", reviewer);
        }

        return await Client.SendAsync(request);
    }

    private async Task<int> CountAsync(int bookId)
        => (await (await Client.GetAsync($"/books/{bookId}/reviews")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListReview)).Count;
}
