using System;
using System.Collections.Generic;
using System.Linq;
using Bookshelf.Models;

namespace Bookshelf.Tests;

/// <summary>Compares books by value, tags included: a record compares its list by reference.</summary>
internal sealed class BookComparer : IEqualityComparer<Book>
{
    public static readonly BookComparer Instance = new();

    private static readonly string[] NoTags = [];

    public bool Equals(Book? x, Book? y)
        => x is null || y is null
            ? ReferenceEquals(x, y)
            : x with { Tags = NoTags } == y with { Tags = NoTags } && x.Tags.SequenceEqual(y.Tags);

    public int GetHashCode(Book book) => HashCode.Combine(book.Id, book.Title);
}
