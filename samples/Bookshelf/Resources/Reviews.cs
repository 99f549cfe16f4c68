using System;
using System.Collections.Generic;
using Bookshelf.Data;
using Bookshelf.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Resourceful;

namespace Bookshelf.Resources;

/// <summary>Readers' reviews of one book: <c>/books/{bookId}/reviews</c> and <c>/books/{bookId}/reviews/{id}</c>.</summary>
/// <remarks>
/// The resource's own template has a route value, <c>{bookId}</c>, which every handler takes. The binding
/// attributes are spelled out here, though the generator would infer the same sources without them.
/// </remarks>
[Resource("/books/{bookId:int}/reviews")]
public sealed partial class Reviews(ReviewStore reviews, BookStore books)
{
    /// <summary><c>GET /books/3/reviews?minRating=4</c>: the book's reviews, oldest first.</summary>
    /// <param name="bookId">The reviewed book.</param>
    /// <param name="minRating">Only reviews rated at least this; by default every review.</param>
    [Get]
    public Results<Ok<IReadOnlyList<Review>>, NotFound> List([FromRoute] int bookId, [FromQuery] int minRating = 1)
        => books.Exists(bookId)
            ? TypedResults.Ok(reviews.List(bookId, minRating))
            : TypedResults.NotFound();

    /// <summary><c>GET /books/3/reviews/2</c>: one review.</summary>
    [Get("{id:int}")]
    public Results<Ok<Review>, NotFound> Find(int bookId, int id)
        => reviews.Find(bookId, id) is { } review
            ? TypedResults.Ok(review)
            : TypedResults.NotFound();

    /// <summary><c>POST /books/3/reviews</c> with <c>X-Reviewer: ana</c>: reviews a book; <c>201 Created</c> with its <c>Location</c>.</summary>
    /// <param name="bookId">The reviewed book.</param>
    /// <param name="reviewer">Who reviews. A real service would take it from the signed-in user; the sample has no sign-in.</param>
    /// <param name="body">The rating and the text.</param>
    /// <param name="clock">The time the review is written at.</param>
    [Post]
    [Authorize]
    public Results<Created<Review>, NotFound, ValidationProblem> Add(
        [FromRoute] int bookId,
        [FromHeader(Name = "X-Reviewer")] string reviewer,
        [FromBody] ReviewInput body,
        [FromServices] TimeProvider clock)
    {
        if (!books.Exists(bookId))
        {
            return TypedResults.NotFound();
        }

        var errors = body.Validate();
        if (string.IsNullOrWhiteSpace(reviewer) || reviewer.Trim().Length > 100)
        {
            errors["X-Reviewer"] = ["The reviewer's name has 1 to 100 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var review = reviews.Add(bookId, reviewer.Trim(), body, clock.GetUtcNow());
        return TypedResults.Created(Links.Find(bookId, review.Id), review);
    }

    /// <summary><c>DELETE /books/3/reviews/2</c>: removes a review.</summary>
    /// <remarks>
    /// A <see langword="void"/> handler answers <c>204 No Content</c>. Deleting a review that is already gone is
    /// not an error: <c>DELETE</c> is idempotent, and the client's goal is met.
    /// </remarks>
    [Delete("{id:int}")]
    [Authorize(Roles = "admin")]
    public void Remove(int bookId, int id) => reviews.Remove(bookId, id);
}
