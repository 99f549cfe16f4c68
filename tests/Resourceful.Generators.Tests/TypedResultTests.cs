using System;
using System.Linq;
using Resourceful.Generators.Model;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// Which declared results the generated code writes itself (<c>ResourcefulTypedResults</c>), read from symbols by the
/// parser. Their responses are compared with the built-in ones in Resourceful.Http.Tests (TypedResultParityTests).
/// </summary>
public sealed class TypedResultTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Resourceful;

        namespace Shop;

        public sealed record Book(int Id, string Title);

        [Resource("/results")]
        public sealed partial class ResultShapes
        {
            [Get("union/{id:int}")]
            public static Results<Ok<Book>, NotFound, ContentHttpResult> Union(int id) => TypedResults.NotFound();

            [Get("counts/{id:int}")]
            public static Results<Ok<int>, Ok<int?>, NotFound<string>> Counts(int id) => TypedResults.Ok(id);

            [Post]
            public static Task<Created<Book>> Add(Book book) => Task.FromResult(TypedResults.Created("/results/1", book));

            [Delete("{id:int}")]
            public static NoContent Remove(int id) => TypedResults.NoContent();

            [Get("text")]
            public static ContentHttpResult Text() => TypedResults.Text("x");
        }
        """;

    [Fact]
    public void Parser_StatusResults_ListsWhatGeneratedCodeWrites()
    {
        var run = TestHelpers.RunGenerator(Source);
        TestHelpers.AssertCompilesCleanly(run);
        var endpoints = TestHelpers.StepOutputs(run.GeneratorResult, TrackingNames.Resources)
            .Select(o => o.Value).OfType<ResourceModel>().Single().Endpoints
            .ToDictionary(e => e.HandlerName, StringComparer.Ordinal);

        string[] Kinds(string handler) => endpoints[handler].Result.TypedResults.Select(t => t.Kind).ToArray();

        // A union's known members, in order; ContentHttpResult executes itself.
        Assert.True(endpoints["Union"].Result.IsUnion);
        Assert.Equal(["Ok", "NotFound"], Kinds("Union"));
        Assert.Equal("global::Shop.Book", endpoints["Union"].Result.TypedResults[0].BodyTypeName);

        // Ok<int> and Ok<int?> are two types, so two cases.
        Assert.Equal(
            ["global::Microsoft.AspNetCore.Http.HttpResults.Ok<int>", "global::Microsoft.AspNetCore.Http.HttpResults.Ok<int?>", "global::Microsoft.AspNetCore.Http.HttpResults.NotFound<string>"],
            endpoints["Counts"].Result.TypedResults.Select(t => t.TypeName).ToArray());

        // The awaited result of an async handler, and a single result that is not a union.
        Assert.False(endpoints["Add"].Result.IsUnion);
        Assert.Equal(["Created"], Kinds("Add"));
        Assert.Equal(["NoContent"], Kinds("Remove"));
        Assert.Empty(Kinds("Text"));
    }

    [Fact]
    public void Emitter_SingleResult_HandsOverItsPartsNotTheObject()
    {
        var run = TestHelpers.RunGenerator(Source);
        var code = run.Source("Shop.ResultShapes.g.cs");

        Assert.Contains("typedResults.CreatedAsync(httpContext, result.Location, result.Value, createdBody)", code, StringComparison.Ordinal);
        Assert.Contains("WriteOk(result.Result, httpContext, typedResults, okBody)", code, StringComparison.Ordinal);
        Assert.Contains("case global::Microsoft.AspNetCore.Http.HttpResults.Ok<int?> ok:", code, StringComparison.Ordinal);

        // A union's members without a body (NotFound) are the runtime's, one switch for every handler.
        Assert.Contains("return typedResults.WriteAsync(result, httpContext);", code, StringComparison.Ordinal);
        Assert.DoesNotContain("case global::Microsoft.AspNetCore.Http.HttpResults.NotFound:", code, StringComparison.Ordinal);
        Assert.DoesNotContain(".ExecuteAsync(httpContext)", code, StringComparison.Ordinal);
    }
}
