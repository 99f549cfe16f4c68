using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Resourceful.Generators.Parsing;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// A driver re-run after an edit (as the IDE re-runs after a keystroke) writes exactly what a fresh run of the edited
/// compilation writes: edits that cannot change a model change nothing, and every edit that can is followed, in
/// this project, in another file or in a referenced project or assembly.
/// </summary>
public sealed class EditReRunTests
{
    private const string BooksPath = "Books.cs";
    private const string ModelsPath = "Models.cs";
    private const string LibraryPath = "Library.cs";

    private const string BooksSource = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Resourceful;

        namespace Shop;

        [Resource("/books")]
        public sealed partial class Books(BookStore store)
        {
            /// <summary>All books.</summary>
            [Get]
            public IReadOnlyList<Book> List(Genre? genre) => store.List(genre, limit: 10);

            [Get(Routes.ById)]
            public Results<Ok<Book>, NotFound> Find(int id)
            {
                var book = store.Find(id);
                return book is null ? TypedResults.NotFound() : TypedResults.Ok(book);
            }

            [Post]
            public Created<Book> Add(NewBook body)
            {
                var book = store.Add(body);
                return TypedResults.Created(Links.Find(book.Id), book);
            }

            [Get("search")]
            public string Search(string title) => title;

            [Get("author")]
            public Library.Author Author() => new("Le Guin");
        }
        """;

    private const string ModelsSource = """
        using System.Collections.Generic;

        namespace Shop;

        public sealed record Book(int Id, string Title);

        public sealed record NewBook(string Title);

        public enum Genre { Fiction, Science }

        public static class Routes
        {
            public const string ById = "{id:int}";
        }

        public sealed class BookStore
        {
            public IReadOnlyList<Book> List(Genre? genre, int limit) => [];

            public Book? Find(int id) => null;

            public Book Add(NewBook input) => new(1, input.Title);
        }
        """;

    private const string LibrarySource = """
        namespace Library;

        public sealed record Author(string Name)
        {
            public string Display() => Name.ToUpperInvariant();
        }
        """;

    /// <summary>An edit of the project and whether it changes what the generator writes.</summary>
    private sealed record ProjectEdit(Func<Project, Project> Apply, bool ChangesOutput);

    /// <summary>The user's project and the library project it references (as the IDE references a project).</summary>
    private sealed record Project(CSharpCompilation Compilation, CSharpCompilation Library)
    {
        public Project WithLibrary(CSharpCompilation library)
            => new(Compilation.ReplaceReference(Library.ToMetadataReference(), library.ToMetadataReference()), library);

        public Project Edit(string path, string oldText, string newText)
            => this with { Compilation = (CSharpCompilation)TestHelpers.Edit(Compilation, path, oldText, newText) };
    }

    private static readonly Dictionary<string, ProjectEdit> Edits = new(StringComparer.Ordinal)
    {
        ["BlockBody"] = new(p => p.Edit(BooksPath, "var book = store.Find(id);", "var book = store.Find(id + 0);"), false),
        ["ExpressionBody"] = new(p => p.Edit(BooksPath, "limit: 10", "limit: 11"), false),
        ["BodyInAnotherFile"] = new(p => p.Edit(ModelsPath, "=> new(1, input.Title)", "=> new(2, input.Title)"), false),
        ["CommentOutsideBodies"] = new(p => p.Edit(BooksPath, "    [Post]", "    // Adds a book.\n    [Post]"), false),
        ["DocumentationComment"] = new(p => p.Edit(BooksPath, "All books.", "Every book."), false),
        ["BodyInReferencedProject"] = new(p => p.WithLibrary(Edit(p.Library, "Name.ToUpperInvariant()", "Name.ToLowerInvariant()")), false),
        ["LanguageVersion"] = new(p => p with { Compilation = WithLanguageVersion(p.Compilation, LanguageVersion.CSharp13) }, false),

        ["RecordPropertyInAnotherFile"] = new(p => p.Edit(ModelsPath, "record Book(int Id, string Title)", "record Book(int Id, string Title, int Year)"), true),
        ["ConstantInAnotherFile"] = new(p => p.Edit(ModelsPath, "\"{id:int}\"", "\"by-id/{id:int}\""), true),
        ["EnumMemberInAnotherFile"] = new(p => p.Edit(ModelsPath, "Fiction, Science", "Fiction, Science, History"), true),
        ["NullableDirectiveInsideABody"] = new(p => p.Edit(BooksPath, "        var book = store.Find(id);", "#nullable disable\n        var book = store.Find(id);"), true),
        ["NullableContextOption"] = new(p => p with { Compilation = p.Compilation.WithOptions(p.Compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable)) }, true),
        ["DeclarationInReferencedProject"] = new(p => p.WithLibrary(Edit(p.Library, "record Author(string Name)", "record Author(string Name, int Born)")), true),
        ["Attribute"] = new(p => p.Edit(BooksPath, "[Get(\"search\")]", "[Get(\"find\")]"), true),
    };

    public static TheoryData<string> EditNames => new(Edits.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(EditNames))]
    public void Edit_EveryKind_ReRunWritesWhatAFreshRunWrites(string name)
    {
        var edit = Edits[name];
        var project = CreateProject();
        var run = TestHelpers.RunGenerator(project.Compilation);
        TestHelpers.AssertCompilesCleanly(run);

        var edited = edit.Apply(project).Compilation;
        var rerun = TestHelpers.RunAgain(run, edited);
        TestHelpers.AssertNoGeneratorException(rerun);
        var fresh = TestHelpers.CreateDriver().RunGenerators(edited).GetRunResult();
        TestHelpers.AssertNoGeneratorException(fresh);

        Assert.Equal(Sources(fresh), Sources(rerun));
        if (edit.ChangesOutput)
        {
            // Otherwise a pipeline that kept a stale output would pass the comparison above.
            Assert.NotEqual(Sources(run.Result), Sources(rerun));
        }
        else
        {
            Assert.Equal(Sources(run.Result), Sources(rerun));
        }
    }

    [Fact]
    public void ReferencedAssembly_Rebuilt_ReRunFollowsItsContent()
    {
        // A package or a built project: only the module version id tells one build of it from another.
        var project = CreateProject();
        var first = WithImage(project, project.Library);
        var run = TestHelpers.RunGenerator(first);

        var sameBuild = WithImage(project, project.Library);
        var unchanged = TestHelpers.RunAgain(run, sameBuild);
        Assert.Equal(Sources(run.Result), Sources(unchanged));
        Assert.Empty(TestHelpers.NotCachedOutputs(unchanged.Results.Single(), TestHelpers.TrackingStepNames));

        var rebuilt = WithImage(project, Edit(project.Library, "record Author(string Name)", "record Author(string Name, string Country)"));
        var rerun = TestHelpers.RunAgain(run, rebuilt);
        var fresh = TestHelpers.CreateDriver().RunGenerators(rebuilt).GetRunResult();
        Assert.Equal(Sources(fresh), Sources(rerun));
        Assert.NotEqual(Sources(run.Result), Sources(rerun));
        Assert.Contains("country", TestHelpers.SourceOf(rerun, "Resourceful.OpenApi.g.cs"), StringComparison.Ordinal);
    }

    private static Project CreateProject()
    {
        var library = CreateLibrary();
        var compilation = TestHelpers.CreateCompilation(
            [TestHelpers.ParseTree(BooksSource, BooksPath), TestHelpers.ParseTree(ModelsSource, ModelsPath)])
            .AddReferences(library.ToMetadataReference());
        return new Project(compilation, library);
    }

    private static CSharpCompilation CreateLibrary()
        => CSharpCompilation.Create(
            "Library",
            [TestHelpers.ParseTree(LibrarySource, LibraryPath)],
            TestHelpers.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static CSharpCompilation Edit(CSharpCompilation compilation, string oldText, string newText)
        => (CSharpCompilation)TestHelpers.Edit(compilation, LibraryPath, oldText, newText);

    /// <summary>
    /// The project referencing a fresh build of <paramref name="library"/> (deterministic, so the same source gives
    /// the same module version id), the way a package or a built project is referenced.
    /// </summary>
    private static CSharpCompilation WithImage(Project project, CSharpCompilation library)
    {
        using var image = new MemoryStream();
        var emitted = library.WithOptions(library.Options.WithDeterministic(true)).Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return project.Compilation.ReplaceReference(project.Library.ToMetadataReference(), MetadataReference.CreateFromImage(image.ToArray()));
    }

    private static CSharpCompilation WithLanguageVersion(CSharpCompilation compilation, LanguageVersion version)
    {
        var trees = compilation.SyntaxTrees
            .Select(tree => tree.WithRootAndOptions(tree.GetRoot(), ((CSharpParseOptions)tree.Options).WithLanguageVersion(version)))
            .ToArray();
        return compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
    }

    private static (string HintName, string Text)[] Sources(GeneratorDriverRunResult result)
        => result.Results.Single().GeneratedSources
            .Select(s => (s.HintName, Text: s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToArray();
}
