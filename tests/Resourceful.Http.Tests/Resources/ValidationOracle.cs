using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources;

/// <summary>
/// A body whose validation reaches nested objects, collection items and <c>IValidatableObject</c> at two levels. The
/// same handlers are generated endpoints (<see cref="OracleOrders"/>) and minimal APIs validated by ASP.NET Core 10's
/// <c>AddValidation()</c> (<c>ValidationOracleHostFixture</c>): the framework's answers are the oracle for ours.
/// </summary>
public sealed class OracleOrder : IValidatableObject
{
    [Required]
    [StringLength(20)]
    public string? Customer { get; set; }

    public OracleAddress? Ship { get; set; }

    public List<OracleLine>? Lines { get; set; }

    [JsonPropertyName("due")]
    [Range(0, 30)]
    public int DueInDays { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Customer == "nobody")
        {
            yield return new ValidationResult("No such customer.", [nameof(Customer)]);
        }
    }
}

public sealed class OracleAddress
{
    [Required]
    public string? Street { get; set; }

    [StringLength(5)]
    public string? PostalCode { get; set; }

    public OracleCountry? Country { get; set; }
}

public sealed class OracleCountry
{
    [Required]
    [StringLength(2, MinimumLength = 2)]
    public string? Code { get; set; }
}

public sealed record OracleLine([property: Required] string? Sku, [property: Range(1, 100)] int Quantity) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Sku == "gone")
        {
            yield return new ValidationResult("Discontinued.", [nameof(Sku)]);
        }
    }
}

[Resource("/oracle/orders")]
public sealed partial class OracleOrders
{
    [Post]
    public Created<OracleOrder> Add(OracleOrder order) => TypedResults.Created("/oracle/orders/1", order);

    [Get]
    public string List([Range(1, 10)] int page = 1, [FromHeader(Name = "X-Count")][Range(1, 5)] int? count = null, [FromQuery(Name = "q")][StringLength(3)] string? search = null)
        => "ok";

    [Get("{id:int}")]
    public string Find([Range(1, 1000)] int id) => "ok";
}
