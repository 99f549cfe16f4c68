using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Resourceful.Http.Tests.Resources;

/// <summary>One handler per kind of return type the design lists.</summary>
[Resource("/results")]
public sealed partial class ResultKinds
{
    private static readonly Book Sample = new(7, "Sample", new DateOnly(2024, 2, 29));

    [Delete("void/{id:int}")]
    public void ReturnsVoid(int id)
    {
    }

    [Delete("task/{id:int}")]
    public Task ReturnsTask(int id) => Task.CompletedTask;

    [Delete("value-task/{id:int}")]
    public async ValueTask ReturnsValueTask(int id) => await Task.Yield();

    [Get("value")]
    public Book ReturnsValue() => Sample;

    [Get("task-value")]
    public async Task<Book> ReturnsTaskOfValue()
    {
        await Task.Yield();
        return Sample;
    }

    [Get("value-task-value")]
    public ValueTask<Book> ReturnsValueTaskOfValue() => ValueTask.FromResult(Sample);

    [Get("text")]
    public string ReturnsText() => "plain text";

    [Get("task-text")]
    public Task<string> ReturnsTaskOfText() => Task.FromResult("async text");

    [Get("iresult")]
    public IResult ReturnsIResult() => Results.Text("a,b", "text/csv");

    [Get("ok")]
    public Ok<Book> ReturnsOk() => TypedResults.Ok(Sample);

    [Get("no-content")]
    public NoContent ReturnsNoContent() => TypedResults.NoContent();

    [Get("not-found")]
    public NotFound ReturnsNotFound() => TypedResults.NotFound();

    [Get("bad-request")]
    public BadRequest ReturnsBadRequest() => TypedResults.BadRequest();

    [Get("conflict")]
    public Conflict ReturnsConflict() => TypedResults.Conflict();

    [Get("validation-problem")]
    public ValidationProblem ReturnsValidationProblem()
        => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = ["A title is required."] });

    [Get("books/{id:int}")]
    public Results<Ok<Book>, NotFound> Find(int id)
        => id == Sample.Id ? TypedResults.Ok(Sample) : TypedResults.NotFound();

    [Get("async-books/{id:int}")]
    public async Task<Results<Ok<Book>, NotFound>> FindAsync(int id)
    {
        await Task.Yield();
        return id == Sample.Id ? TypedResults.Ok(Sample) : TypedResults.NotFound();
    }

    [Post("books")]
    public Created<Book> Add(NewBook book) => TypedResults.Created(Links.Find(Sample.Id), Sample with { Title = book.Title });

    [Get("failure")]
    public string Fail() => throw new InvalidOperationException("secret failure detail");
}
