using System;
using System.Text.Json.Serialization;

namespace Bookshelf.Models;

/// <summary>Reads and writes an enum by its members' names only: <see cref="JsonStringEnumConverter{TEnum}"/> without numbers.</summary>
/// <remarks>
/// The plain converter also reads numbers, so <c>"genre": 99</c> was stored though no genre has that value. This
/// one answers such a body with a 400 naming the field. A comma-separated list of names (<c>"Fantasy, Poetry"</c>)
/// still reads, as the members OR-ed together, for any enum; the models' validation rejects a result that is no
/// single member (<see cref="Enum.IsDefined{TEnum}(TEnum)"/>). Deriving from the framework's converter keeps its
/// JSON schema — the members' names — in both OpenAPI documents.
/// </remarks>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class StrictEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
