using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bookshelf.Models;

/// <summary>
/// Reads and writes an enum as one member's name (ignoring case on read), and nothing else.
/// </summary>
/// <remarks>
/// <see cref="JsonStringEnumConverter{TEnum}"/> also reads numbers (<c>99</c>, stored though no member has that
/// value) and comma-separated lists of names (<c>"Fantasy, Poetry"</c>, read as the two values OR-ed together, a
/// third genre). Neither makes sense for an enum that is not <see cref="FlagsAttribute"/>, so this converter
/// rejects both: the body fails to read, and the request is a <c>400</c> naming the field.
/// </remarks>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly string[] Names = Enum.GetNames<TEnum>();
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            for (var i = 0; i < Names.Length; i++)
            {
                if (string.Equals(Names[i], text, StringComparison.OrdinalIgnoreCase))
                {
                    return Values[i];
                }
            }
        }

        throw new JsonException($"The value is not one of {typeof(TEnum).Name}'s names: {string.Join(", ", Names)}.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());
}
