using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Mvc;

namespace Bookshelf.Models;

/// <summary>
/// Which page of a collection a client asks for: <c>?page=2&amp;pageSize=10</c>. Bound with <c>[AsParameters]</c>, so
/// every endpoint that pages takes one parameter and shares the same rules.
/// </summary>
/// <remarks>
/// <c>[FromQuery(Name = …)]</c> gives the query keys the camelCase spelling clients use, so that a problem
/// response names <c>page</c>, as the client wrote it, and not the C# name <c>Page</c>.
/// </remarks>
/// <param name="Page">The page number, from 1; defaults to the first.</param>
/// <param name="PageSize">The most items a page holds, 1 to <see cref="MaxPageSize"/>; defaults to 20.</param>
public sealed record Paging(
    [FromQuery(Name = "page")] int Page = 1,
    [FromQuery(Name = "pageSize")] int PageSize = 20)
{
    /// <summary>The largest page a client can ask for, so that no request reads the whole table.</summary>
    public const int MaxPageSize = 100;

    /// <summary>How many items come before this page.</summary>
    public int Offset => (Page - 1) * PageSize;

    /// <summary>The query values that break the rules, keyed by their names; empty when the paging is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Page < 1)
        {
            errors["page"] = ["The page number starts at 1."];
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size is between 1 and {MaxPageSize}."];
        }
        else if (Page >= 1 && (long)Page * PageSize >= int.MaxValue)
        {
            // The offset, (page - 1) × pageSize, the end of the page and the next page's number all stay within an int.
            errors["page"] = [$"The page number is at most {(int.MaxValue - 1) / PageSize} for a page size of {PageSize}."];
        }

        return errors;
    }
}
