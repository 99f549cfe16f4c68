using System.Threading.Tasks;
using Resourceful.CodeFixes;
using Resourceful.Generators.Analyzers;
using Resourceful.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>RSF0107 (a form on GET/DELETE) and RSF0108 (a form handler beside JSON handlers, accepts unsaid), both ways, and their fixes.</summary>
public sealed class FormRulesTests
{
    [Fact]
    public Task FormOnBodylessMethod_FormValuesAndFilesOnGetAndDelete_Report() =>
        Verify<FormRules>.AnalyzerAsync("""
            public sealed record Filter(string Title);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([FromForm] string {|RSF0107:title|}, int page = 1) => "";
                [Get("covers")] public string Covers(IFormFile {|RSF0107:cover|}) => "";
                [Get("all")] public string All(IFormCollection {|RSF0107:form|}, IFormFileCollection {|RSF0107:files|}) => "";
                [Get("filter")] public string Filtered([FromForm] Filter {|RSF0107:filter|}) => "";
                [Delete("{id}")] public void Remove(int id, [FromForm] string {|RSF0107:reason|}) { }
            }
            """);

    [Fact]
    public Task FormOnBodylessMethod_FormOnPostPutPatch_NoDiagnostic() =>
        Verify<FormRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([FromQuery] string? title) => "";
                [Post] public string Add([FromForm] string title, IFormFile cover) => "";
                [Put("{id}")] public void Replace(int id, IFormCollection form) { }
                [Patch("{id}")] public void Change(int id, [FromForm] string title) { }
            }
            """);

    [Fact]
    public Task FormAcceptsUnsaid_FormBesideJson_Reports() =>
        Verify<FormRules>.AnalyzerAsync("""
            public sealed record NewBook(string Title);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public string Add(NewBook book) => "";
                [Put("{id}/cover")] public void {|RSF0108:SetCover|}(int id, IFormFile cover) { }
                [Patch("{id}")] public void {|RSF0108:Rename|}(int id, [FromForm] string title) { }
            }
            """);

    [Fact]
    public Task FormAcceptsUnsaid_ConsumesSaid_OrNoJsonHandler_NoDiagnostic() =>
        Verify<FormRules>.AnalyzerAsync("""
            public sealed record NewBook(string Title);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public string Add(NewBook book) => "";
                [Put("{id}/cover")]
                [Consumes("multipart/form-data")]
                public void SetCover(int id, IFormFile cover) { }
            }

            [Resource("/covers")]
            public sealed partial class Covers
            {
                [Post] public string Add(IFormFile cover) => "";
                [Get] public string List() => "";
            }

            [Resource("/shelves")]
            [Consumes("application/json", "multipart/form-data")]
            public sealed partial class Shelves
            {
                [Post] public string Add(NewBook book) => "";
                [Put("{id}")] public void Replace(int id, IFormFile image) { }
            }
            """);

    [Fact]
    public Task FormOnBodylessMethod_FromFormValue_BecomesFromQuery() =>
        Verify<FormRules>.CodeFixAsync<BindFromQueryCodeFixProvider>(
            """
            public sealed record Filter(string Title, int Page);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([FromForm] string {|RSF0107:title|}) => "";
                [Get("filtered")] public string Filtered([FromForm] Filter {|RSF0107:filter|}) => "";
            }
            """,
            """
            public sealed record Filter(string Title, int Page);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([FromQuery] string title) => "";
                [Get("filtered")] public string Filtered([AsParameters] Filter filter) => "";
            }
            """);

    [Fact]
    public Task FormAcceptsUnsaid_AddsConsumes() =>
        Verify<FormRules>.CodeFixAsync<AddConsumesCodeFixProvider>(
            """
            public sealed record NewBook(string Title);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public string Add(NewBook book) => "";
                [Put("{id}/cover")] public void {|RSF0108:SetCover|}(int id, IFormFile cover) { }

                [Patch("{id}")]
                public void {|RSF0108:Rename|}(int id, [FromForm] string title) { }
            }
            """,
            """
            public sealed record NewBook(string Title);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public string Add(NewBook book) => "";
                [Put("{id}/cover")] [Consumes("multipart/form-data")] public void SetCover(int id, IFormFile cover) { }

                [Patch("{id}")]
                [Consumes("multipart/form-data", "application/x-www-form-urlencoded")]
                public void Rename(int id, [FromForm] string title) { }
            }
            """);

    // Usage rules (RSF0017, RSF0018) for forms: form types bind from the form, never from services.
    [Fact]
    public Task ParameterCannotBind_FromFormValuesAndTypes_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed record NewCover(string Title, int Year, IFormFile? Image);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public string Add([FromForm] string title, [FromForm(Name = "tag")] string[] tags) => "";
                [Post("covers")] public string Cover([FromForm] NewCover cover) => "";
            }
            """);

    [Theory]
    [InlineData("IFormFile")]
    [InlineData("IFormFileCollection")]
    [InlineData("IFormCollection")]
    public Task ParameterCannotBind_FormType_BindsFromTheFormNeverFromServices(string type) =>
        Verify<ResourceUsageRules>.AnalyzerAsync($$"""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public string Add({{type}} cover, [FromServices] {{type}}? other) => "";
            }
            """);

    [Fact]
    public Task ParameterCannotBind_FromFormTypeWithNestedObject_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed record Address(string Street);
            public sealed record NewAuthor(string Name, Address Home);

            [Resource("/authors")]
            public sealed partial class Authors
            {
                [Post] public string Add([FromForm] NewAuthor {|RSF0017:author|}) => "";
            }
            """);

    [Fact]
    public Task MultipleBodies_FormAndJsonBody_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed record Note(string Text);

            [Resource("/uploads")]
            public sealed partial class Uploads
            {
                [Post] public string Add([FromBody] Note note, IFormFile {|RSF0018:file|}) => "";
            }
            """);
}
