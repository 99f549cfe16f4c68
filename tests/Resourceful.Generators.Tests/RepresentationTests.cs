using System.Linq;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// <c>[ResponseCache]</c> into header constants and <c>[SparseFieldsets]</c> into a generated writer: the generated
/// code (snapshot, compiled cleanly), the compile-time OpenAPI document, and RSF0024 for what cannot be honoured.
/// </summary>
public sealed class RepresentationTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Mvc;
        using Resourceful;

        """;

    [Fact]
    public void CacheHeadersAndSparseFields_MatchSnapshot()
    {
        const string source = Usings + """
            namespace Shop;

            public sealed record Author(string Name);

            public sealed class Book
            {
                public int Id { get; init; }

                public string Title { get; init; } = "";

                [JsonPropertyName("isbn_13")]
                public string? Isbn { get; init; }

                public Author? Author { get; init; }

                [JsonIgnore]
                public string Secret { get; init; } = "";
            }

            [Resource("/books"), ResponseCache(Duration = 60), SparseFieldsets]
            public sealed partial class Books
            {
                [Get]
                public Task<List<Book>> List() => Task.FromResult(new List<Book>());

                [Get("{id:int}"), ResponseCache(Duration = 10, Location = ResponseCacheLocation.Client, VaryByHeader = "Accept-Language")]
                public Results<Ok<Book>, NotFound> Find(int id) => TypedResults.NotFound();

                [Get("{id:int}/plain")]
                public Ok<Book> Plain(int id) => TypedResults.Ok(new Book { Id = id });

                [Get("{id:int}/title")]
                public string Title(int id) => "";

                [Post]
                public Created<Book> Add(Book body) => TypedResults.Created("/books/1", body);
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        Snapshot.Verify(run);
    }

    [Theory]
    [InlineData("Duration = 60", "public,max-age=60", null, null)]
    [InlineData("Duration = 60, Location = ResponseCacheLocation.Client", "private,max-age=60", null, null)]
    [InlineData("Duration = 5, Location = ResponseCacheLocation.None", "no-cache,max-age=5", "no-cache", null)]
    [InlineData("NoStore = true", "no-store", null, null)]
    [InlineData("NoStore = true, Location = ResponseCacheLocation.None", "no-store,no-cache", "no-cache", null)]
    [InlineData("Duration = 0, VaryByHeader = \"Accept-Encoding\"", "public,max-age=0", null, "Accept-Encoding")]
    public void ResponseCache_MapsAsMvcFilter(string arguments, string cacheControl, string? pragma, string? vary)
    {
        var source = Usings + $$"""
            namespace Shop;

            [Resource("/clock")]
            public sealed partial class Clock
            {
                [Get, ResponseCache({{arguments}})]
                public string Now() => "";
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        var generated = run.GeneratedSources.Single(s => s.HintName == "Shop.Clock.g.cs").SourceText.ToString();
        var expected = $"ResourcefulCacheHeaders.Write(response, \"{cacheControl}\", {Quote(pragma)}, {Quote(vary)});";
        Assert.Contains(expected, generated, System.StringComparison.Ordinal);

        static string Quote(string? value) => value is null ? "null" : "\"" + value + "\"";
    }

    [Fact]
    public void Negotiated_MediaType_VariesOnAccept_MergedWithoutDuplicates()
    {
        const string source = Usings + """
            namespace Shop;

            public sealed record Book(int Id);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get]
                public Results<Ok<Book>, Ok<string>, ServerSentEventsResult<Book>> Stream() => TypedResults.Ok(new Book(1));

                [Get("cached"), ResponseCache(Duration = 1, VaryByHeader = "accept")]
                public Results<Ok<Book>, ServerSentEventsResult<Book>> Cached() => TypedResults.Ok(new Book(1));

                [Get("{id:int}")]
                public Book Find(int id) => new(id);
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        var generated = run.GeneratedSources.Single(s => s.HintName == "Shop.Books.g.cs").SourceText.ToString();
        Assert.Contains("ResourcefulCacheHeaders.Write(response, null, null, \"Accept\");", generated, System.StringComparison.Ordinal);
        Assert.Contains("ResourcefulCacheHeaders.Write(response, \"public,max-age=1\", null, \"accept\");", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("WriteFindCacheHeaders", generated, System.StringComparison.Ordinal);
    }

    [Fact]
    public void SparseFields_InCompileTimeOpenApi_ListNames()
    {
        const string source = Usings + """
            namespace Shop;

            public sealed class Book
            {
                public int Id { get; init; }

                [JsonPropertyName("book_title")]
                public string Title { get; init; } = "";
            }

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get, SparseFieldsets]
                public IReadOnlyList<Book> List() => [];
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        var document = run.GeneratedSources.Single(s => s.HintName == "Resourceful.OpenApi.g.cs").SourceText.ToString();
        var expected = """
                      {
                        "name": "fields",
                        "in": "query",
                        "description": "Comma-separated names of the members to return (of each element, for a list); absent or empty returns them all. One of: id, book_title.",
                        "required": false,
                        "style": "form",
                        "explode": false,
                        "schema": {
                          "type": "array",
                          "items": {
                            "type": "string",
                            "enum": [
                              "id",
                              "book_title"
                            ]
                          }
                        }
                      }
            """;
        Assert.Contains(expected.ReplaceLineEndings("\n"), document.ReplaceLineEndings("\n"), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Get, ResponseCache(CacheProfileName = \"Default\")] public string A() => \"\";", "CacheProfileName 'Default'")]
    [InlineData("[Get, ResponseCache(Duration = 1, VaryByQueryKeys = new[] { \"q\" })] public string A() => \"\";", "VaryByQueryKeys")]
    [InlineData("[Get, ResponseCache(Location = ResponseCacheLocation.Client)] public string A() => \"\";", "Duration must be set")]
    [InlineData("[Get, SparseFieldsets] public int A() => 1;", "'int' is not a JSON object")]
    [InlineData("[Get, SparseFieldsets] public string A() => \"\";", "answers no representation")]
    [InlineData("[Get, SparseFieldsets] public Dictionary<string, int> A() => new();", "is not a JSON object")]
    [InlineData("[Get, SparseFieldsets] public IAsyncEnumerable<Empty> A() => null!;", "IAsyncEnumerable")]
    [InlineData("[Get, SparseFieldsets] public Empty A() => new();", "no public properties")]
    [InlineData("[Get, SparseFieldsets] public IResult A() => TypedResults.Ok();", "answers no representation")]
    [InlineData("[Post, SparseFieldsets] public Empty A() => new();", "answers POST")]
    public void Unhonourable_IsRsf0024(string handler, string reason)
    {
        var source = Usings + $$"""
            namespace Shop;

            public sealed class Empty;

            [Resource("/things")]
            public sealed partial class Things
            {
                {{handler}}
            }
            """;

        var run = TestHelpers.RunGenerator(source, assertCaching: false);

        var diagnostic = Assert.Single(run.GeneratorResult.Diagnostics, d => d.Id == "RSF0024");
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
