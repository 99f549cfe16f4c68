using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.Generators.Analyzers;
using Resourceful.Generators.Diagnostics;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>RSF02xx: URI design, read from the template literals.</summary>
public sealed class UriDesignRulesTests
{
    [Fact]
    public Task VerbInPath_VerbPrefixedResource_ReportsSegment() =>
        Verify<UriDesignRules>.AnalyzerAsync(
            """
            [Resource("/{|#0:getBooks|}")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.VerbInPath).WithLocation(0)
                .WithArguments("getBooks", "/getBooks", "get", "GET /books"));

    [Fact]
    public Task VerbInPath_VerbSegmentInHandler_ReportsSegment() =>
        Verify<UriDesignRules>.AnalyzerAsync(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Post("{|#0:delete|}/{id}")] public void Remove(int id) { }
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.VerbInPath).WithLocation(0)
                .WithArguments("delete", "/books/delete/{id}", "delete", "DELETE /books/{id}"));

    [Theory]
    [InlineData("search")]
    [InlineData("ping")]
    [InlineData("login")]
    [InlineData("health")]
    [InlineData("addresses")]
    [InlineData("updates")]
    [InlineData("settings")]
    [InlineData("set")]
    [InlineData("list")]
    [InlineData("add-ons")]
    [InlineData("bulk-delete")]
    [InlineData("getaways")]
    public Task VerbInPath_NounsAndEstablishedNames_NoDiagnostic(string segment) =>
        Verify<UriDesignRules>.AnalyzerAsync($$"""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{{segment}}")] public string Other() => "";
            }
            """);

    [Fact]
    public Task VerbInPath_SegmentAllowedInEditorConfig_NoDiagnostic() =>
        Verify<UriDesignRules>.AnalyzerWithConfigAsync(
            """
            [Resource("/jobs")]
            public sealed partial class Jobs
            {
                [Post("{id}/fetch")] public void Fetch(int id) { }
            }
            """,
            "resourceful.allowed_path_segments = fetch, run");

    [Fact]
    public Task VerbInPath_SeverityNoneInEditorConfig_NoDiagnostic() =>
        Verify<UriDesignRules>.AnalyzerWithConfigAsync(
            """
            [Resource("/getBooks")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """,
            "dotnet_diagnostic.RSF0201.severity = none");

    [Fact]
    public Task UppercaseInPath_MixedCaseSegment_Reports() =>
        Verify<UriDesignRules>.AnalyzerAsync(
            """
            [Resource("/{|#0:BookReviews|}")]
            public sealed partial class Reviews
            {
                [Get] public string List() => "";
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.UppercaseInPath).WithLocation(0)
                .WithArguments("BookReviews", "/BookReviews", "book-reviews"));

    [Fact]
    public Task UppercaseInPath_LowerCaseAndParameterNames_NoDiagnostic() =>
        Verify<UriDesignRules>.AnalyzerAsync("""
            [Resource("/book-reviews")]
            public sealed partial class Reviews
            {
                [Get("{reviewId}/v2")] public string Find(int reviewId) => "";
            }
            """);

    [Fact]
    public Task TrailingSlash_ResourceAndHandler_Reports() =>
        Verify<UriDesignRules>.AnalyzerAsync("""
            [Resource({|RSF0203:"/books/"|})]
            public sealed partial class Books
            {
                [Get({|RSF0203:"{id}/"|})] public string Find(int id) => "";
            }
            """);

    [Fact]
    public Task TrailingSlash_RootAndPlainTemplates_NoDiagnostic() =>
        Verify<UriDesignRules>.AnalyzerAsync("""
            [Resource("/")]
            public sealed partial class Root
            {
                [Get] public string Home() => "";
                [Get("/")] public string Index() => "";
                [Get("books")] public string Books() => "";
            }
            """);

    [Fact]
    public Task FileExtensionInPath_JsonExtension_Reports() =>
        Verify<UriDesignRules>.AnalyzerAsync(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}{|#0:.json|}")] public string Find(int id) => "";
                [Get("{|#1:export.csv|}")] public string Export() => "";
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.FileExtensionInPath).WithLocation(0).WithArguments("{id}.json", "/books/{id}.json", ".json"),
            new DiagnosticResult(DiagnosticDescriptors.FileExtensionInPath).WithLocation(1).WithArguments("export.csv", "/books/export.csv", ".csv"));

    [Fact]
    public Task FileExtensionInPath_EstablishedFilesAndOtherDots_NoDiagnostic() =>
        Verify<UriDesignRules>.AnalyzerAsync("""
            [Resource("/")]
            public sealed partial class Site
            {
                [Get("robots.txt")] public string Robots() => "";
                [Get("openapi.json")] public string OpenApi() => "";
                [Get("covers/{name}.png")] public string Cover(string name) => "";
                [Get("files/{name}.{ext?}")] public string File(string name, string? ext) => "";
                [Get("v1.2/books")] public string Versioned() => "";
            }
            """);
}
