using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources;

/// <summary>JSON bodies, explicit and inferred, on every method that carries one.</summary>
[Resource("/body")]
public sealed partial class BodyValues
{
    [Post("explicit")]
    public NewBook Explicit([FromBody] NewBook book) => book;

    [Post("inferred")]
    public NewBook Inferred(NewBook book) => book;

    [Put("{id:int}")]
    public string Replace(int id, NewBook book)
        => string.Create(CultureInfo.InvariantCulture, $"{id}|{book.Title}|{book.Pages}");

    [Patch("{id:int}")]
    public string Amend(int id, BookPatch patch)
        => string.Create(CultureInfo.InvariantCulture, $"{id}|{patch.Title ?? "null"}|{patch.Pages?.ToString(CultureInfo.InvariantCulture) ?? "null"}");

    [Post("optional")]
    public string Optional([FromBody] NewBook? book) => book?.Title ?? "none";
}
