using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bookshelf.Models;

namespace Bookshelf;

/// <summary>
/// JSON metadata for every request body and response body of the API, generated at compile time. With it the
/// app serializes without reflection, so it publishes as Native AOT unchanged.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AntiforgeryToken))]
[JsonSerializable(typeof(Author))]
[JsonSerializable(typeof(AuthorInput))]
[JsonSerializable(typeof(IReadOnlyList<Author>))]
[JsonSerializable(typeof(Book))]
[JsonSerializable(typeof(BookInput))]
[JsonSerializable(typeof(BookPatch))]
[JsonSerializable(typeof(BookPage))]
[JsonSerializable(typeof(IReadOnlyList<Book>))]
[JsonSerializable(typeof(BookSearch))]
[JsonSerializable(typeof(ReadingList))]
[JsonSerializable(typeof(ReadingListEntry))]
[JsonSerializable(typeof(Recommendation))]
[JsonSerializable(typeof(IReadOnlyList<Recommendation>))]
[JsonSerializable(typeof(Review))]
[JsonSerializable(typeof(ReviewInput))]
[JsonSerializable(typeof(IReadOnlyList<Review>))]
[JsonSerializable(typeof(Shelf))]
[JsonSerializable(typeof(ShelfInput))]
[JsonSerializable(typeof(IReadOnlyList<Shelf>))]
// Route, query and header value types: ASP.NET Core's OpenAPI document (AddOpenApi) describes each parameter
// through this metadata too, so they are listed like the bodies.
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Genre))]
[JsonSerializable(typeof(Genre?))]
[JsonSerializable(typeof(BookSort))]
// The cover upload's file: AddOpenApi() describes form parameters through this metadata too.
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.IFormFile))]
public sealed partial class BookshelfJsonContext : JsonSerializerContext;
