using System;
using System.Collections.Generic;

namespace Bookshelf.Models;

/// <summary>A person who wrote books on the shelf.</summary>
/// <param name="Id">The author's id, assigned by the server.</param>
/// <param name="Name">The name as printed on the cover.</param>
/// <param name="BornYear">The year of birth, when known.</param>
public sealed record Author(int Id, string Name, int? BornYear);

/// <summary>What a client sends to add or replace an author.</summary>
/// <param name="Name">The name as printed on the cover; required.</param>
/// <param name="BornYear">The year of birth, when known; not in the future.</param>
public sealed record AuthorInput(string Name, int? BornYear)
{
    /// <summary>The fields that break the rules, keyed by their JSON names; empty when the input is valid.</summary>
    public Dictionary<string, string[]> Validate(int currentYear)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["A name is required."];
        }
        else if (Name.Length > 200)
        {
            errors["name"] = ["A name has at most 200 characters."];
        }

        if (BornYear > currentYear)
        {
            errors["bornYear"] = [$"The year of birth cannot be after {currentYear}."];
        }

        return errors;
    }
}
