using System;
using System.Collections.Generic;
using Bookshelf.Models;
using System.Data.Common;

namespace Bookshelf.Data;

/// <summary>Reads and writes <see cref="Review"/>s.</summary>
/// <remarks>
/// Synchronous, to serve the sample's synchronous handlers: Microsoft.Data.Sqlite runs its async methods
/// synchronously anyway, so for SQLite both styles cost the same.
/// </remarks>
public sealed class ReviewStore(BookshelfDatabase database)
{
    private const string SelectReviews = "SELECT id, book_id, reviewer, rating, text, created_at FROM reviews";

    /// <summary>The reviews of the book <paramref name="bookId"/> rated at least <paramref name="minRating"/>, oldest first.</summary>
    public IReadOnlyList<Review> List(int bookId, int minRating)
    {
        using var connection = database.Open();
        using var command = connection.Command(
            SelectReviews + " WHERE book_id = @bookId AND rating >= @minRating ORDER BY id",
            ("@bookId", bookId),
            ("@minRating", minRating));
        return ReadReviews(command);
    }

    /// <summary>The review <paramref name="id"/> of the book <paramref name="bookId"/>, or <see langword="null"/>.</summary>
    public Review? Find(int bookId, int id)
    {
        using var connection = database.Open();
        using var command = connection.Command(
            SelectReviews + " WHERE book_id = @bookId AND id = @id",
            ("@bookId", bookId),
            ("@id", id));
        var reviews = ReadReviews(command);
        return reviews.Count == 0 ? null : reviews[0];
    }

    /// <summary>Stores a valid review of the existing book <paramref name="bookId"/>.</summary>
    public Review Add(int bookId, string reviewer, ReviewInput input, DateTimeOffset createdAt)
    {
        using var connection = database.Open();
        var id = connection.ExecuteInt64(
            """
            INSERT INTO reviews (book_id, reviewer, rating, text, created_at)
            VALUES (@bookId, @reviewer, @rating, @text, @createdAt)
            RETURNING id
            """,
            ("@bookId", bookId),
            ("@reviewer", reviewer),
            ("@rating", input.Rating),
            ("@text", input.Text),
            ("@createdAt", createdAt));
        return new Review((int)id, bookId, reviewer, input.Rating, input.Text, createdAt);
    }

    /// <summary>Deletes the review <paramref name="id"/> of the book <paramref name="bookId"/>, if there is one.</summary>
    public void Remove(int bookId, int id)
    {
        using var connection = database.Open();
        connection.Execute("DELETE FROM reviews WHERE book_id = @bookId AND id = @id", ("@bookId", bookId), ("@id", id));
    }

    private static List<Review> ReadReviews(DbCommand command)
    {
        var reviews = new List<Review>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            reviews.Add(new Review(
                Id: reader.GetInt32(0),
                BookId: reader.GetInt32(1),
                Reviewer: reader.GetString(2),
                Rating: reader.GetInt32(3),
                Text: reader.GetNullableString(4),
                CreatedAt: reader.GetTimestamp(5)));
        }

        return reviews;
    }
}
