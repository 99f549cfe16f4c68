using System;
using System.Collections.Generic;

namespace Bookshelf.Models;

/// <summary>A reader's rating of a book.</summary>
/// <param name="Id">The review's id, assigned by the server.</param>
/// <param name="BookId">The id of the reviewed book.</param>
/// <param name="Reviewer">Who wrote the review, from the <c>X-Reviewer</c> header.</param>
/// <param name="Rating">From 1 to 5 stars.</param>
/// <param name="Text">What the reviewer had to say, if anything.</param>
/// <param name="CreatedAt">When the review was written.</param>
public sealed record Review(int Id, int BookId, string Reviewer, int Rating, string? Text, DateTimeOffset CreatedAt);

/// <summary>What a client sends to review a book; who reviews comes from the <c>X-Reviewer</c> header.</summary>
/// <param name="Rating">From 1 to 5 stars; required.</param>
/// <param name="Text">What the reviewer has to say; optional.</param>
public sealed record ReviewInput(int Rating, string? Text)
{
    /// <summary>The fields that break the rules, keyed by their JSON names; empty when the input is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Rating is < 1 or > 5)
        {
            errors["rating"] = ["The rating is from 1 to 5."];
        }

        if (Text?.Length > 4000)
        {
            errors["text"] = ["A review has at most 4000 characters."];
        }

        return errors;
    }
}
