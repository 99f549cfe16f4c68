using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.Generators.Analyzers;
using Resourceful.Generators.Diagnostics;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>RSF01xx: handlers that contradict what RFC 9110 says their method means.</summary>
public sealed class HttpRulesTests
{
    private const string Models = """
        public sealed record Book(int Id, string Title);
        public sealed record BookFilter(string? Title, int Page = 1);
        public sealed class BookStore
        {
            public Book Add(string title) => new(1, title);
        }

        """;

    [Fact]
    public Task BodyOnBodylessMethod_FromBodyOnGet_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([FromBody] BookFilter {|RSF0101:filter|}) => "";
            }
            """);

    [Fact]
    public Task BodyOnBodylessMethod_RawBodyOnGet_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List(System.IO.Stream {|RSF0101:body|}) => "";
            }
            """);

    [Fact]
    public Task BodyOnBodylessMethod_RecordWithBindAsyncOnGet_NoDiagnostic() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync("""
            public sealed record Tenant(string Name)
            {
                public static ValueTask<Tenant?> BindAsync(HttpContext context) => ValueTask.FromResult<Tenant?>(new Tenant("t"));
            }

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List(Tenant tenant) => tenant.Name;
            }
            """);

    [Fact]
    public Task BodyOnBodylessMethod_FromBodyOnDelete_ReportsWithSection() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(
            Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Delete("{id}")] public void Remove(int id, [FromBody] string {|#0:reason|}) { }
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.BodyOnBodylessMethod).WithLocation(0)
                .WithArguments("reason", "Books.Remove", "DELETE", "§9.3.5"));

    [Fact]
    public Task BodyOnBodylessMethod_RecordInferredOnGet_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List(BookFilter {|RSF0101:filter|}) => "";
            }
            """);

    [Fact]
    public Task BodyOnBodylessMethod_BodyOnPostAndQueryOnGet_NoDiagnostic() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([AsParameters] BookFilter filter, BookStore store) => "";
                [Post("searches")] public string Search([FromBody] BookFilter body) => "";
            }
            """);

    [Theory]
    [InlineData("DeleteBook", "Delete")]
    [InlineData("Remove", "Delete")]
    [InlineData("CreateOrder", "Post")]
    [InlineData("AddTag", "Post")]
    [InlineData("UpdatePrice", "Put")]
    [InlineData("SetTitle", "Put")]
    [InlineData("ResetPassword", "Post")]
    public Task GetChangesState_StateChangingName_ReportsImpliedMethod(string name, string method) =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(
            $$"""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string {|#0:{{name}}|}(int id) => "";
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.GetChangesState).WithLocation(0).WithArguments("Books." + name, method, "GET"));

    [Fact]
    public Task GetChangesState_StateChangingNameOnQuery_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(
            """
            public sealed record Filter(string? Title);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Query("purge")] public string {|#0:DeleteMatching|}(Filter filter) => "";
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.GetChangesState).WithLocation(0).WithArguments("Books.DeleteMatching", "Delete", "QUERY"));

    [Fact]
    public Task BodyOnBodylessMethod_BodyOnQuery_NoDiagnostic() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync("""
            public sealed record Filter(string? Title);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Query] public string Search(Filter filter) => "";
                [Query("raw")] public string Raw(System.IO.Stream body) => "";
            }
            """);

    [Theory]
    [InlineData("Address")]
    [InlineData("Settings")]
    [InlineData("Updates")]
    [InlineData("Removals")]
    [InlineData("GetDeleted")]
    [InlineData("Find")]
    public Task GetChangesState_NameOnlyStartsWithTheLetters_NoDiagnostic(string name) =>
        Verify<HttpSemanticsRules>.AnalyzerAsync($$"""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string {{name}}(int id) => "";
            }
            """);

    [Fact]
    public Task GetChangesState_DeleteNameOnDelete_NoDiagnostic() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Delete("{id}")] public void DeleteBook(int id) { }
            }
            """);

    [Fact]
    public Task TargetNotOneResource_DeleteOnCollection_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Delete] public void {|#0:Clear|}() { }
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.TargetNotOneResource).WithLocation(0)
                .WithArguments("DELETE", "Books.Clear", "/books", "§9.3.5"));

    [Fact]
    public Task TargetNotOneResource_PutOnLiteralSegment_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Put("{id}/tags")] public void {|RSF0103:ReplaceTags|}(int id, string[] tags) { }
            }
            """);

    [Fact]
    public Task TargetNotOneResource_IdInLastSegment_NoDiagnostic() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Put("{id:int}")] public void Replace(int id, string title) { }
                [Delete("{id:int}")] public void Remove(int id) { }
                [Put("{id}/shelves/{shelfId}")] public void Shelve(int id, int shelfId) { }
                [Delete("files/{**path}")] public void RemoveFile(string path) { }
            }
            """);

    [Fact]
    public Task CreateWithoutCreated_AddReturnsValue_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(
            Models + """
            [Resource("/books")]
            public sealed partial class Books(BookStore store)
            {
                [Get("{id:int}")] public Book? Find(int id) => null;
                [Post] public Book {|#0:Add|}(string title) => store.Add(title);
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.CreateWithoutCreated).WithLocation(0)
                .WithArguments("Books.Add", "TypedResults.Created(Links.Find(value.Id), value)"));

    [Fact]
    public Task CreateWithoutCreated_CreateReturnsOkResult_Reports() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books(BookStore store)
            {
                [Post] public Task<Results<Ok<Book>, BadRequest>> {|RSF0104:CreateBook|}(string title) =>
                    Task.FromResult<Results<Ok<Book>, BadRequest>>(TypedResults.Ok(store.Add(title)));
            }
            """);

    [Fact]
    public Task CreateWithoutCreated_CreatedOrNotCreating_NoDiagnostic() =>
        Verify<HttpSemanticsRules>.AnalyzerAsync(Models + """
            [Resource("/books")]
            public sealed partial class Books(BookStore store)
            {
                [Post] public Created<Book> Add(string title) => TypedResults.Created("/books/1", store.Add(title));
                [Post("search")] public Book[] Search(string title) => [];
                [Post("imports")] public void AddMany(string[] titles) { }
                [Post("addresses")] public string Addresses() => "";
            }
            """);
}
