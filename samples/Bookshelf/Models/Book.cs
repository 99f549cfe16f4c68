using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Text.Json.Serialization;

namespace Bookshelf.Models;

/// <summary>A book on the shelf.</summary>
/// <param name="Id">The book's id, assigned by the server.</param>
/// <param name="Title">The title.</param>
/// <param name="AuthorId">The id of the book's <see cref="Author"/>.</param>
/// <param name="Isbn">The ISBN-13, digits only.</param>
/// <param name="Year">The year of first publication.</param>
/// <param name="Genre">The genre.</param>
/// <param name="Tags">Lower-case labels, sorted.</param>
/// <param name="AddedAt">When the book was put on the shelf.</param>
/// <param name="Version">
/// The book's version: 1 when added, one more on every write. <c>[ConcurrencyCheck]</c> makes it the ETag of
/// <c>GET /books/{id}</c> (<c>"3"</c>), which <c>PUT</c>, <c>PATCH</c> and <c>DELETE</c> require as <c>If-Match</c>.
/// </param>
public sealed record Book(
    int Id,
    string Title,
    int AuthorId,
    string Isbn,
    int Year,
    Genre Genre,
    IReadOnlyList<string> Tags,
    DateTimeOffset AddedAt,
    [property: ConcurrencyCheck] long Version);

/// <summary>The genres a book can have; written in JSON and in query strings by name.</summary>
/// <remarks>
/// Read from JSON by <see cref="StrictEnumConverter{TEnum}"/>: by name, never by number, so <c>99</c> is a 400;
/// <see cref="BookInput.Validate"/> rejects a list of names (<c>"Fantasy, Poetry"</c>) that makes no single genre.
/// </remarks>
[JsonConverter(typeof(StrictEnumConverter<Genre>))]
public enum Genre
{
    /// <summary>Literary fiction.</summary>
    Fiction,

    /// <summary>Fantasy.</summary>
    Fantasy,

    /// <summary>Science fiction.</summary>
    ScienceFiction,

    /// <summary>Crime and mystery.</summary>
    Mystery,

    /// <summary>History.</summary>
    History,

    /// <summary>Biography and memoir.</summary>
    Biography,

    /// <summary>Poetry.</summary>
    Poetry,
}

/// <summary>The orders <c>GET /books</c> can list books in.</summary>
public enum BookSort
{
    /// <summary>Alphabetically by title.</summary>
    Title,

    /// <summary>Oldest first publication first.</summary>
    Year,

    /// <summary>Most recently added first.</summary>
    Added,
}

/// <summary>What a client sends to add a book (<c>POST</c>) or replace one (<c>PUT</c>).</summary>
/// <param name="Title">The title; required.</param>
/// <param name="AuthorId">The id of an existing author; required.</param>
/// <param name="Isbn">An ISBN-13, with or without hyphens; required.</param>
/// <param name="Year">The year of first publication; required.</param>
/// <param name="Genre">The genre; required.</param>
/// <param name="Tags">Optional labels: lower-case letters, digits and hyphens.</param>
public sealed record BookInput(
    string Title,
    int AuthorId,
    string Isbn,
    int Year,
    Genre? Genre,
    IReadOnlyList<string>? Tags)
{
    /// <summary>The ISBN without hyphens or spaces, as it is stored.</summary>
    [JsonIgnore]
    public string NormalizedIsbn => new((Isbn ?? string.Empty).Where(char.IsAsciiDigit).ToArray());

    /// <summary>The tags without duplicates, sorted, as they are stored.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> NormalizedTags => (Tags ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The fields that break the rules, keyed by their JSON names; empty when the input is valid.</summary>
    /// <remarks>Whether <see cref="AuthorId"/> names an existing author is for the caller to check: it needs the store.</remarks>
    public Dictionary<string, string[]> Validate(int currentYear)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors["title"] = ["A title is required."];
        }
        else if (Title.Length > 300)
        {
            errors["title"] = ["A title has at most 300 characters."];
        }

        if (AuthorId <= 0)
        {
            errors["authorId"] = ["An author id is required."];
        }

        if (!IsValidIsbn13(Isbn))
        {
            errors["isbn"] = ["An ISBN-13 is required: 13 digits, hyphens allowed, with a valid check digit."];
        }

        if (Year < 1000 || Year > currentYear)
        {
            errors["year"] = [$"The year must be between 1000 and {currentYear}."];
        }

        if (Genre is null)
        {
            errors["genre"] = ["A genre is required."];
        }
        else if (!Enum.IsDefined(Genre.Value))
        {
            errors["genre"] = [$"The genre is one of {string.Join(", ", Enum.GetNames<Genre>())}."];
        }

        if (Tags?.Any(tag => !IsValidTag(tag)) == true)
        {
            errors["tags"] = ["A tag has 1 to 30 lower-case letters, digits or hyphens."];
        }

        return errors;
    }

    private static bool IsValidIsbn13(string? isbn)
    {
        if (isbn is null || isbn.Any(c => !char.IsAsciiDigit(c) && c != '-' && c != ' '))
        {
            return false;
        }

        var digits = isbn.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 13)
        {
            return false;
        }

        // ISBN-13 check digit: weights alternate 1 and 3, and the weighted sum is a multiple of 10.
        var sum = digits.Select((digit, index) => index % 2 == 0 ? digit : digit * 3).Sum();
        return sum % 10 == 0;
    }

    private static bool IsValidTag(string? tag)
        => tag is { Length: > 0 and <= 30 } && tag.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

/// <summary>
/// What a client sends to change some fields of a book (<c>PATCH</c>). An absent or <see langword="null"/> field
/// keeps its value, as in a JSON merge patch (RFC 7396).
/// </summary>
/// <param name="Title">A new title.</param>
/// <param name="Year">A new year of first publication.</param>
/// <param name="Genre">A new genre.</param>
/// <param name="Tags">New labels, replacing the old ones.</param>
public sealed record BookPatch(string? Title, int? Year, Genre? Genre, IReadOnlyList<string>? Tags)
{
    /// <summary>The full input that results from applying this patch to <paramref name="book"/>.</summary>
    public BookInput ApplyTo(Book book)
        => new(Title ?? book.Title, book.AuthorId, book.Isbn, Year ?? book.Year, Genre ?? book.Genre, Tags ?? book.Tags);
}

/// <summary>One page of <c>GET /books</c>.</summary>
/// <param name="Items">The books on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The most books a page holds.</param>
/// <param name="Total">How many books match the query across every page.</param>
/// <param name="Next">The URI of the next page, or <see langword="null"/> on the last one.</param>
public sealed record BookPage(IReadOnlyList<Book> Items, int Page, int PageSize, int Total, string? Next);

/// <summary>The filters of <c>GET /books</c>, handed to the store.</summary>
/// <param name="Search">Text the title contains, ignoring case.</param>
/// <param name="AuthorId">Only this author's books.</param>
/// <param name="Genre">Only books of this genre.</param>
/// <param name="Tags">Only books that carry every one of these tags.</param>
/// <param name="Sort">The order of the results.</param>
public sealed record BookFilter(string? Search, int? AuthorId, Genre? Genre, IReadOnlyList<string> Tags, BookSort Sort)
{
    /// <summary>Only books first published in this year or later (<c>QUERY /books/search</c>).</summary>
    public int? YearFrom { get; init; }

    /// <summary>Only books first published in this year or earlier (<c>QUERY /books/search</c>).</summary>
    public int? YearTo { get; init; }

    /// <summary>The most <c>tag</c> values one query can filter by: each is a condition of the query the database runs.</summary>
    public const int MaxTags = 10;

    /// <summary>The longest <c>q</c> text.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>The query values that break the rules, keyed by their names; empty when the filter is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Tags.Count > MaxTags)
        {
            errors["tag"] = [$"At most {MaxTags} tags can be given."];
        }

        if (Search?.Length > MaxSearchLength)
        {
            errors["q"] = [$"The search text has at most {MaxSearchLength} characters."];
        }

        return errors;
    }
}

/// <summary>A book recommended for its reviews.</summary>
/// <param name="Book">The book.</param>
/// <param name="AverageRating">The mean of its ratings, 1 to 5, rounded to two decimals.</param>
/// <param name="ReviewCount">How many reviews the average is over.</param>
public sealed record Recommendation(Book Book, double AverageRating, int ReviewCount);
