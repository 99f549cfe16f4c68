using System;
using System.Collections.Generic;
using System.Linq;

namespace Bookshelf.Models;

/// <summary>
/// The filter of <c>QUERY /books/search</c>, sent as the request's JSON body. Every field is optional; a book must
/// pass each one given.
/// </summary>
/// <param name="TitleContains">Text the title contains, ignoring case.</param>
/// <param name="AuthorId">Only this author's books.</param>
/// <param name="Genre">Only books of this genre.</param>
/// <param name="YearFrom">Only books first published in this year or later.</param>
/// <param name="YearTo">Only books first published in this year or earlier.</param>
/// <param name="Tags">Only books that carry every one of these tags.</param>
/// <param name="Limit">The most books to answer, 1 to 100; 20 when absent.</param>
public sealed record BookSearch(
    string? TitleContains,
    int? AuthorId,
    Genre? Genre,
    int? YearFrom,
    int? YearTo,
    IReadOnlyList<string>? Tags,
    int? Limit)
{
    /// <summary>How many books a search answers when it does not say.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The fields that break the rules, keyed by their JSON names; empty when the filter is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (YearFrom is { } from && YearTo is { } to && from > to)
        {
            errors["yearTo"] = ["yearTo must not be before yearFrom."];
        }

        if (Limit is < 1 or > 100)
        {
            errors["limit"] = ["The limit must be between 1 and 100."];
        }

        return errors;
    }

    /// <summary>The store's filter, oldest first.</summary>
    public BookFilter ToFilter() =>
        new(TitleContains, AuthorId, Genre, Tags?.Distinct(StringComparer.Ordinal).ToArray() ?? [], BookSort.Year)
        {
            YearFrom = YearFrom,
            YearTo = YearTo,
        };
}

/// <summary>A visitor's reading list, kept in the session: the ids of the books, in the order they were added.</summary>
/// <param name="BookIds">The books' ids.</param>
public sealed record ReadingList(IReadOnlyList<int> BookIds);

/// <summary>What <c>POST /reading-list</c> takes: the book to add.</summary>
/// <param name="BookId">The id of an existing book.</param>
public sealed record ReadingListEntry(int BookId);
