using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.Generators.Analyzers;
using Resourceful.Generators.Diagnostics;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>RSF0014: the same method and path in two resources, reported in both.</summary>
public sealed class DuplicateEndpointTests
{
    [Fact]
    public Task DuplicateEndpointAcrossResources_SamePathInTwoResources_ReportsBoth() =>
        Verify<DuplicateEndpointRules>.AnalyzerAsync(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get({|#0:"{id}"|})] public string Find(int id) => "";
            }

            [Resource("/")]
            public sealed partial class Legacy
            {
                [Get({|#1:"Books/{key}"|})] public string Book(int key) => "";
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.DuplicateEndpointAcrossResources).WithLocation(0).WithLocation(1)
                .WithArguments("GET", "/books/{id}", "Books.Find", "Legacy.Book"),
            new DiagnosticResult(DiagnosticDescriptors.DuplicateEndpointAcrossResources).WithLocation(1).WithLocation(0)
                .WithArguments("GET", "/Books/{key}", "Legacy.Book", "Books.Find"));

    [Fact]
    public Task DuplicateEndpointAcrossResources_DifferentMethodsOrPaths_NoDiagnostic() =>
        Verify<DuplicateEndpointRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find(int id) => "";
            }

            [Resource("/books")]
            public sealed partial class BookCommands
            {
                [Delete("{id}")] public void Remove(int id) { }
                [Get("{id}/reviews")] public string Reviews(int id) => "";
            }
            """);

    [Fact]
    public Task DuplicateEndpointAcrossResources_SameOldUriInTwoResources_ReportsBoth() =>
        Verify<DuplicateEndpointRules>.AnalyzerAsync(
            """
            [Resource("/books")]
            [MovedFrom({|#0:"/library"|})]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }

            [Resource("/novels")]
            [MovedFrom({|#1:"/Library"|})]
            public sealed partial class Novels
            {
                [Get] public string List() => "";
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.DuplicateEndpointAcrossResources).WithLocation(0).WithLocation(1)
                .WithArguments("*", "/library", "[MovedFrom] on Books", "[MovedFrom] on Novels"),
            new DiagnosticResult(DiagnosticDescriptors.DuplicateEndpointAcrossResources).WithLocation(1).WithLocation(0)
                .WithArguments("*", "/Library", "[MovedFrom] on Novels", "[MovedFrom] on Books"));

    [Fact]
    public Task DuplicateEndpointAcrossResources_SameOldUriOnResourceAndOnHandler_NoDiagnostic() =>
        Verify<DuplicateEndpointRules>.AnalyzerAsync("""
            [Resource("/books")]
            [MovedFrom("/library")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }

            [Resource("/novels")]
            public sealed partial class Novels
            {
                [Get("{id}")]
                [MovedFrom("/library/{id}")]
                [MovedFrom("/novel/{id}")]
                public string Find(int id) => "";
            }
            """);
}
