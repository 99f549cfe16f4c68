using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// What the generator recomputes after an edit (DESIGN.md §4, STYLE.md "Incremental caching, both ways"): nothing
/// after a keystroke inside a method body, only the edited resource after an attribute edit.
/// </summary>
public sealed class IncrementalTests
{
    private const string BooksPath = "Books.cs";
    private const string OrdersPath = "Orders.cs";

    private const string BooksSource = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Resourceful;

        namespace Shop;

        public sealed record Book(int Id, string Title);

        [Resource("/books")]
        public sealed partial class Books
        {
            private readonly List<Book> _books = [];

            [Get]
            public IReadOnlyList<Book> List() => _books;

            [Get("{id:int}")]
            public Results<Ok<Book>, NotFound> Find(int id)
            {
                var book = _books.Find(b => b.Id == id);
                return book is null ? TypedResults.NotFound() : TypedResults.Ok(book);
            }
        }
        """;

    private const string OrdersSource = """
        using Resourceful;

        namespace Shop;

        [Resource("/orders")]
        public sealed partial class Orders
        {
            [Get("{id:int}")]
            public string Find(int id) => $"order {id}";
        }
        """;

    [Fact]
    public void TrackingNames_ResourceSource_EveryStepRuns()
    {
        var run = TestHelpers.RunGenerator(CreateTwoResourceCompilation());

        var missing = TestHelpers.TrackingStepNames
            .Where(name => !run.GeneratorResult.TrackedSteps.ContainsKey(name))
            .ToArray();
        Assert.True(
            missing.Length == 0,
            $"Steps named in TrackingNames never ran (missing WithTrackingName?): {string.Join(", ", missing)}; ran: {string.Join(", ", run.GeneratorResult.TrackedSteps.Keys)}");
    }

    [Fact]
    public void Edit_InsideMethodBody_EveryStepCachedAndNothingReEmitted()
    {
        var run = TestHelpers.RunGenerator(CreateTwoResourceCompilation());
        TestHelpers.AssertCompilesCleanly(run);

        var edited = TestHelpers.Edit(run.InputCompilation, BooksPath, "return book is null", "return (book) is null");
        var result = TestHelpers.RunAgain(run, edited).Results.Single();

        TestHelpers.AssertNoGeneratorException(TestHelpers.RunAgain(run, edited));
        AssertEveryStepRan(result);
        var notCached = TestHelpers.NotCachedOutputs(result, TestHelpers.TrackingStepNames).ToArray();
        Assert.True(
            notCached.Length == 0,
            "A keystroke inside a method body recomputed:" + Environment.NewLine + string.Join(Environment.NewLine, notCached));
        AssertSameSources(run.GeneratorResult, result);
    }

    [Fact]
    public void Edit_OneResourceTemplate_OnlyThatResourceModified()
    {
        var run = TestHelpers.RunGenerator(CreateTwoResourceCompilation());
        TestHelpers.AssertCompilesCleanly(run);

        var edited = TestHelpers.Edit(run.InputCompilation, OrdersPath, "[Resource(\"/orders\")]", "[Resource(\"/purchase-orders\")]");
        var second = TestHelpers.RunAgain(run, edited);
        TestHelpers.AssertNoGeneratorException(second);
        var result = second.Results.Single();

        var resources = TestHelpers.StepOutputs(result, TrackingNames.Resources).ToArray();
        var orders = resources.Where(o => ClassNameOf(o.Value) == "Orders").ToArray();
        var books = resources.Where(o => ClassNameOf(o.Value) == "Books").ToArray();
        Assert.True(orders.Length == 1 && books.Length == 1, "Expected one Orders and one Books output: " + Describe(resources));
        Assert.Equal(IncrementalStepRunReason.Modified, orders[0].Reason);
        Assert.True(
            books[0].Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"Books was not edited but its Resources output is {books[0].Reason}");

        // The resource that was not edited goes through every per-resource step untouched.
        var booksToEmit = TestHelpers.StepOutputs(result, TrackingNames.ResourcesToEmit)
            .Where(o => TestHelpers.Describe(o.Value).Contains("ClassName = Books", StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(booksToEmit);
        Assert.All(booksToEmit, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"Books' ResourcesToEmit output is {o.Reason}"));
        Assert.All(TestHelpers.StepOutputs(result, TrackingNames.DuplicateNames), o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"No class name changed, yet DuplicateNames is {o.Reason}"));

        Assert.Equal(TestHelpers.SourceOf(run.Result, "Shop.Books.g.cs"), TestHelpers.SourceOf(second, "Shop.Books.g.cs"));
        var ordersText = TestHelpers.SourceOf(second, "Shop.Orders.g.cs");
        Assert.NotNull(ordersText);
        Assert.NotEqual(TestHelpers.SourceOf(run.Result, "Shop.Orders.g.cs"), ordersText);
        Assert.Contains("/purchase-orders", ordersText, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_BodyType_OnlyOpenApiDocumentReEmitted()
    {
        var run = TestHelpers.RunGenerator(CreateTwoResourceCompilation());
        TestHelpers.AssertCompilesCleanly(run);

        // A DTO edit: Book, the body type of Books' handlers, gains a property. Only the OpenAPI document shows it.
        var edited = TestHelpers.Edit(run.InputCompilation, BooksPath, "record Book(int Id, string Title)", "record Book(int Id, string Title, string Isbn)");
        var second = TestHelpers.RunAgain(run, edited);
        TestHelpers.AssertNoGeneratorException(second);
        var result = second.Results.Single();

        var parsedBooks = TestHelpers.StepOutputs(result, TrackingNames.ParsedResources)
            .Where(o => TestHelpers.Describe(o.Value).Contains("ClassName = Books", StringComparison.Ordinal))
            .ToArray();
        Assert.Single(parsedBooks);
        Assert.Equal(IncrementalStepRunReason.Modified, parsedBooks[0].Reason);
        Assert.Contains(TestHelpers.StepOutputs(result, TrackingNames.Shapes), o => o.Reason == IncrementalStepRunReason.Modified);

        // Every step that feeds a resource's own file stays cached...
        string[] resourceSteps = [TrackingNames.Resources, TrackingNames.DuplicateNames, TrackingNames.ResourcesToEmit, TrackingNames.Registrations];
        var recomputed = TestHelpers.NotCachedOutputs(result, resourceSteps)
            .Where(static line => !line.StartsWith("output step", StringComparison.Ordinal))
            .ToArray();
        Assert.True(recomputed.Length == 0, "A body type's edit recomputed:" + Environment.NewLine + string.Join(Environment.NewLine, recomputed));

        // ...and so do the source outputs: each resource file's (fed by ResourcesToEmit) is Cached; only the OpenAPI
        // document's runs again with a changed input. (The problem reporters see moved positions, which an edit always
        // moves, and re-run to report nothing: Unchanged.)
        var outputs = result.TrackedOutputSteps.SelectMany(static step => step.Value).ToArray();
        var resourceFiles = outputs.Where(static s => s.Inputs.Any(static i => i.Source.Name == TrackingNames.ResourcesToEmit)).ToArray();
        Assert.Equal(2, resourceFiles.Length);
        Assert.All(resourceFiles.SelectMany(static s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Single(outputs.SelectMany(static s => s.Outputs), o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        Assert.Equal(TestHelpers.SourceOf(run.Result, "Shop.Books.g.cs"), TestHelpers.SourceOf(second, "Shop.Books.g.cs"));
        Assert.Equal(TestHelpers.SourceOf(run.Result, "Resourceful.MapResources.g.cs"), TestHelpers.SourceOf(second, "Resourceful.MapResources.g.cs"));
        var document = TestHelpers.SourceOf(second, "Resourceful.OpenApi.g.cs");
        Assert.NotEqual(TestHelpers.SourceOf(run.Result, "Resourceful.OpenApi.g.cs"), document);
        Assert.Contains("\"isbn\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFile_UnrelatedToResources_EveryStepCached()
    {
        var run = TestHelpers.RunGenerator(CreateTwoResourceCompilation());

        const string unrelated = """
            namespace Shop;

            public static class Pricing
            {
                public static decimal WithTax(decimal net) => net * 1.2m;
            }
            """;
        var edited = run.InputCompilation.AddSyntaxTrees(TestHelpers.ParseTree(unrelated, "Pricing.cs"));
        var second = TestHelpers.RunAgain(run, edited);
        TestHelpers.AssertNoGeneratorException(second);
        var result = second.Results.Single();

        AssertEveryStepRan(result);
        var notCached = TestHelpers.NotCachedOutputs(result, TestHelpers.TrackingStepNames).ToArray();
        Assert.True(
            notCached.Length == 0,
            "Adding a file without resources recomputed:" + Environment.NewLine + string.Join(Environment.NewLine, notCached));
        AssertSameSources(run.GeneratorResult, result);
    }

    private static Microsoft.CodeAnalysis.CSharp.CSharpCompilation CreateTwoResourceCompilation()
        => TestHelpers.CreateCompilation(
        [
            TestHelpers.ParseTree(BooksSource, BooksPath),
            TestHelpers.ParseTree(OrdersSource, OrdersPath),
        ]);

    /// <summary>Guards the "nothing recomputed" assertions against passing because a step did not report at all.</summary>
    private static void AssertEveryStepRan(GeneratorRunResult result)
    {
        foreach (var name in TestHelpers.TrackingStepNames)
        {
            Assert.True(TestHelpers.StepOutputs(result, name).Any(), $"Step '{name}' reported no outputs after the edit");
        }
    }

    private static string? ClassNameOf(object value) => (value as ResourceModel)?.ClassName;

    private static string Describe((object Value, IncrementalStepRunReason Reason)[] outputs)
        => string.Join("; ", outputs.Select(o => $"{o.Reason}: {TestHelpers.Describe(o.Value)}"));

    private static void AssertSameSources(GeneratorRunResult before, GeneratorRunResult after)
    {
        Assert.Equal(
            before.GeneratedSources.Select(s => (s.HintName, Text: s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal),
            after.GeneratedSources.Select(s => (s.HintName, Text: s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal));
    }
}
