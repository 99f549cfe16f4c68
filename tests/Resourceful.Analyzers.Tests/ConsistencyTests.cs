using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.Generators.Parsing;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>
/// The analyzers and the generator read resources with one parser; these tests hold them to it. Every handler
/// the generator leaves out carries an error, and no handler it maps does.
/// </summary>
public sealed class ConsistencyTests
{
    /// <summary>Resources of every shape: valid ones and one per reason the generator skips something.</summary>
    public const string Corpus = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.Extensions.DependencyInjection;

        public sealed record Book(int Id, string Title);
        public sealed record NewBook(string Title);
        public sealed class BookStore
        {
            public Book Add(NewBook book) => new(1, book.Title);
        }
        public interface IClock
        {
            DateTimeOffset Now { get; }
        }
        public sealed class Paging
        {
            public int Page { get; set; } = 1;
            public int Size { get; set; } = 20;
        }
        public sealed record Range(int From, int To);
        public sealed class Locked
        {
            public required int Key { get; set; }
        }
        public enum Sort { Title, Year }
        public readonly record struct Isbn(string Value) : IParsable<Isbn>
        {
            public static Isbn Parse(string s, IFormatProvider? provider) => new(s);
            public static bool TryParse(string? s, IFormatProvider? provider, out Isbn result) { result = new(s ?? ""); return s is not null; }
        }

        [Resource("/books")]
        public sealed partial class Books(BookStore store, IClock clock, [FromKeyedServices("main")] BookStore main)
        {
            [Get] public IReadOnlyList<Book> List([AsParameters] Paging paging, string? q, Sort sort = Sort.Title, [FromQuery(Name = "tag")] string[]? tags = null) => [];
            [Get("{id:int}")] public Results<Ok<Book>, NotFound> Find(int id) => TypedResults.NotFound();
            [Get("by-isbn/{isbn}")] public Book? FindByIsbn(Isbn isbn, [FromHeader(Name = "X-Trace")] string? trace) => null;
            [Get("ranges")] public string Ranges([AsParameters] Range range) => "";
            [Post] public Created<Book> Add(NewBook body, CancellationToken cancellationToken) => TypedResults.Created("/books/1", store.Add(body));
            [Put("{id:int}")] public async Task<Results<NoContent, NotFound>> Replace(int id, [FromBody] NewBook body) { await Task.Yield(); return TypedResults.NoContent(); }
            [Patch("{id:int}")] public ValueTask Update(int id, NewBook body, HttpContext context) => default;
            [Delete("{id:int}")] public void Remove(int id, ClaimsPrincipalHolder holder) { }
            [Get("clock")] public static string Now([FromServices] IClock clock, [FromKeyedServices("x")] IClock keyed) => clock.Now.ToString();
            [Get("files/{**path}")] public IResult File(string path, HttpRequest request, HttpResponse response) => Results.Ok();

            [Get("private")] private string Hidden() => "";
            [Get("generic")] public string Generic<T>() => "";
            [Get("out")] public string Out(out int x) { x = 1; return ""; }
            [Get("params")] public string Params(params int[] x) => "";
            [Post("async-void")] public async void AsyncVoid() => await Task.Yield();
            [Get("span")] public Span<byte> Bytes() => default;
            [Get("query-object")] public string QueryObject([FromQuery] Book book) => "";
            [Get("header-object")] public string HeaderObject([FromHeader] Book book) => "";
            [Get("route-array/{ids}")] public string RouteArray([FromRoute] int[] ids) => "";
            [Get("route-missing")] public string RouteMissing([FromRoute] int id) => "";
            [Get("form")] public string Form([FromForm] string name) => "";
            [Get("keyed")] public string Keyed([FromKeyedServices(1.5)] IClock clock) => "";
            [Get("as-abstract")] public string AsAbstract([AsParameters] IClock clock) => "";
            [Get("as-required")] public string AsRequired([AsParameters] Locked locked) => "";
            [Get("as-nested")] public string AsNested([AsParameters] Outer outer) => "";
            [Post("two-bodies")] public string TwoBodies(NewBook a, [FromBody] NewBook b) => "";
            [Get("bad/{id:nope}")] public string BadTemplate(int id) => "";
            [Get("twice/{id}/{id}")] public string Twice(int id) => "";
            [Get(null)] public string NullTemplate() => "";
            [Get("unbound/{id}")] public string Unbound() => "";
            [Get("obsolete"), Obsolete("gone", true)] public string Gone() => "";
            [Get("dynamic")] public string Dynamic(dynamic value) => "";
            [Get("nullable-array")] public string NullableArray(int?[] ids) => "";
        }

        [Resource("/file-local")]
        file sealed partial class FileLocalResource
        {
            [Get] public string Get() => "";
        }

        public sealed class Outer
        {
            public Outer([AsParameters] Paging inner) { }
        }

        public sealed class ClaimsPrincipalHolder
        {
        }

        [Resource("/abstract")]
        public abstract partial class AbstractResource
        {
            [Get] public string Instance() => "";
            [Get("static")] public static string Static() => "";
        }

        [Resource("/hidden-ctor")]
        public sealed partial class HiddenConstructor
        {
            private HiddenConstructor() { }
            [Get] public string Instance() => "";
            [Get("static")] public static string Static() => "";
        }

        [Resource("/values")]
        public sealed partial class ValueDependency(string connectionString)
        {
            [Get] public string Get() => connectionString;
        }

        [Resource("/generic")]
        public sealed partial class GenericResource<T>
        {
            [Get] public string Get() => "";
        }

        public partial class Container
        {
            [Resource("/private")]
            private sealed partial class PrivateResource
            {
                [Get] public string Get() => "";
            }
        }

        [Resource("/record")]
        public sealed partial record RecordResource
        {
            [Get] public string Get() => "";
        }

        [Resource("/static")]
        public static partial class StaticResource
        {
            [Get] public static string Get() => "";
        }

        [Resource("/{bad")]
        public sealed partial class BadResourceTemplate
        {
            [Get] public string Get() => "";
        }

        public sealed class NotAResource
        {
            [Get] public string Get() => "";
        }

        [Resource("/admin"), Authorize]
        public sealed partial class Admin
        {
            [Get] public string Get() => "";
            [Delete("{id}")] public void Remove(int id) { }
        }
        """;

    /// <summary>A realistic resource file, typed character by character in the robustness tests.</summary>
    public const string TypedFile = """
        using Microsoft.AspNetCore.Authorization;

        public sealed record Book(int Id, string Title);
        public sealed record NewBook(string Title);
        public sealed class BookStore
        {
            public Book Add(NewBook book) => new(1, book.Title);
            public Book? Find(int id) => null;
        }

        [Resource("/books/{shelfId:int}/items")]
        public sealed partial class Books(BookStore store)
        {
            [Get("{id:int}"), Authorize]
            public Results<Ok<Book>, NotFound> Find(int shelfId, int id, [FromQuery(Name = "v")] int? version)
                => store.Find(id) is { } book ? TypedResults.Ok(book) : TypedResults.NotFound();

            [Post]
            public async Task<Results<Created<Book>, ValidationProblem>> Add(int shelfId, NewBook body, CancellationToken cancellationToken)
            {
                await Task.Yield();
                var book = store.Add(body);
                return TypedResults.Created(Links.Find(shelfId, book.Id, null), book);
            }

            [Get("go")]
            public IResult Go(string returnUrl, HttpRequest request)
            {
                var next = request.Query["next"].ToString();
                return string.IsNullOrEmpty(next) ? Results.Redirect(returnUrl) : Results.LocalRedirect(next);
            }

            [Delete("{id:int}")]
            public void Remove(int shelfId, int id) { }
        }
        """;

    [Fact]
    public void SkippedHandlers_Always_CarryAnError_AndMappedOnesNever()
    {
        var compilation = Compilations.Create(Corpus);
        var run = Runners.RunAnalyzers(compilation);
        Assert.Empty(run.Exceptions);
        var compilerErrors = compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        var usageErrors = run.Diagnostics
            .Where(static d => d.Id.StartsWith("RSF00", System.StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error
                && d.Id is not ("RSF0013" or "RSF0014"))
            .ToList();

        var checkedHandlers = 0;
        var problems = new List<string>();
        foreach (var declaration in compilation.SyntaxTrees.SelectMany(static t => t.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()))
        {
            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
            if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type || ResourceParser.FindResourceAttribute(type) is not { } attribute)
            {
                continue;
            }

            var description = ResourceParser.Describe(type, attribute, new KnownTypes(compilation), CancellationToken.None);
            var classSpan = declaration.Span;
            foreach (var method in declaration.Members.OfType<MethodDeclarationSyntax>())
            {
                var symbol = (IMethodSymbol)model.GetDeclaredSymbol(method)!;
                foreach (var methodAttribute in symbol.GetAttributes())
                {
                    if (ResourceParser.GetHttpMethod(methodAttribute.AttributeClass) is not { } httpMethod)
                    {
                        continue;
                    }

                    checkedHandlers++;
                    var template = attribute.ConstructorArguments is [{ Value: string raw }] && methodAttribute.ConstructorArguments switch
                    {
                        [] => true,
                        [{ Value: string }] => true,
                        _ => false,
                    }
                        ? RouteTemplateParser.Combine(RouteTemplateParser.Normalize(raw), methodAttribute.ConstructorArguments.FirstOrDefault().Value as string)
                        : null;
                    var mapped = template is not null && description.Handlers.Any(h => SymbolEqualityComparer.Default.Equals(h.Method, symbol) && h.HttpMethod == httpMethod && h.Template == template && h.Endpoint is not null);
                    var onHandler = usageErrors.Where(d => d.Location.SourceTree == method.SyntaxTree && method.FullSpan.Contains(d.Location.SourceSpan)).ToList();
                    var onClass = usageErrors.Where(d => d.Location.SourceTree == method.SyntaxTree && classSpan.Contains(d.Location.SourceSpan)
                        && !declaration.Members.OfType<MethodDeclarationSyntax>().Any(m => m.FullSpan.Contains(d.Location.SourceSpan))).ToList();
                    var compiler = compilerErrors.Where(d => d.Location.SourceTree == method.SyntaxTree && method.FullSpan.Contains(d.Location.SourceSpan)).ToList();

                    if (!mapped && onHandler.Count == 0 && onClass.Count == 0 && compiler.Count == 0)
                    {
                        problems.Add($"{type.Name}.{symbol.Name} ({httpMethod}) is skipped by the generator, but no error says so");
                    }

                    // An unknown constraint is mapped by the generator (it does not judge constraints) and rejected by
                    // routing at start-up, which RSF0012 reports; every other usage error means "not mapped".
                    if (mapped && onHandler.Any(static d => d.Id != "RSF0012"))
                    {
                        problems.Add($"{type.Name}.{symbol.Name} ({httpMethod}) is mapped, yet reported: {string.Join("; ", onHandler)}");
                    }
                }
            }
        }

        Assert.True(checkedHandlers > 40, $"the corpus should exercise many handlers, not {checkedHandlers}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ValidResources_EveryAnalyzer_ReportsNothing()
    {
        var source = """
            public sealed record Book(int Id, string Title);
            public sealed record NewBook(string Title);
            public sealed class BookStore
            {
                public Book Add(NewBook book) => new(1, book.Title);
                public Book? Find(int id) => null;
            }

            [Resource("/books")]
            public sealed partial class Books(BookStore store)
            {
                [Get] public IReadOnlyList<Book> List(int? limit, string? q) => [];
                [Get("{id:int}")] public Results<Ok<Book>, NotFound> Find(int id) =>
                    store.Find(id) is { } book ? TypedResults.Ok(book) : TypedResults.NotFound();
                [Post] public Created<Book> Add(NewBook body)
                {
                    var book = store.Add(body);
                    return TypedResults.Created(Links.Find(book.Id), book);
                }
                [Put("{id:int}")] public Results<NoContent, NotFound> Replace(int id, NewBook body) => TypedResults.NoContent();
                [Patch("{id:int}")] public Results<NoContent, NotFound> Update(int id, NewBook body) => TypedResults.NoContent();
                [Delete("{id:int}")] public Results<NoContent, NotFound> Remove(int id) => TypedResults.NoContent();
                [Get("search")] public IReadOnlyList<Book> Search(string q) => [];
            }

            [Resource("/health")]
            public static partial class Health
            {
                [Get] public static string Check() => "Healthy";
            }
            """;
        var compilation = Compilations.Create(source);
        var run = Runners.RunAnalyzers(compilation);
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
    }
}
