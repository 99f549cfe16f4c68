using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// Representative resources, their generated code checked in under <c>Snapshots/</c>. Every input is valid,
/// warning-free user code, and each test also asserts the generated code compiles with zero diagnostics.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Books_FullCrudResource_MatchesSnapshot()
    {
        // DESIGN.md §1, completed so that it compiles; the user code also calls the generated API.
        const string source = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Resourceful;

            namespace Shop;

            public sealed record Book(int Id, string Title, string Author);

            public sealed record NewBook(string Title, string Author);

            public sealed class BookStore
            {
                private readonly List<Book> _books = [];

                public IReadOnlyList<Book> List(int limit) => _books.GetRange(0, System.Math.Min(limit, _books.Count));

                public Book? Find(int id) => _books.Find(b => b.Id == id);

                public Task<Book> AddAsync(NewBook book, CancellationToken ct)
                {
                    ct.ThrowIfCancellationRequested();
                    var added = new Book(_books.Count + 1, book.Title, book.Author);
                    _books.Add(added);
                    return Task.FromResult(added);
                }

                public bool Replace(int id, NewBook book)
                {
                    var index = _books.FindIndex(b => b.Id == id);
                    if (index < 0)
                    {
                        return false;
                    }

                    _books[index] = new Book(id, book.Title, book.Author);
                    return true;
                }

                public bool Remove(int id) => _books.RemoveAll(b => b.Id == id) > 0;
            }

            [Resource("/books")]
            public sealed partial class Books(BookStore store)
            {
                [Get]
                public IReadOnlyList<Book> List(int? limit) => store.List(limit ?? 50);

                [Get("{id:int}")]
                public Results<Ok<Book>, NotFound> Find(int id) =>
                    store.Find(id) is { } b ? TypedResults.Ok(b) : TypedResults.NotFound();

                [Post]
                public async Task<Results<Created<Book>, ValidationProblem>> Add(NewBook body, CancellationToken ct)
                {
                    if (string.IsNullOrWhiteSpace(body.Title))
                    {
                        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = ["A title is required."] });
                    }

                    var book = await store.AddAsync(body, ct);
                    return TypedResults.Created(Links.Find(book.Id), book);
                }

                [Put("{id:int}")]
                public Results<NoContent, NotFound> Replace(int id, NewBook body) =>
                    store.Replace(id, body) ? TypedResults.NoContent() : TypedResults.NotFound();

                [Delete("{id:int}")]
                public Results<NoContent, NotFound> Remove(int id) =>
                    store.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound();
            }

            public static class Startup
            {
                public static void Configure(WebApplication app)
                {
                    ResourceConventionBuilder all = app.MapResources();
                    ResourceConventionBuilder books = app.MapBooks();
                    all.RequireAuthorization();
                    books.WithTags("books");
                }

                public static string LinkToBook42() => Books.Links.Find(42);
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Shop.Books.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Resourceful.MapResources.g.cs");
        Snapshot.Verify(run);
    }

    [Fact]
    public void Forms_ValuesFilesAndTypes_MatchesSnapshot()
    {
        // Forms as minimal APIs bind them: [FromForm] values and types, IFormFile by name, IFormFileCollection,
        // IFormCollection; antiforgery metadata, AcceptsMetadata, and both documents' form bodies.
        const string source = """
            using Microsoft.AspNetCore.Antiforgery;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Resourceful;

            namespace Shop.Uploads;

            public sealed record NewImage(string Title, int? Rank, IFormFile? Image);

            [Resource("/uploads")]
            public sealed partial class Uploads
            {
                [Post]
                public string Add([FromForm] string title, [FromForm(Name = "tag")] string[] tags, [FromForm] int copies = 1) => "";

                [Put("{id:int}")]
                public void Replace(int id, [FromForm(Name = "file")] IFormFile upload, IFormFileCollection all) { }

                [Patch("{id:int}")]
                [RequireAntiforgeryToken(false)]
                public void Change(int id, IFormCollection form) { }

                [Post("images")]
                public string AddImage([FromForm] NewImage image) => "";
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        Snapshot.Verify(run);
    }

    [Fact]
    public void Validation_NestedObjectsCollectionsAndValues_MatchesSnapshot()
    {
        // What ASP.NET Core 10's AddValidation() checks for minimal APIs: nested objects, collection items,
        // IValidatableObject, and rules on route, query and header values.
        const string source = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using System.Text.Json.Serialization;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Mvc;
            using Resourceful;

            namespace Shop.Orders;

            public sealed class NewOrder : IValidatableObject
            {
                [Required, StringLength(20)] public string? Customer { get; set; }
                public Address? Ship { get; set; }
                public List<Line>? Lines { get; set; }
                [JsonPropertyName("due")][Range(0, 30)] public int DueInDays { get; set; }

                public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => [];
            }

            public sealed class Address { [Required] public string? Street { get; set; } }

            public sealed record Line([Required] string? Sku, [Range(1, 100)] int Quantity);

            [Resource("/orders")]
            public sealed partial class Orders
            {
                [Get]
                public string List([Range(1, 10)] int page = 1, [FromHeader(Name = "X-Count")][Range(1, 5)] int? count = null) => "";

                [Post]
                public Created<NewOrder> Add(NewOrder order) => TypedResults.Created("/orders/1", order);
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        Snapshot.Verify(run);
    }

    [Fact]
    public void StaticHandlers_ResourceInGlobalNamespace_MatchesSnapshot()
    {
        const string source = """
            using System;
            using Resourceful;

            [Resource("/health")]
            public sealed partial class Health
            {
                [Get]
                public static string Ping() => "pong";

                [Get("{component}")]
                public static string Check(string component, DateTimeOffset? since) =>
                    since is null ? component : $"{component} since {since:O}";
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Health.g.cs");
        Snapshot.Verify(run);
    }

    [Fact]
    public void NestedResource_InPartialOuterClass_MatchesSnapshot()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Resourceful;

            namespace Shop.Api;

            public sealed record Order(Guid Id, decimal Total);

            public static partial class V1
            {
                [Resource("/v1/orders")]
                public sealed partial class Orders
                {
                    [Get("{id:guid}")]
                    public Results<Ok<Order>, NotFound> Find(Guid id) =>
                        id == Guid.Empty ? TypedResults.NotFound() : TypedResults.Ok(new Order(id, 10m));

                    [Delete("{id:guid}")]
                    public NoContent Cancel(Guid id) => TypedResults.NoContent();
                }
            }

            public static class LinkUser
            {
                public static string First() => V1.Orders.Links.Find(Guid.Empty);
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        Snapshot.Verify(run);
    }

    [Fact]
    public void Bindings_EverySource_MatchesSnapshot()
    {
        const string source = """
            using System;
            using System.Security.Claims;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;
            using Resourceful;

            namespace Shop.Search;

            public enum SortOrder
            {
                Ascending,
                Descending,
            }

            public interface IClock
            {
                DateTimeOffset Now { get; }
            }

            public interface IAuditLog
            {
                void Write(string message);
            }

            public sealed record Note(string Text);

            public sealed class Paging
            {
                [FromQuery(Name = "page")]
                public int Page { get; set; } = 1;

                [FromHeader(Name = "X-Page-Size")]
                public int? PageSize { get; set; }
            }

            [Resource("/tenants/{tenant}/search")]
            public sealed partial class Search(IClock clock)
            {
                [Get]
                public string Find(
                    string tenant,
                    [FromHeader(Name = "X-Api-Version")] string? version,
                    [AsParameters] Paging paging,
                    [FromServices] IAuditLog audit,
                    HttpContext httpContext,
                    CancellationToken cancellationToken,
                    string[] tags,
                    int[] ids,
                    Guid? correlation,
                    DateOnly? since,
                    SortOrder order = SortOrder.Ascending,
                    [FromQuery(Name = "q")] string query = "*")
                {
                    audit.Write($"{httpContext.TraceIdentifier} {cancellationToken.IsCancellationRequested}");
                    return $"{tenant} {version} {paging.Page} {paging.PageSize} {tags.Length} {ids.Length} {correlation} {since} {order} {query} {clock.Now:O}";
                }

                [Post("{id:int}/notes")]
                public Task<IResult> AddNote(
                    string tenant,
                    [FromRoute(Name = "id")] int noteId,
                    [FromBody] Note note,
                    ClaimsPrincipal user,
                    HttpRequest request,
                    HttpResponse response,
                    [FromKeyedServices("audit")] IAuditLog audit,
                    IClock requestClock)
                {
                    audit.Write($"{tenant} {noteId} {note.Text} {user.Identity?.Name} {request.Path} {response.StatusCode} {requestClock.Now:O}");
                    return Task.FromResult(Results.Accepted());
                }
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        Snapshot.Verify(run);
    }

    [Fact]
    public void ConditionalRequests_VersionedRepresentations_MatchesSnapshot()
    {
        // Issue 15: ETags from [ConcurrencyCheck] and [Timestamp] versions, Preconditions, RequireIfMatch, 412/428 results.
        const string source = """
            using System;
            using System.ComponentModel.DataAnnotations;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Resourceful;

            namespace Shop;

            public sealed class Book
            {
                public int Id { get; init; }

                [ConcurrencyCheck]
                public long Version { get; init; }
            }

            public sealed record Edition(int Id, [property: Timestamp] DateTimeOffset Updated);

            public sealed record Draft(int Id, [property: Timestamp] byte[] RowVersion);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id:int}")]
                public Results<Ok<Book>, NotFound> Find(int id) => TypedResults.Ok(new Book { Id = id });

                [Get("{id:int}/edition")]
                public Edition Edition(int id) => new(id, DateTimeOffset.UnixEpoch);

                [Get("{id:int}/draft")]
                public Task<Ok<Draft>> Draft(int id) => Task.FromResult(TypedResults.Ok(new Draft(id, [1, 2])));

                [Put("{id:int}", RequireIfMatch = true)]
                public async Task<Results<Ok<Book>, NotFound, PreconditionFailed>> Replace(int id, Book book, Preconditions preconditions)
                {
                    await Task.Yield();
                    return preconditions.Allows(book.Version) ? TypedResults.Ok(book) : new PreconditionFailed();
                }

                [Delete("{id:int}", RequireIfMatch = true)]
                public Results<NoContent, PreconditionFailed, PreconditionRequired> Remove(int id, Preconditions preconditions) =>
                    preconditions.Allows(1L) ? TypedResults.NoContent() : new PreconditionFailed();
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        Snapshot.Verify(run);
    }

    [Fact]
    public void QueryCookiesAndSession_MatchSnapshot()
    {
        const string source = """
            using System.Collections.Generic;
            using System.IO;
            using Microsoft.AspNetCore.Http;
            using Resourceful;

            namespace Shop.State;

            public sealed record Filter(string? Title, int? Year);

            [Resource("/items")]
            public sealed partial class Items
            {
                [Get]
                public IReadOnlyList<string> List([FromCookie(Name = "page-size")] int pageSize = 20) => [];

                [Query]
                public IReadOnlyList<string> Search(Filter filter, [FromCookie(Name = "theme")] string? theme) => [];

                [Query("raw")]
                public string Raw(Stream body) => "";

                [Get("cart")]
                public string Cart(ISession session, [FromCookie] System.Guid visitor) => session.GetString("cart") ?? visitor.ToString();
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        Snapshot.Verify(run);
    }

    [Fact]
    public void ResultKinds_EveryReturnShape_MatchesSnapshot()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Resourceful;

            namespace Shop.Kinds;

            public sealed record Item(int Id);

            [Resource("/kinds")]
            public sealed partial class Kinds
            {
                private int _calls;

                [Delete("void")]
                public void Nothing() => _calls++;

                [Post("task")]
                public Task Work() => Task.CompletedTask;

                [Put("value-task")]
                public ValueTask WorkLater() => ValueTask.CompletedTask;

                [Get("value")]
                public Item Value() => new(_calls);

                [Get("text")]
                public string Text() => "hello";

                [Get("result")]
                public IResult Result() => Microsoft.AspNetCore.Http.Results.Ok();

                [Get("typed")]
                public Ok<Item> Typed() => TypedResults.Ok(new Item(2));

                [Get("task-of-value")]
                public Task<Item> TaskOfValue() => Task.FromResult(new Item(3));

                [Get("task-of-text")]
                public async Task<string> TaskOfText()
                {
                    await Task.Yield();
                    return "later";
                }

                [Get("value-task-of-value")]
                public ValueTask<Item> ValueTaskOfValue() => ValueTask.FromResult(new Item(4));

                [Patch("value-task-of-result")]
                public ValueTask<IResult> ValueTaskOfResult() => ValueTask.FromResult(Microsoft.AspNetCore.Http.Results.NoContent());

                [Get("union")]
                public Results<Ok<Item>, NotFound, BadRequest> Union(int id) => id switch
                {
                    < 0 => TypedResults.BadRequest(),
                    0 => TypedResults.NotFound(),
                    _ => TypedResults.Ok(new Item(id)),
                };
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        TestHelpers.AssertCompilesCleanly(run);
        Snapshot.Verify(run);
    }

    [Fact]
    public void DefaultValues_EveryConstantKind_MatchesSnapshot()
    {
        // One handler per kind of constant, so a default the emitter cannot write shows up as one missing
        // endpoint or one compile error, not as a whole resource gone. Every handler is valid minimal-API input.
        const string source = """
            using Resourceful;

            namespace Shop.Defaults;

            public enum Mode
            {
                Fast = 1,
                Slow = -2,
            }

            [System.Flags]
            public enum Features
            {
                None = 0,
                Search = 1,
                Export = 2,
            }

            [Resource("/defaults")]
            public sealed partial class Defaults
            {
                [Get("text")] public string Text(string value = "quote \" backslash \\ newline \n tab \t unicode é") => value;
                [Get("null-text")] public string NullText(string? value = null) => value ?? "";
                [Get("int")] public string Int(int value = -1) => $"{value}";
                [Get("long")] public string Long(long value = long.MinValue) => $"{value}";
                [Get("ulong")] public string ULong(ulong value = ulong.MaxValue) => $"{value}";
                [Get("short")] public string Short(short value = -5) => $"{value}";
                [Get("byte")] public string Byte(byte value = 255) => $"{value}";
                [Get("double")] public string Double(double value = 1.5) => $"{value}";
                [Get("double-tiny")] public string DoubleTiny(double value = 1e-300) => $"{value}";
                [Get("double-nan")] public string DoubleNaN(double value = double.NaN) => $"{value}";
                [Get("double-infinity")] public string DoubleInfinity(double value = double.NegativeInfinity) => $"{value}";
                [Get("float")] public string Float(float value = -0.25f) => $"{value}";
                [Get("float-max")] public string FloatMax(float value = float.MaxValue) => $"{value}";
                [Get("decimal")] public string Decimal(decimal value = 2.50m) => $"{value}";
                [Get("char")] public string Char(char value = '\'') => $"{value}";
                [Get("bool")] public string Bool(bool value = true) => $"{value}";
                [Get("nullable-int")] public string NullableInt(int? value = 5) => $"{value}";
                [Get("enum")] public string Enum(Mode value = Mode.Fast) => $"{value}";
                [Get("negative-enum")] public string NegativeEnum(Mode value = Mode.Slow) => $"{value}";
                [Get("undeclared-enum")] public string UndeclaredEnum(Mode value = (Mode)7) => $"{value}";
                [Get("flags-enum")] public string FlagsEnum(Features value = Features.Search | Features.Export) => $"{value}";
                [Get("nullable-enum")] public string NullableEnum(Mode? value = Mode.Slow) => $"{value}";
            }
            """;

        var run = TestHelpers.RunGenerator(source);

        var text = run.Source("Shop.Defaults.Defaults.g.cs");
        var handlers = new[]
        {
            "Text", "NullText", "Int", "Long", "ULong", "Short", "Byte", "Double", "DoubleTiny", "DoubleNaN", "DoubleInfinity",
            "Float", "FloatMax", "Decimal", "Char", "Bool", "NullableInt", "Enum", "NegativeEnum", "UndeclaredEnum", "FlagsEnum",
            "NullableEnum",
        };
        var unmapped = handlers.Where(h => !text.Contains($"resource.{h}(", StringComparison.Ordinal)).ToArray();

        // Both checks report at once: a dropped handler and a miscompiled default are independent bugs.
        Assert.Multiple(
            () => TestHelpers.AssertCompilesCleanly(run),
            () => Assert.True(unmapped.Length == 0, $"Handlers with a valid default value were not mapped: {string.Join(", ", unmapped)}"));
        Snapshot.Verify(run);
    }

    [Fact]
    public void SameClassName_InTwoNamespaces_MapMethodsAreDistinct()
    {
        const string admin = """
            using Resourceful;

            namespace Shop.Admin;

            [Resource("/admin/books")]
            public sealed partial class Books
            {
                [Get]
                public string List() => "admin";
            }
            """;
        const string storefront = """
            using Resourceful;

            namespace Shop.Storefront;

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get]
                public string List() => "storefront";
            }
            """;

        var run = TestHelpers.RunGenerator([admin, storefront]);

        TestHelpers.AssertCompilesCleanly(run);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Shop.Admin.Books.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Shop.Storefront.Books.g.cs");

        // Each resource's file declares its own Map method; the two must not collide.
        var adminMaps = MapMethodsDeclaredIn(run, "Shop.Admin.Books.g.cs");
        var storefrontMaps = MapMethodsDeclaredIn(run, "Shop.Storefront.Books.g.cs");
        Assert.True(
            adminMaps.Length == 1 && storefrontMaps.Length == 1 && adminMaps[0] != storefrontMaps[0],
            $"Expected one distinct Map method per Books resource, found [{string.Join(", ", adminMaps)}] and [{string.Join(", ", storefrontMaps)}]");
        Snapshot.Verify(run);
    }

    /// <summary>The names of the extension methods named <c>Map…</c> that the generated file <paramref name="hintName"/> declares.</summary>
    private static string[] MapMethodsDeclaredIn(GeneratorRun run, string hintName)
    {
        var generated = run.GeneratedSources.Single(s => s.HintName == hintName);
        var tree = run.OutputCompilation.SyntaxTrees.Single(t => t.FilePath == generated.SyntaxTree.FilePath);
        var model = run.OutputCompilation.GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Select(declaration => model.GetDeclaredSymbol(declaration))
            .OfType<IMethodSymbol>()
            .Where(method => method.IsExtensionMethod && method.Name.StartsWith("Map", StringComparison.Ordinal))
            .Select(method => method.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
