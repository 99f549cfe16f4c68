using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// The first form field named <paramref name="name"/>, or <see langword="null"/>. Only after
    /// <see cref="ResourcefulForms.ReadAsync"/> succeeded: the form is then read and cached, and this is a lookup.
    /// </summary>
    public static string? GetFormValue(HttpContext httpContext, string name)
    {
        var values = httpContext.Request.Form[name];
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>The header <paramref name="name"/>, its values joined by commas (RFC 9110 §5.3), or <see langword="null"/>.</summary>
    public static string? GetHeaderValue(HttpContext httpContext, string name)
    {
        var values = httpContext.Request.Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }

    // One call per value: the generated code binds each route, query or header value with one of these instead of a
    // block of its own. The messages are BindingErrors', the same for every endpoint. The source is one of three
    // constant strings, which also names it in the messages.

    /// <summary>The value <paramref name="name"/> from <paramref name="source"/> (<c>route</c>, <c>query</c>, <c>header</c>, <c>cookie</c> or <c>form</c>) as text, or <see langword="null"/>.</summary>
    public static string? GetValue(HttpContext httpContext, string source, string name) => source switch
    {
        "route" => GetRouteValue(httpContext, name),
        "query" => GetQueryValue(httpContext, name),
        "header" => GetHeaderValue(httpContext, name),
        "cookie" => httpContext.Request.Cookies[name],
        "form" => GetFormValue(httpContext, name),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Expected route, query, header, cookie or form."),
    };

    /// <summary>
    /// A required value: missing (no value, or an empty one) and unparsable values are recorded in
    /// <paramref name="errors"/> and give <see langword="default"/>.
    /// </summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="source">Where the value comes from: <c>route</c>, <c>query</c> or <c>header</c>.</param>
    /// <param name="name">The name the client used.</param>
    /// <param name="typeName">The type as the message names it.</param>
    /// <param name="errors">Where failures are recorded.</param>
    public static T Required<T>(HttpContext httpContext, string source, string name, string typeName, ref BindingErrors errors)
        where T : IParsable<T>
    {
        var text = GetValue(httpContext, source, name);
        if (string.IsNullOrEmpty(text))
        {
            errors.AddMissing(name, source);
            return default!;
        }

        return Parse<T>(text, name, typeName, default, ref errors)!;
    }

    /// <summary>An optional value: <paramref name="fallback"/> when none (or an empty one) was sent.</summary>
    public static T? Optional<T>(HttpContext httpContext, string source, string name, string typeName, T? fallback, ref BindingErrors errors)
        where T : IParsable<T>
    {
        var text = GetValue(httpContext, source, name);
        return string.IsNullOrEmpty(text) ? fallback : Parse(text, name, typeName, fallback, ref errors);
    }

    /// <summary>An optional value of a nullable value type: <paramref name="fallback"/> when none was sent.</summary>
    public static T? OptionalNullable<T>(HttpContext httpContext, string source, string name, string typeName, T? fallback, ref BindingErrors errors)
        where T : struct, IParsable<T>
    {
        var text = GetValue(httpContext, source, name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (TryParseValue(text, out T value))
        {
            return value;
        }

        errors.AddInvalid(name, text, typeName);
        return fallback;
    }

    /// <summary>A required enum member, by name (ignoring case) or defined number; see <see cref="Required{T}"/>.</summary>
    public static T RequiredEnum<T>(HttpContext httpContext, string source, string name, string typeName, ref BindingErrors errors)
        where T : struct, Enum
    {
        var text = GetValue(httpContext, source, name);
        if (string.IsNullOrEmpty(text))
        {
            errors.AddMissing(name, source);
            return default;
        }

        return ParseEnum<T>(text, name, typeName, default, ref errors).GetValueOrDefault();
    }

    /// <summary>An optional enum member: <paramref name="fallback"/> when none was sent.</summary>
    public static T OptionalEnum<T>(HttpContext httpContext, string source, string name, string typeName, T fallback, ref BindingErrors errors)
        where T : struct, Enum
        => OptionalNullableEnum<T>(httpContext, source, name, typeName, fallback, ref errors).GetValueOrDefault();

    /// <summary>An optional enum member of a nullable parameter: <paramref name="fallback"/> when none was sent.</summary>
    public static T? OptionalNullableEnum<T>(HttpContext httpContext, string source, string name, string typeName, T? fallback, ref BindingErrors errors)
        where T : struct, Enum
    {
        var text = GetValue(httpContext, source, name);
        return string.IsNullOrEmpty(text) ? fallback : ParseEnum(text, name, typeName, fallback, ref errors);
    }

    /// <summary>A required text value: only a missing one is an error (an empty one is a value).</summary>
    public static string RequiredString(HttpContext httpContext, string source, string name, ref BindingErrors errors)
    {
        if (GetValue(httpContext, source, name) is { } text)
        {
            return text;
        }

        errors.AddMissing(name, source);
        return default!;
    }

    /// <summary>Every value of a repeated query key or header; <paramref name="fallback"/> when none was sent.</summary>
    [return: NotNullIfNotNull(nameof(fallback))]
    public static T[]? Array<T>(StringValues values, string name, string typeName, T[]? fallback, ref BindingErrors errors)
        where T : IParsable<T>
        => values.Count == 0 ? fallback
            : TryParseAll(values, out T[] parsed) ? parsed
            : Invalid(values, name, typeName, fallback, ref errors);

    /// <summary>Every value of a repeated query key or header as enum members; <paramref name="fallback"/> when none was sent.</summary>
    [return: NotNullIfNotNull(nameof(fallback))]
    public static T[]? EnumArray<T>(StringValues values, string name, string typeName, T[]? fallback, ref BindingErrors errors)
        where T : struct, Enum
        => values.Count == 0 ? fallback
            : TryParseAllEnums(values, out T[] parsed) ? parsed
            : Invalid(values, name, typeName, fallback, ref errors);

    /// <summary>Every value of a repeated query key or header as text; <paramref name="fallback"/> when none was sent.</summary>
    [return: NotNullIfNotNull(nameof(fallback))]
    public static string[]? StringArray(StringValues values, string[]? fallback)
        => values.Count == 0 ? fallback : ToStringArray(values);

    private static T? Parse<T>(string text, string name, string typeName, T? fallback, ref BindingErrors errors)
        where T : IParsable<T>
    {
        if (TryParseValue(text, out T value))
        {
            return value;
        }

        errors.AddInvalid(name, text, typeName);
        return fallback;
    }

    private static T[]? Invalid<T>(StringValues values, string name, string typeName, T[]? fallback, ref BindingErrors errors)
    {
        errors.AddInvalid(name, values.ToString(), typeName);
        return fallback;
    }

    private static T? ParseEnum<T>(string text, string name, string typeName, T? fallback, ref BindingErrors errors)
        where T : struct, Enum
    {
        if (TryParseEnum(text, out T value))
        {
            return value;
        }

        errors.AddInvalid(name, text, typeName);
        return fallback;
    }

    /// <summary>
    /// <see cref="TryParse{T}(string?, out T)"/>, except that <see cref="DateTime"/> and <see cref="DateTimeOffset"/>
    /// go through their own overloads (UTC rules). The type tests are constants to the JIT: no cost, no boxing.
    /// </summary>
    private static bool TryParseValue<T>(string? text, out T result)
        where T : IParsable<T>
    {
        if (typeof(T) == typeof(DateTime))
        {
            var parsed = TryParse(text, out DateTime dateTime);
            result = Unsafe.As<DateTime, T>(ref dateTime);
            return parsed;
        }

        if (typeof(T) == typeof(DateTimeOffset))
        {
            var parsed = TryParse(text, out DateTimeOffset dateTimeOffset);
            result = Unsafe.As<DateTimeOffset, T>(ref dateTimeOffset);
            return parsed;
        }

        return TryParse(text, out result);
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

    /// <summary>
    /// Parses an enum member by name (ignoring case) or by a defined numeric value. A comma-separated list of names
    /// (<c>Read,Write</c>) is accepted only for a <see cref="FlagsAttribute"/> enum: for any other enum,
    /// <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would OR the members into a value no member has.
    /// </summary>
    public static bool TryParseEnum<T>(string? value, out T result) where T : struct, Enum
        => Enum.TryParse(value, ignoreCase: true, out result)
            && (IsNumeric(value) || !value!.Contains(',', StringComparison.Ordinal) ? Enum.IsDefined(result) : EnumFlags<T>.IsFlags);

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

    /// <summary>Whether <typeparamref name="T"/> is a <see cref="FlagsAttribute"/> enum, looked up once per type.</summary>
    private static class EnumFlags<T> where T : struct, Enum
    {
        public static readonly bool IsFlags = typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false);
    }
}
