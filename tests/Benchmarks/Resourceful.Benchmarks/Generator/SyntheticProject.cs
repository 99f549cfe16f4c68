using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Resourceful.Benchmarks.Generator;

/// <summary>Which way the synthetic project declares its endpoints.</summary>
public enum ProjectKind
{
    /// <summary><c>[Resource]</c> classes, for Resourceful's generator.</summary>
    Resourceful,

    /// <summary>The same endpoints as minimal-API <c>Map*</c> calls, for the Request Delegate Generator.</summary>
    MinimalApi,
}

/// <summary>
/// A synthetic project of <c>N</c> resources × 5 handlers (list, find, add, replace, remove), one file per
/// resource, written either as Resourceful resources or as the equivalent minimal-API calls. Also holds the
/// project after a one-character edit inside one handler's body, for the incremental re-run.
/// </summary>
internal sealed class SyntheticProject
{
    public const int HandlersPerResource = 5;

    /// <summary>
    /// Parse options of a .NET 10 project; interceptors are enabled for the RDG's namespace, as the SDK does
    /// when <c>EnableRequestDelegateGenerator</c> is on (it matters only when the output is compiled).
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "Microsoft.AspNetCore.Http.Generated")]);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    private SyntheticProject(CSharpCompilation compilation, SyntaxTree original, SyntaxTree edited)
    {
        Compilation = compilation;
        OriginalTree = original;
        EditedTree = edited;
    }

    /// <summary>The project as first built.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>The file that the edit changes, as it was.</summary>
    public SyntaxTree OriginalTree { get; }

    /// <summary>The same file with <c>limit ?? 10</c> changed to <c>limit ?? 11</c> inside the list handler.</summary>
    public SyntaxTree EditedTree { get; }

    /// <summary>The .NET and ASP.NET Core shared frameworks this process runs on, plus Resourceful.dll.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>
    /// The project as a fresh build sees it: new syntax tree objects (sharing the parsed green nodes, so parsing is
    /// not timed) in a compilation with an assembly name of its own. Nothing a generator may keep per tree, per
    /// compilation or per assembly (Resourceful reuses models while declarations are unchanged) carries over.
    /// </summary>
    public CSharpCompilation Fresh()
    {
        var build = Interlocked.Increment(ref builds).ToString(CultureInfo.InvariantCulture);
        var trees = Compilation.SyntaxTrees.Select(Copy);
        return Compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees).WithAssemblyName(Compilation.AssemblyName + "_" + build);
    }

    private static int builds;

    /// <summary>
    /// The project after the edit: a new compilation that shares every other syntax tree, as the IDE makes one. The
    /// edited file is a new tree object each time, as after every keystroke, so nothing kept per tree carries over.
    /// </summary>
    public CSharpCompilation Edited() => Compilation.ReplaceSyntaxTree(OriginalTree, Copy(EditedTree));

    private static SyntaxTree Copy(SyntaxTree tree)
        => CSharpSyntaxTree.Create((CSharpSyntaxNode)tree.GetRoot(), (CSharpParseOptions)tree.Options, tree.FilePath, tree.Encoding);

    public static SyntheticProject Create(ProjectKind kind, int resources)
    {
        var trees = new List<SyntaxTree> { Parse("Shared.cs", SharedSource) };
        for (var i = 0; i < resources; i++)
        {
            var source = kind == ProjectKind.Resourceful ? ResourceSource(i) : MinimalApiSource(i);
            trees.Add(Parse($"Resource{i}.cs", source));
        }

        // An edit in the middle of the project, inside one handler's body.
        var editedIndex = 1 + (resources / 2);
        var original = trees[editedIndex];
        var text = original.GetText().ToString();
        var editedText = text.Replace("limit ?? 10", "limit ?? 11", StringComparison.Ordinal);
        if (editedText == text)
        {
            throw new InvalidOperationException("The synthetic edit did not apply.");
        }

        var edited = original.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(editedText, Encoding.UTF8));

        var compilation = CSharpCompilation.Create(
            "Synthetic" + kind + resources.ToString(CultureInfo.InvariantCulture),
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return new SyntheticProject(compilation, original, edited);
    }

    private static SyntaxTree Parse(string path, string source)
        => CSharpSyntaxTree.ParseText(source, ParseOptions, path, Encoding.UTF8);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared frameworks only (Microsoft.NETCore.App and Microsoft.AspNetCore.App), not this harness's own
        // dependencies: a web project compiles against exactly these plus its packages.
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(static path => path.Contains(Path.DirectorySeparatorChar + "shared" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(static path => !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .OrderBy(static path => path, StringComparer.Ordinal);
        var references = platform.Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(ResourceAttribute).Assembly.Location));
        return [.. references];
    }

    private const string SharedSource = """
        using System.Collections.Generic;

        namespace Synthetic;

        public sealed record Item(int Id, string Name, decimal Price);

        public sealed record NewItem(string Name, decimal Price);

        public sealed class Store
        {
            private readonly List<Item> _items = new();

            public IReadOnlyList<Item> List(int limit) => _items.Count <= limit ? _items : _items.GetRange(0, limit);

            public Item? Find(int id) => _items.Find(item => item.Id == id);

            public Item Add(NewItem input)
            {
                var item = new Item(_items.Count + 1, input.Name, input.Price);
                _items.Add(item);
                return item;
            }

            public bool Replace(int id, NewItem input)
            {
                var index = _items.FindIndex(item => item.Id == id);
                if (index < 0)
                {
                    return false;
                }

                _items[index] = new Item(id, input.Name, input.Price);
                return true;
            }

            public bool Remove(int id) => _items.RemoveAll(item => item.Id == id) > 0;
        }
        """;

    private static string ResourceSource(int index) => $$"""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Resourceful;

        namespace Synthetic;

        [Resource("/resources{{index}}")]
        public sealed partial class Resource{{index}}(Store store)
        {
            [Get]
            public IReadOnlyList<Item> List(int? limit) => store.List(limit ?? 10);

            [Get("{id:int}")]
            public Results<Ok<Item>, NotFound> Find(int id) =>
                store.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

            [Post]
            public Created<Item> Add(NewItem body)
            {
                var item = store.Add(body);
                return TypedResults.Created(Links.Find(item.Id), item);
            }

            [Put("{id:int}")]
            public Results<NoContent, NotFound> Replace(int id, NewItem body) =>
                store.Replace(id, body) ? TypedResults.NoContent() : TypedResults.NotFound();

            [Delete("{id:int}")]
            public Results<NoContent, NotFound> Remove(int id) =>
                store.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound();
        }
        """;

    private static string MinimalApiSource(int index) => $$"""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;

        namespace Synthetic;

        public static class Resource{{index}}Endpoints
        {
            public static void Map(IEndpointRouteBuilder app)
            {
                app.MapGet("/resources{{index}}", (int? limit, [FromServices] Store store) => store.List(limit ?? 10));

                app.MapGet("/resources{{index}}/{id:int}", Results<Ok<Item>, NotFound> (int id, [FromServices] Store store) =>
                    store.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound());

                app.MapPost("/resources{{index}}", (NewItem body, [FromServices] Store store) =>
                {
                    var item = store.Add(body);
                    return TypedResults.Created("/resources{{index}}/" + item.Id, item);
                });

                app.MapPut("/resources{{index}}/{id:int}", Results<NoContent, NotFound> (int id, NewItem body, [FromServices] Store store) =>
                    store.Replace(id, body) ? TypedResults.NoContent() : TypedResults.NotFound());

                app.MapDelete("/resources{{index}}/{id:int}", Results<NoContent, NotFound> (int id, [FromServices] Store store) =>
                    store.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound());
            }
        }
        """;
}
