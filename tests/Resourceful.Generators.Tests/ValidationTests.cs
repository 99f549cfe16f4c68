using System.Linq;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// Issue 14, item 3: the generator finds the rules of nested objects, collection items and route, query and header
/// values at compile time, and the code it writes for them compiles cleanly whatever the shape of the types.
/// (What a client gets back is tested against ASP.NET Core's own validation in the HTTP tests.)
/// </summary>
public sealed class ValidationTests
{
    [Fact]
    public void Generate_NestedObjectsAndCollections_WritesOneValidatorPerType()
    {
        var source = Generate("""
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Resourceful;

            namespace Shop;

            public sealed class Order
            {
                public Address? Ship { get; set; }
                public Line[] Lines { get; set; } = [];
                public IReadOnlyList<Line?>? MoreLines { get; set; }
                public Plain? NothingToCheck { get; set; }
            }

            public sealed class Address { [Required] public string? Street { get; set; } }

            public sealed record Line([Required] string? Sku, [Range(1, 9)] int Quantity);

            public sealed class Plain { public string? Note { get; set; } }

            [Resource("/orders")]
            public sealed partial class Orders
            {
                [Post] public void Add(Order order) { }
            }
            """);

        Assert.Contains("private static void ValidateOrder_", source);
        Assert.Contains("private static void ValidateAddress_", source);
        Assert.Contains("private static void ValidateLine_", source);
        Assert.DoesNotContain("ValidatePlain_", source);
        Assert.DoesNotContain("NothingToCheck", source);
        Assert.Contains("new global::System.ComponentModel.DataAnnotations.RangeAttribute(1, 9)", source);
    }

    [Fact]
    public void Generate_TypesThatReferToEachOther_WalkThemWithADepthLimit()
    {
        var source = Generate("""
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Resourceful;

            namespace Shop;

            public class Category
            {
                [Required] public string? Name { get; set; }
                public Category? Parent { get; set; }
                public List<Category> Children { get; set; } = new();
            }

            public sealed class SpecialCategory : Category
            {
                [Range(1, 5)] public int Rank { get; set; }
            }

            public struct Point { [Range(0, 10)] public int X { get; set; } }

            public sealed class Shape
            {
                public Point Origin { get; set; }
                public Point? Center { get; set; }
                public List<Point> Corners { get; set; } = new();
            }

            [Resource("/categories")]
            public sealed partial class Categories
            {
                [Post] public void Add(SpecialCategory category) { }
                [Put("{id:int}")] public void Replace(int id, Shape? shape) { }
            }
            """);

        Assert.Contains("ResourcefulValidation.MaxDepth", source);
        Assert.Contains("\"Name\"", source);
        Assert.Contains("\"Rank\"", source);
        Assert.Contains("private static void ValidatePoint_", source);
    }

    [Fact]
    public void Generate_RulesOnRouteQueryHeaderAndAsParametersValues_AreCheckedUnderTheClientsNames()
    {
        var source = Generate("""
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Resourceful;

            namespace Shop;

            public sealed class Paging
            {
                [FromQuery(Name = "size")][Range(1, 100)] public int PageSize { get; set; } = 10;
            }

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([Range(1, 10)] int page, [FromHeader(Name = "X-Tenant")][StringLength(8)] string? tenant, [AsParameters] Paging paging) => "";
                [Get("{id:int}")] public string Find([Range(1, 1000)] int id) => "";
            }
            """);

        Assert.Contains("ValidateValue(ref bindingErrors, CreateList_page_Rules, page_arg, \"page\"", source);
        Assert.Contains("\"X-Tenant\", httpContext.RequestServices", source);
        Assert.Contains("\"size\", httpContext.RequestServices", source);
        Assert.Contains("ValidateValue(ref bindingErrors, CreateFind_id_Rules, id_arg, \"id\"", source);
    }

    private static string Generate(string code)
    {
        var run = TestHelpers.RunGenerator(code);
        TestHelpers.AssertCompilesCleanly(run);
        return string.Concat(run.GeneratedSources.Where(static s => s.HintName.StartsWith("Shop.", System.StringComparison.Ordinal)).Select(static s => s.SourceText.ToString()));
    }
}
