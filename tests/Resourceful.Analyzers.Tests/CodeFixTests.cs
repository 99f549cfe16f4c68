using System.Threading.Tasks;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.CodeFixes;
using Resourceful.Generators.Analyzers;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>The fixed code of every code fix.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task AddPartial_ResourceClass_AddsPartialBeforeClass() =>
        Verify<ResourceUsageRules>.CodeFixAsync<AddPartialCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed class {|RSF0001:Books|}
            {
                [Get] public string List() => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task MakeResourceVisible_PrivateNestedClass_MakesItInternal() =>
        Verify<ResourceUsageRules>.CodeFixAsync<MakeResourceVisibleCodeFixProvider>(
            """
            public partial class Api
            {
                [Resource("/books")]
                private sealed partial class {|RSF0005:Books|}
                {
                    [Get] public string List() => "";
                }
            }
            """,
            """
            public partial class Api
            {
                [Resource("/books")]
                internal sealed partial class Books
                {
                    [Get] public string List() => "";
                }
            }
            """);

    [Fact]
    public Task MakeResourceVisible_InsideAPrivateClass_MakesEveryHidingTypeInternal() =>
        Verify<ResourceUsageRules>.CodeFixAsync<MakeResourceVisibleCodeFixProvider>(
            """
            public partial class Api
            {
                partial class V1
                {
                    [Resource("/books")]
                    protected sealed partial class {|RSF0005:Books|}
                    {
                        [Get] public string List() => "";
                    }
                }
            }
            """,
            """
            public partial class Api
            {
                internal partial class V1
                {
                    [Resource("/books")]
                    internal sealed partial class Books
                    {
                        [Get] public string List() => "";
                    }
                }
            }
            """);

    [Fact]
    public Task MakeResourceVisible_FileLocalClass_MakesItInternal() =>
        Verify<ResourceUsageRules>.CodeFixAsync<MakeResourceVisibleCodeFixProvider>(
            """
            [Resource("/books")]
            file sealed partial class {|RSF0006:Books|}
            {
                [Get] public string List() => "";
            }
            """,
            """
            [Resource("/books")]
            internal sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task ObsoleteAsWarning_NamedOrPositionalError_RemovesIt() =>
        Verify<ResourceUsageRules>.CodeFixAsync<ObsoleteAsWarningCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get, Obsolete("Use Search", error: true)] public string {|RSF0021:List|}() => "";
                [Get("{id}")]
                [System.Obsolete("Use Search", true)]
                public string {|RSF0021:Find|}(int id) => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get, Obsolete("Use Search")] public string List() => "";
                [Get("{id}")]
                [System.Obsolete("Use Search")]
                public string Find(int id) => "";
            }
            """);

    [Fact]
    public Task AddPartial_ClassWithoutModifiers_AddsPartial() =>
        Verify<ResourceUsageRules>.CodeFixAsync<AddPartialCodeFixProvider>(
            """
            [Resource("/books")]
            class {|RSF0001:Books|}
            {
                [Get] public string List() => "";
            }
            """,
            """
            [Resource("/books")]
            partial class Books
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task AddPartial_ContainingTypes_MakesEachPartial() =>
        Verify<ResourceUsageRules>.CodeFixAsync<AddPartialCodeFixProvider>(
            """
            public static class Api
            {
                public class V1
                {
                    [Resource("/books")]
                    public sealed partial class {|RSF0002:{|RSF0002:Books|}|}
                    {
                        [Get] public string List() => "";
                    }
                }
            }
            """,
            """
            public static partial class Api
            {
                public partial class V1
                {
                    [Resource("/books")]
                    public sealed partial class Books
                    {
                        [Get] public string List() => "";
                    }
                }
            }
            """);

    [Fact]
    public Task MakeHandlerPublic_InternalHandler_BecomesPublic() =>
        Verify<ResourceUsageRules>.CodeFixAsync<MakeHandlerPublicCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] internal static string {|RSF0008:List|}() => "";
                [Get("{id}")] string {|RSF0008:Find|}(int id) => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public static string List() => "";
                [Get("{id}")] public string Find(int id) => "";
            }
            """);

    [Fact]
    public Task AddRouteParameter_ConstrainedValue_AddsTypedParameterBeforeCancellationToken() =>
        Verify<ResourceUsageRules>.CodeFixAsync<RouteParameterCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{|RSF0015:{id:guid}|}")]
                public string Find(CancellationToken cancellationToken) => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id:guid}")]
                public string Find(Guid id, CancellationToken cancellationToken) => "";
            }
            """);

    [Fact]
    public Task FromRouteNotInTemplate_AddToTemplate_AddsValue() =>
        Verify<ResourceUsageRules>.CodeFixAsync<RouteParameterCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string Find([FromRoute] int {|RSF0016:id|}) => "";
                [Get("{id}/reviews")] public string Reviews(int id, [FromRoute] int {|RSF0016:reviewId|}) => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find([FromRoute] int id) => "";
                [Get("{id}/reviews/{reviewId}")] public string Reviews(int id, [FromRoute] int reviewId) => "";
            }
            """,
            codeActionIndex: 0);

    [Fact]
    public Task FromRouteNotInTemplate_Rename_RenamesParameterAndItsUses() =>
        Verify<ResourceUsageRules>.CodeFixAsync<RouteParameterCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find([FromRoute] int {|RSF0016:key|}) => key.ToString();
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find([FromRoute] int id) => id.ToString();
            }
            """,
            codeActionIndex: 1);

    [Fact]
    public Task BindFromQuery_FromBodyOnSimpleType_BecomesFromQuery() =>
        Verify<HttpSemanticsRules>.CodeFixAsync<BindFromQueryCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Delete("{id}")] public void Remove(int id, [FromBody] string {|RSF0101:reason|}) { }
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Delete("{id}")] public void Remove(int id, [FromQuery] string reason) { }
            }
            """);

    [Fact]
    public Task BindFromQuery_ComplexType_BecomesAsParameters() =>
        Verify<HttpSemanticsRules>.CodeFixAsync<BindFromQueryCodeFixProvider>(
            """
            public sealed record BookFilter(string? Title, int Page = 1);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([FromBody] BookFilter {|RSF0101:filter|}) => "";
                [Get("titles")] public string Titles(BookFilter {|RSF0101:filter|}) => "";
            }
            """,
            """
            public sealed record BookFilter(string? Title, int Page = 1);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([AsParameters] BookFilter filter) => "";
                [Get("titles")] public string Titles([AsParameters] BookFilter filter) => "";
            }
            """);

    [Fact]
    public Task SwitchToQuery_BodyOnGet_BecomesQuery() =>
        Verify<HttpSemanticsRules>.CodeFixAsync<SwitchToQueryCodeFixProvider>(
            """
            public sealed record BookFilter(string? Title, int Page = 1);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([FromBody] BookFilter {|RSF0101:filter|}) => "";
                [Resourceful.GetAttribute("search")] public string Search(BookFilter {|RSF0101:filter|}) => "";
                [Get("raw")] public string Raw(System.IO.Stream {|RSF0101:body|}) => "";
            }
            """,
            """
            public sealed record BookFilter(string? Title, int Page = 1);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Query] public string List([FromBody] BookFilter filter) => "";
                [Resourceful.QueryAttribute("search")] public string Search(BookFilter filter) => "";
                [Query("raw")] public string Raw(System.IO.Stream body) => "";
            }
            """);

    [Fact]
    public Task SwitchToQuery_BodyOnDelete_NotOffered() =>
        Verify<HttpSemanticsRules>.CodeFixAsync<SwitchToQueryCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Delete("{id}")] public void Remove(int id, [FromBody] string {|RSF0101:reason|}) { }
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Delete("{id}")] public void Remove(int id, [FromBody] string {|RSF0101:reason|}) { }
            }
            """);

    [Fact]
    public Task SwitchHttpMethod_StateChangingQuery_BecomesTheImpliedMethod() =>
        Verify<HttpSemanticsRules>.CodeFixAsync<SwitchHttpMethodCodeFixProvider>(
            """
            public sealed record Filter(string? Title);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Query("archive")] public void {|RSF0102:CreateArchive|}(Filter filter) { }
            }
            """,
            """
            public sealed record Filter(string? Title);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Post("archive")] public void CreateArchive(Filter filter) { }
            }
            """);

    [Fact]
    public Task SwitchHttpMethod_DeleteNamedGet_BecomesDelete() =>
        Verify<HttpSemanticsRules>.CodeFixAsync<SwitchHttpMethodCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public void {|RSF0102:DeleteBook|}(int id) { }
                [Resourceful.GetAttribute("{id}/tags")] public void {|RSF0102:AddTag|}(int id, string tag) { }
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Delete("{id}")] public void DeleteBook(int id) { }
                [Resourceful.PostAttribute("{id}/tags")] public void AddTag(int id, string tag) { }
            }
            """);

    [Fact]
    public Task ReturnCreated_ValueFromCall_DeclaresLocalAndReturnsCreated() =>
        Verify<HttpSemanticsRules>.CodeFixAsync<ReturnCreatedCodeFixProvider>(
            """
            public sealed record Book(int Id, string Title);
            public sealed class BookStore
            {
                public Book Add(string title) => new(1, title);
            }

            [Resource("/books")]
            public sealed partial class Books(BookStore store)
            {
                [Get("{id:int}")] public Book? Find(int id) => null;

                [Post] public Book {|RSF0104:Add|}(string title) => store.Add(title);
            }
            """,
            """
            public sealed record Book(int Id, string Title);
            public sealed class BookStore
            {
                public Book Add(string title) => new(1, title);
            }

            [Resource("/books")]
            public sealed partial class Books(BookStore store)
            {
                [Get("{id:int}")] public Book? Find(int id) => null;

                [Post]
                public Created<Book> Add(string title)
                {
                    var created = store.Add(title);
                    return TypedResults.Created(Links.Find(created.Id), created);
                }
            }
            """,
            runGenerator: true);

    [Fact]
    public Task ReturnCreated_OkResultsInAsyncHandlerUnderRouteValue_ReturnsCreatedWithEveryLinkValue() =>
        Verify<HttpSemanticsRules>.CodeFixAsync<ReturnCreatedCodeFixProvider>(
            """
            public sealed record Review(int Id, string Text);

            [Resource("/books/{bookId:int}/reviews")]
            public sealed partial class Reviews
            {
                [Get("{id:int}")] public Review? Find(int bookId, int id) => null;

                [Post]
                public async Task<Results<Ok<Review>, NotFound>> {|RSF0104:Add|}(int bookId, string text)
                {
                    if (text.Length == 0)
                    {
                        return TypedResults.NotFound();
                    }

                    var review = await Task.FromResult(new Review(1, text));
                    return TypedResults.Ok(review);
                }
            }
            """,
            """
            public sealed record Review(int Id, string Text);

            [Resource("/books/{bookId:int}/reviews")]
            public sealed partial class Reviews
            {
                [Get("{id:int}")] public Review? Find(int bookId, int id) => null;

                [Post]
                public async Task<Results<Created<Review>, NotFound>> Add(int bookId, string text)
                {
                    if (text.Length == 0)
                    {
                        return TypedResults.NotFound();
                    }

                    var review = await Task.FromResult(new Review(1, text));
                    return TypedResults.Created(Links.Find(bookId, review.Id), review);
                }
            }
            """,
            runGenerator: true);

    [Fact]
    public Task RemoveVerb_VerbPrefixedResource_RenamesSegment() =>
        Verify<UriDesignRules>.CodeFixAsync<TemplateCodeFixProvider>(
            """
            [Resource("/api/{|RSF0201:getBooks|}")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """,
            """
            [Resource("/api/books")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task RemoveFileExtension_LiteralAndAfterAParameter_DropsTheExtension() =>
        Verify<UriDesignRules>.CodeFixAsync<TemplateCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}{|RSF0204:.json|}")] public string Find(int id) => "";
                [Get("{|RSF0204:export.csv|}")] public string Export() => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find(int id) => "";
                [Get("export")] public string Export() => "";
            }
            """);

    [Fact]
    public Task RemoveVerb_VerbSegments_RemovesSegmentOrArgument() =>
        Verify<UriDesignRules>.CodeFixAsync<TemplateCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Delete("{|RSF0201:delete|}/{id}")] public void Remove(int id) { }
                [Post("{|RSF0201:create|}")] public void Add(string title) { }
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Delete("{id}")] public void Remove(int id) { }
                [Post] public void Add(string title) { }
            }
            """);

    [Fact]
    public Task LowerCase_MixedCaseSegment_BecomesKebabCase() =>
        Verify<UriDesignRules>.CodeFixAsync<TemplateCodeFixProvider>(
            """
            [Resource("/{|RSF0202:BookReviews|}")]
            public sealed partial class Reviews
            {
                [Get] public string List() => "";
            }
            """,
            """
            [Resource("/book-reviews")]
            public sealed partial class Reviews
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task RemoveTrailingSlash_ResourceTemplate_RemovesSlash() =>
        Verify<UriDesignRules>.CodeFixAsync<TemplateCodeFixProvider>(
            """
            [Resource({|RSF0203:"/books/"|})]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task RemoveAbstract_NoAbstractMembers_RemovesTheModifier() =>
        Verify<ResourceUsageRules>.CodeFixAsync<RemoveAbstractCodeFixProvider>(
            """
            [Resource("/books")]
            public abstract partial class {|RSF0004:Books|}
            {
                [Get] public string List() => "";
            }

            [Resource("/authors")]
            abstract partial class {|RSF0004:Authors|}
            {
                [Get] public string List() => "";
            }
            """,
            """
            [Resource("/books")]
            public partial class Books
            {
                [Get] public string List() => "";
            }

            [Resource("/authors")]
            partial class Authors
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task RemoveAbstract_AbstractMember_OffersNothing() =>
        Verify<ResourceUsageRules>.NoCodeFixAsync<RemoveAbstractCodeFixProvider>(
            """
            [Resource("/books")]
            public abstract partial class {|RSF0004:Books|}
            {
                [Get] public string List() => Title();
                protected abstract string Title();
            }
            """);

    [Fact]
    public Task PassByValue_ParamsInAndRefReadonly_BecomePlainParameters() =>
        Verify<ResourceUsageRules>.CodeFixAsync<PassByValueCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List(params string[] {|RSF0010:tags|}) => "";
                [Get("{id}")] public string Find(in int {|RSF0010:id|}) => "";
                [Get("{id}/title")] public string Title(ref readonly int {|RSF0010:id|}) => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List(string[] tags) => "";
                [Get("{id}")] public string Find(int id) => "";
                [Get("{id}/title")] public string Title(int id) => "";
            }
            """);

    [Fact]
    public Task PassByValue_RefOrOut_OffersNothing() =>
        Verify<ResourceUsageRules>.NoCodeFixAsync<PassByValueCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find(ref int {|RSF0010:id|}) => "";
                [Get] public string List(out int {|RSF0010:count|}) { count = 0; return ""; }
            }
            """);

    [Fact]
    public Task ReturnTask_AsyncVoid_ReturnsTask() =>
        Verify<ResourceUsageRules>.CodeFixAsync<ReturnTaskCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public async void {|RSF0011:Add|}(string title) => await Task.Yield();
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public async Task Add(string title) => await Task.Yield();
            }
            """);

    [Fact]
    public Task ReturnTask_ByReferenceReturn_OffersNothing() =>
        Verify<ResourceUsageRules>.NoCodeFixAsync<ReturnTaskCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                private int count;
                [Get] public ref int {|RSF0011:Count|}() => ref count;
            }
            """);
}
