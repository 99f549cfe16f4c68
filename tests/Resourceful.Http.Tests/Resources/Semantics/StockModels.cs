using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Resourceful.Http.Tests.Resources.Semantics;

public sealed record StockItem(int Id, string Name, int Quantity, string? Sku);

/// <summary>
/// The body of POST and PUT. The rules sit on the record's positional parameters (where C# puts attributes
/// written without a target), and one member has a <c>[JsonPropertyName]</c>, so error keys must follow the JSON.
/// </summary>
public sealed record NewStockItem(
    [Required, StringLength(20, MinimumLength = 2)] string Name,
    [Range(1, 1000)] int Quantity,
    [property: JsonPropertyName("sku")][RegularExpression("^[A-Z]{3}-[0-9]{3}$")] string? StockKeepingUnit = null)
    : IValidatableObject
{
    /// <summary>A name no item may have, to exercise a rule that only code can express.</summary>
    public const string ReservedName = "reserved";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Name == ReservedName)
        {
            yield return new ValidationResult("This name is reserved.", [nameof(Name)]);
        }

        if (Quantity > 500 && StockKeepingUnit is null)
        {
            yield return new ValidationResult("More than 500 items need a SKU.", [nameof(StockKeepingUnit)]);
        }

        if (Name is not null && Name == StockKeepingUnit)
        {
            // No member: the whole item is wrong, so the error goes under the body's own name.
            yield return new ValidationResult("The name and the SKU must differ.");
        }
    }
}

/// <summary>The body of PATCH: a class with annotated properties, every member optional.</summary>
public sealed class StockItemPatch
{
    [StringLength(20, MinimumLength = 2)]
    public string? Name { get; init; }

    [Range(0, 1000)]
    public int? Quantity { get; init; }

    /// <summary>Two words, so its JSON name depends on the app's naming policy.</summary>
    [Range(0, 100)]
    public int? ReorderLevel { get; init; }

    /// <summary>A nested object with rules of its own.</summary>
    public Dimensions? Size { get; init; }
}

public sealed class Dimensions
{
    [Range(1, 100)]
    public int Width { get; init; }
}
