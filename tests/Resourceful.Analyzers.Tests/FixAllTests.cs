using System.Threading.Tasks;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.CodeFixes;
using Resourceful.Generators.Analyzers;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>
/// Fix All where several diagnostics touch one node: one pass fixes them all, in the document, project and solution
/// scopes. (Each single fix is also applied one at a time, as the testing library always does.)
/// </summary>
public sealed class FixAllTests
{
    [Fact]
    public Task LowerCase_TwoSegmentsOfOneLiteral_BothFixedInOnePass() =>
        Verify<UriDesignRules>.FixAllAsync<TemplateCodeFixProvider>(
            """
            [Resource("/{|RSF0202:BookShelf|}/{|RSF0202:RecentItems|}")]
            public sealed partial class Shelves
            {
                [Get] public string List() => "";
                [Get("{|RSF0202:ByAuthor|}/{|RSF0202:AndYear|}")] public string Find() => "";
            }
            """,
            """
            [Resource("/book-shelf/recent-items")]
            public sealed partial class Shelves
            {
                [Get] public string List() => "";
                [Get("by-author/and-year")] public string Find() => "";
            }
            """);

    [Fact]
    public Task AddPartial_TwoResourcesInOneContainingType_ContainerMadePartialOnce() =>
        Verify<ResourceUsageRules>.FixAllAsync<AddPartialCodeFixProvider>(
            """
            public class Api
            {
                [Resource("/books")]
                public sealed partial class {|RSF0002:Books|}
                {
                    [Get] public string List() => "";
                }

                [Resource("/authors")]
                public sealed partial class {|RSF0002:Authors|}
                {
                    [Get] public string List() => "";
                }
            }
            """,
            """
            public partial class Api
            {
                [Resource("/books")]
                public sealed partial class Books
                {
                    [Get] public string List() => "";
                }

                [Resource("/authors")]
                public sealed partial class Authors
                {
                    [Get] public string List() => "";
                }
            }
            """);

    [Fact]
    public Task AddRouteParameter_TwoValuesOfOneHandler_BothAdded() =>
        Verify<ResourceUsageRules>.FixAllAsync<RouteParameterCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{|RSF0015:{isbn}|}/editions/{|RSF0015:{year:int}|}")] public string Edition() => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{isbn}/editions/{year:int}")] public string Edition(string isbn, int year) => "";
            }
            """);

    [Fact]
    public Task FromRouteNotInTemplate_TwoValuesOfOneHandler_BothAddedToTheTemplate() =>
        Verify<ResourceUsageRules>.FixAllAsync<RouteParameterCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("editions")] public string Edition([FromRoute] string {|RSF0016:isbn|}, [FromRoute] int {|RSF0016:year|}) => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("editions/{isbn}/{year}")] public string Edition([FromRoute] string isbn, [FromRoute] int year) => "";
            }
            """,
            equivalenceKey: "RSF0016.Template");

    [Fact]
    public Task FromRouteNotInTemplate_RenameInTwoHandlers_RenamesEachAndItsUses() =>
        Verify<ResourceUsageRules>.FixAllAsync<RouteParameterCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find([FromRoute] int {|RSF0016:key|}) => key.ToString();
                [Delete("{id}")] public void Remove([FromRoute] int {|RSF0016:bookId|}) { _ = bookId + 1; }
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find([FromRoute] int id) => id.ToString();
                [Delete("{id}")] public void Remove([FromRoute] int id) { _ = id + 1; }
            }
            """,
            equivalenceKey: "RSF0016.Rename");

    [Fact]
    public Task MakeHandlerPublic_EveryHandlerOfTwoClasses_AllPublic() =>
        Verify<ResourceUsageRules>.FixAllAsync<MakeHandlerPublicCodeFixProvider>(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] string {|RSF0008:List|}() => "";
                [Get("{id}")] private protected string {|RSF0008:Find|}(int id) => "";
            }

            [Resource("/authors")]
            public sealed partial class Authors
            {
                [Get] internal string {|RSF0008:List|}() => "";
            }
            """,
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
                [Get("{id}")] public string Find(int id) => "";
            }

            [Resource("/authors")]
            public sealed partial class Authors
            {
                [Get] public string List() => "";
            }
            """);
}
