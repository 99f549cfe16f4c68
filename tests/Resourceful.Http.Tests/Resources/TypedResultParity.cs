using System;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources;

/// <summary>
/// One handler per typed result that generated code executes itself (ResourcefulTypedResults). The same static
/// methods are also mapped as minimal APIs under <c>/builtin</c>, where ASP.NET Core's own <c>ExecuteAsync</c> runs
/// them: the two responses must be identical.
/// </summary>
[Resource("/parity")]
public sealed partial class TypedResultParity
{
    private static readonly Book Sample = new(7, "Sample", new DateOnly(2024, 2, 29));

    private static readonly ParityError Error = new("E42", "Something is off.");

    [Get("ok")]
    public static Ok<Book> ReturnsOkWithValue() => TypedResults.Ok(Sample);

    [Get("ok-empty")]
    public static Ok ReturnsOkEmpty() => TypedResults.Ok();

    [Get("ok-null")]
    public static Ok<Book?> ReturnsOkWithNull() => TypedResults.Ok<Book?>(null);

    [Get("ok-int")]
    public static Ok<int> ReturnsOkWithInt() => TypedResults.Ok(42);

    [Get("ok-list")]
    public static Ok<System.Collections.Generic.List<Book>> ReturnsOkWithList() => TypedResults.Ok(new System.Collections.Generic.List<Book> { Sample });

    [Get("ok-interface")]
    public static Ok<System.Collections.Generic.IReadOnlyList<Book>> ReturnsOkWithInterface() => TypedResults.Ok<System.Collections.Generic.IReadOnlyList<Book>>(new[] { Sample });

    [Get("ok-problem")]
    public static Ok<ProblemDetails> ReturnsOkWithProblem() => TypedResults.Ok(new ProblemDetails { Detail = "as a value" });

    [Get("created")]
    public static Created<Book> ReturnsCreatedWithLocation() => TypedResults.Created(Links.Find(7), Sample);

    [Get("created-no-location")]
    public static Created<Book> ReturnsCreatedWithoutLocation() => TypedResults.Created((string?)null, Sample);

    [Get("created-empty-location")]
    public static Created<Book> ReturnsCreatedWithEmptyLocation() => TypedResults.Created(string.Empty, Sample);

    [Get("created-uri")]
    public static Created<Book> ReturnsCreatedWithUri() => TypedResults.Created(new Uri("https://example.test/parity/7?a=b c", UriKind.Absolute), Sample);

    [Get("created-null")]
    public static Created<Book?> ReturnsCreatedWithNull() => TypedResults.Created<Book?>("/parity/7", null);

    [Get("created-empty")]
    public static Created ReturnsCreatedEmpty() => TypedResults.Created("/parity/7");

    [Get("created-empty-no-location")]
    public static Created ReturnsCreatedEmptyWithoutLocation() => TypedResults.Created();

    [Get("accepted")]
    public static Accepted<Book> ReturnsAcceptedWithLocation() => TypedResults.Accepted("/parity/jobs/1", Sample);

    [Get("accepted-no-location")]
    public static Accepted<Book> ReturnsAcceptedWithoutLocation() => TypedResults.Accepted((string?)null, Sample);

    [Get("accepted-empty")]
    public static Accepted ReturnsAcceptedEmpty() => TypedResults.Accepted("/parity/jobs/1");

    [Get("no-content")]
    public static NoContent ReturnsNoContentResult() => TypedResults.NoContent();

    [Get("not-found")]
    public static NotFound ReturnsNotFoundEmpty() => TypedResults.NotFound();

    [Get("not-found-value")]
    public static NotFound<ParityError> ReturnsNotFoundWithValue() => TypedResults.NotFound(Error);

    [Get("bad-request")]
    public static BadRequest ReturnsBadRequestEmpty() => TypedResults.BadRequest();

    [Get("bad-request-value")]
    public static BadRequest<ParityError> ReturnsBadRequestWithValue() => TypedResults.BadRequest(Error);

    [Get("bad-request-problem")]
    public static BadRequest<ProblemDetails> ReturnsBadRequestWithProblem() => TypedResults.BadRequest(new ProblemDetails { Detail = "no title given" });

    [Get("conflict")]
    public static Conflict ReturnsConflictEmpty() => TypedResults.Conflict();

    [Get("conflict-value")]
    public static Conflict<ParityError> ReturnsConflictWithValue() => TypedResults.Conflict(Error);

    [Get("unprocessable")]
    public static UnprocessableEntity ReturnsUnprocessableEmpty() => TypedResults.UnprocessableEntity();

    [Get("unprocessable-value")]
    public static UnprocessableEntity<ParityError> ReturnsUnprocessableWithValue() => TypedResults.UnprocessableEntity(Error);

    [Get("books/{id:int}")]
    public static Results<Ok<Book>, NotFound> Find(int id) =>
        id == Sample.Id ? TypedResults.Ok(Sample) : TypedResults.NotFound();

    [Get("books-async/{id:int}")]
    public static async Task<Results<Ok<Book>, NotFound<ParityError>, Conflict>> FindAsync(int id)
    {
        await Task.Yield();
        return id switch
        {
            7 => TypedResults.Ok(Sample),
            409 => TypedResults.Conflict(),
            _ => TypedResults.NotFound(Error),
        };
    }

    [Get("union-unknown/{id:int}")]
    public static Results<Ok<Book>, ContentHttpResult> ReturnsUnionWithUnknownMember(int id) =>
        id == Sample.Id ? TypedResults.Ok(Sample) : TypedResults.Text("not specialized", "text/plain", null, 418);

    [Get("animal-derived")]
    public static Ok<Animal> ReturnsAnimalDerived() => TypedResults.Ok<Animal>(new Dog { Name = "Rex", GoodBoy = true });

    [Get("animal-exact")]
    public static Ok<Animal> ReturnsAnimalExact() => TypedResults.Ok(new Animal { Name = "Generic" });

    [Get("shape-derived")]
    public static Ok<Shape> ReturnsShapeDerived() => TypedResults.Ok<Shape>(new Circle { Radius = 1.5 });

    [Get("created-animal-derived")]
    public static Created<Animal> ReturnsCreatedAnimalDerived() => TypedResults.Created<Animal>("/parity/animals/1", new Dog { Name = "Rex", GoodBoy = true });

    [Get("null-result")]
    public static Ok<Book> ReturnsNullResult() => null!;

    [Get("null-union")]
    public static Results<Ok<Book>, NotFound> ReturnsNullUnion() => null!;
}

public sealed record ParityError(string Code, string Message);

/// <summary>Unsealed and not declared polymorphic: the built-in writes a derived value by its runtime type.</summary>
public class Animal
{
    public string Name { get; init; } = string.Empty;
}

public sealed class Dog : Animal
{
    public bool GoodBoy { get; init; }
}

/// <summary>Declared polymorphic: the built-in writes a derived value with the base type's metadata and a discriminator.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(Circle), "circle")]
public class Shape
{
    public string Kind => "shape";
}

public sealed class Circle : Shape
{
    public double Radius { get; init; }
}

/// <summary>A source-generated context, as Native-AOT apps configure one.</summary>
[JsonSerializable(typeof(Book))]
[JsonSerializable(typeof(ParityError))]
[JsonSerializable(typeof(Shape))]
[JsonSerializable(typeof(int))]
internal sealed partial class ParityJsonContext : JsonSerializerContext;
