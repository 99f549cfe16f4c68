using System;
using System.Collections.Generic;

namespace Bookshelf.Models;

/// <summary>A named shelf that holds some of the books.</summary>
/// <param name="Id">The shelf's id, assigned by the server.</param>
/// <param name="Name">The shelf's name, unique.</param>
/// <param name="Description">What the shelf is for, if anything.</param>
/// <param name="BookIds">The ids of the books on the shelf, ascending.</param>
public sealed record Shelf(int Id, string Name, string? Description, IReadOnlyList<int> BookIds);

/// <summary>What a client sends to add or replace a shelf.</summary>
/// <param name="Name">The shelf's name; required and unique.</param>
/// <param name="Description">What the shelf is for; optional.</param>
public sealed record ShelfInput(string Name, string? Description)
{
    /// <summary>
    /// The form of <paramref name="name"/> that uniqueness is decided on: trimmed and lower-cased (invariant culture),
    /// so "Favourites" and "FAVOURITES " are the same shelf. The database keeps it in a column with a unique
    /// constraint, so two requests racing with such names cannot both create one.
    /// </summary>
    public static string NameKey(string name) => name.Trim().ToLowerInvariant();

    /// <summary>The fields that break the rules, keyed by their JSON names; empty when the input is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["A name is required."];
        }
        else if (Name.Length > 100)
        {
            errors["name"] = ["A name has at most 100 characters."];
        }

        if (Description?.Length > 1000)
        {
            errors["description"] = ["A description has at most 1000 characters."];
        }

        return errors;
    }
}
