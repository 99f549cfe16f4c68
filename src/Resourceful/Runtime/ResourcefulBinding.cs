using System;
using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Resourceful.Runtime;

/// <summary>
/// Parsing of route, query and header values for generated endpoints. Called only by generated code.
/// </summary>
/// <remarks>
/// Values are parsed with <see cref="CultureInfo.InvariantCulture"/>, as minimal APIs do: a URI means the same in
/// every server locale.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulBinding
{
    /// <summary>The route value <paramref name="name"/> as text, or <see langword="null"/> when the route has none.</summary>
    public static string? GetRouteValue(HttpContext httpContext, string name)
    {
        // An omitted optional segment has no value at all: it must stay null, not become "".
        return httpContext.Request.RouteValues[name] switch
        {
            null => null,
            string text => text,
            var value => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The first query value named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static string? GetQueryValue(HttpContext httpContext, string name)
    {
        var values = httpContext.Request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>The header <paramref name="name"/>, its values joined by commas (RFC 9110 §5.3), or <see langword="null"/>.</summary>
    public static string? GetHeaderValue(HttpContext httpContext, string name)
    {
        var values = httpContext.Request.Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }

    /// <summary>Parses any <see cref="IParsable{TSelf}"/> type (numbers, <see cref="Guid"/>, <see cref="DateOnly"/>, user types…).</summary>
    public static bool TryParse<T>(string? value, out T result) where T : IParsable<T>
        => T.TryParse(value, CultureInfo.InvariantCulture, out result!);

    /// <summary>Parses a <see cref="DateTime"/>; a value with an offset or <c>Z</c> becomes UTC rather than server-local time.</summary>
    public static bool TryParse(string? value, out DateTime result)
        => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out result);

    /// <summary>Parses a <see cref="DateTimeOffset"/>; a value without an offset is taken as UTC.</summary>
    public static bool TryParse(string? value, out DateTimeOffset result)
        => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out result);

    /// <summary>Parses an enum member by name (ignoring case) or by a defined numeric value.</summary>
    public static bool TryParseEnum<T>(string? value, out T result) where T : struct, Enum
        => Enum.TryParse(value, ignoreCase: true, out result) && (!IsNumeric(value) || Enum.IsDefined(result));

    /// <summary>Parses every value of a repeated query key or header.</summary>
    public static bool TryParseAll<T>(StringValues values, out T[] result) where T : IParsable<T>
    {
        result = new T[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (!TryParse(values[i], out result[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses every value of a repeated query key or header as an enum member.</summary>
    public static bool TryParseAllEnums<T>(StringValues values, out T[] result) where T : struct, Enum
    {
        result = new T[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (!TryParseEnum(values[i], out result[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every value of a repeated query key or header, as strings.</summary>
    public static string[] ToStringArray(StringValues values)
    {
        var result = new string[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[i] ?? string.Empty;
        }

        return result;
    }

    private static bool IsNumeric(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var first = value.TrimStart()[..1];
        return first.Length == 1 && (char.IsAsciiDigit(first[0]) || first[0] is '-' or '+');
    }
}
