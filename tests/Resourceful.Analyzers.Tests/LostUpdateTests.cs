using System.Threading.Tasks;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.CodeFixes;
using Resourceful.Generators.Analyzers;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>RSF0106: a write to a versioned resource that neither takes <c>Preconditions</c> nor requires <c>If-Match</c>.</summary>
public sealed class LostUpdateTests
{
    private const string Models = """
        public sealed class Book
        {
            public int Id { get; init; }
            public string Title { get; init; } = "";
            [System.ComponentModel.DataAnnotations.ConcurrencyCheck] public long Version { get; init; }
        }

        public sealed record Note(int Id, string Text);

        """;

    [Fact]
    public Task LostUpdate_WritesWithoutPreconditions_Report() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id:int}")] public Book? Find(int id) => null;

                [Put("{id:int}")] public NoContent {|RSF0106:Replace|}(int id, Note note) => TypedResults.NoContent();

                [Patch("{id:int}")] public Ok<Book> {|RSF0106:Edit|}(int id, Note note) => TypedResults.Ok(new Book());

                [Delete("{id:int}")] public void {|RSF0106:Remove|}(int id) { }
            }
            """);

    [Fact]
    public Task LostUpdate_OwnResultVersioned_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Put("{id:int}")] public Task<Results<Ok<Book>, NotFound>> {|RSF0106:Replace|}(int id, Note note) =>
                    Task.FromResult<Results<Ok<Book>, NotFound>>(TypedResults.NotFound());
            }
            """);

    [Fact]
    public Task LostUpdate_PreconditionsOrRequireIfMatchOrUnversioned_NoDiagnostic() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id:int}")] public Book? Find(int id) => null;

                [Put("{id:int}")]
                public Results<NoContent, PreconditionFailed> Replace(int id, Note note, Preconditions preconditions) =>
                    preconditions.Allows(1L) ? TypedResults.NoContent() : new PreconditionFailed();

                [Delete("{id:int}", RequireIfMatch = true)] public void Remove(int id) { }

                [Patch("{id:int}/cover")] public void EditCover(int id, Note note) { }
            }

            [Resource("/notes")]
            public sealed partial class Notes
            {
                [Get("{id:int}")] public Note? Find(int id) => null;

                [Put("{id:int}")] public void Replace(int id, Note note) { }
            }
            """);

    [Fact]
    public Task AddPreconditions_BeforeCancellationToken_AddsTheParameter() =>
        Verify<HttpSemanticsRules>.CodeFixAsync<AddPreconditionsCodeFixProvider>(
            Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id:int}")] public Book? Find(int id) => null;

                [Put("{id:int}")] public void {|RSF0106:Replace|}(int id, Note note, System.Threading.CancellationToken ct) { }
            }
            """,
            Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id:int}")] public Book? Find(int id) => null;

                [Put("{id:int}")] public void Replace(int id, Note note, Preconditions preconditions, System.Threading.CancellationToken ct) { }
            }
            """);

    [Fact]
    public Task VersionTypeNotSupported_DecimalVersion_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed record Invoice(int Id, [property: System.ComponentModel.DataAnnotations.ConcurrencyCheck] decimal Revision);

            [Resource("/invoices")]
            public sealed partial class Invoices
            {
                [Get("{id:int}")] public Ok<Invoice> {|RSF0023:Find|}(int id) => TypedResults.Ok(new Invoice(id, 1m));
            }
            """);

    [Fact]
    public Task VersionTypeNotSupported_SupportedVersionsOrNone_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed record Invoice(int Id, [property: System.ComponentModel.DataAnnotations.Timestamp] byte[] RowVersion);
            public sealed record Receipt(int Id, [property: System.ComponentModel.DataAnnotations.ConcurrencyCheck] System.DateTimeOffset? Updated);
            public sealed record Note(int Id, decimal Amount);

            [Resource("/invoices")]
            public sealed partial class Invoices
            {
                [Get("{id:int}")] public Invoice Find(int id) => new(id, [1]);

                [Get("{id:int}/receipt")] public Receipt Receipt(int id) => new(id, null);

                [Get("{id:int}/note")] public Note Note(int id) => new(id, 1m);
            }
            """);
}
