using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Resourceful.Http.Tests.Resources;

public sealed record Book(int Id, string Title, DateOnly PublishedOn);

public sealed record NewBook(string Title, int Pages);

public sealed record BookPatch(string? Title, int? Pages);

public enum Color
{
    Red = 0,
    Green = 1,
    Blue = 2,
}

/// <summary>
/// A user type that binds only through <see cref="IParsable{TSelf}"/> (text form <c>ABC-123</c>); it is deliberately
/// not <see cref="IFormattable"/>, as most such types are not.
/// </summary>
public readonly record struct Sku(string Prefix, int Number) : IParsable<Sku>
{
    public static Sku Parse(string s, IFormatProvider? provider)
        => TryParse(s, provider, out var result) ? result : throw new FormatException($"'{s}' is not a SKU.");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Sku result)
    {
        result = default;
        var dash = s?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (s is null || dash <= 0 || !int.TryParse(s.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        result = new Sku(s[..dash], number);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Number}");
}
