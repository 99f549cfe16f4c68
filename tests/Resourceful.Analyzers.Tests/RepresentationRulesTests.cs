using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.Generators.Analyzers;
using Resourceful.Generators.Diagnostics;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>RSF0105 ([ResponseCache] on a write) and RSF0024 ([ResponseCache]/[SparseFieldsets] that cannot be honoured).</summary>
public sealed class RepresentationRulesTests
{
    private const string Models = """
        public sealed record Book(int Id, string Title);

        """;

    [Fact]
    public Task ResponseCacheOnUnsafeMethod_OnPutHandler_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(
            Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Put("{id:int}"), {|#0:ResponseCache(Duration = 60)|}] public void Replace(int id, Book body) { }
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.ResponseCacheOnUnsafeMethod).WithLocation(0).WithArguments("PUT", "Books.Replace"));

    [Fact]
    public Task ResponseCacheOnUnsafeMethod_OnPostAndDelete_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Post("search"), {|RSF0105:ResponseCache(NoStore = true)|}] public Book Search(Book body) => body;

                [Delete("{id:int}")]
                [{|RSF0105:ResponseCache(Duration = 1)|}]
                public void Remove(int id) { }
            }
            """);

    [Fact]
    public Task ResponseCacheOnUnsafeMethod_OnGetHandler_NoDiagnostic() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id:int}"), ResponseCache(Duration = 60)] public Book Find(int id) => new(id, "");
            }
            """);

    [Fact]
    public Task ResponseCacheOnUnsafeMethod_OnClassWithWrites_NoDiagnostic() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books"), ResponseCache(Duration = 60)]
            public sealed partial class Books
            {
                [Get("{id:int}")] public Book Find(int id) => new(id, "");

                [Put("{id:int}")] public void Replace(int id, Book body) { }
            }
            """);

    [Fact]
    public Task RepresentationNotSupported_CacheProfile_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync(
            Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get, {|#0:ResponseCache(CacheProfileName = "Default")|}] public Book[] List() => [];
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.RepresentationNotSupported).WithLocation(0).WithArguments(
                "[ResponseCache]",
                "Books.List",
                "CacheProfileName 'Default' names a profile in MvcOptions, which exists only at run time; write its Duration, Location, NoStore and VaryByHeader on the attribute"));

    [Fact]
    public Task RepresentationNotSupported_SparseFieldsetsOnNumber_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("count"), {|RSF0024:SparseFieldsets|}] public int Count() => 0;
            }
            """);

    [Fact]
    public Task RepresentationNotSupported_SparseFieldsetsOnObjectsAndClass_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync(Models + """
            [Resource("/books"), SparseFieldsets, ResponseCache(Duration = 5)]
            public sealed partial class Books
            {
                [Get] public IReadOnlyList<Book> List() => [];

                [Get("{id:int}")] public Results<Ok<Book>, NotFound> Find(int id) => TypedResults.NotFound();

                [Get("count")] public int Count() => 0;
            }
            """);
}
