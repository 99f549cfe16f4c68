using System;
using System.ComponentModel;
using System.Globalization;

namespace Resourceful.Runtime;

/// <summary>Formats and escapes route values for the generated <c>Links</c> classes. Called only by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulLinks
{
    /// <summary>Escapes one path segment (RFC 3986 §3.3): <c>/</c>, <c>?</c>, <c>#</c>, spaces and non-ASCII are percent-encoded.</summary>
    public static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    /// <summary>Formats an invariant-culture value and escapes it as one path segment.</summary>
    public static string Escape<T>(T value) where T : IFormattable
        => Uri.EscapeDataString(value.ToString(null, CultureInfo.InvariantCulture));

    /// <summary>Formats a <see cref="DateTime"/> round-trippably (ISO 8601) for a path segment.</summary>
    public static string Escape(DateTime value) => Uri.EscapeDataString(value.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Formats a <see cref="DateTimeOffset"/> round-trippably (ISO 8601) for a path segment.</summary>
    public static string Escape(DateTimeOffset value) => Uri.EscapeDataString(value.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Formats a <see cref="DateOnly"/> as ISO 8601 (<c>yyyy-MM-dd</c>).</summary>
    public static string Escape(DateOnly value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a <see cref="bool"/> as <c>true</c>/<c>false</c>.</summary>
    public static string Escape(bool value) => value ? "true" : "false";

    /// <summary>Formats any other value with its invariant-culture text and escapes it as one path segment.</summary>
    public static string Escape(object? value)
        => Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>
    /// Escapes a value taken from the current request's route. Servers leave an encoded slash (<c>%2F</c>) encoded in
    /// the path, so such a value may already hold one; it stays <c>%2F</c> instead of becoming <c>%252F</c>.
    /// </summary>
    public static string EscapeRouteValue(string? value) => KeepEncodedSlashes(Escape(value));

    /// <summary>Escapes a catch-all value taken from the current request's route, keeping its slashes (and its <c>%2F</c>s).</summary>
    public static string EscapeRoutePath(string? value) => KeepEncodedSlashes(EscapePath(value));

    /// <summary>
    /// <paramref name="path"/> as a path on the app's own origin: a path that starts with <c>//</c> or <c>/\</c> is
    /// a network-path reference (RFC 3986 §4.2) that browsers follow to another host, so its leading run of slashes
    /// and backslashes becomes one <c>/</c>. Any other value is returned as it is, without allocating.
    /// </summary>
    internal static string SameOrigin(string path)
    {
        if (path.Length < 2 || path[0] != '/' || path[1] is not ('/' or '\\'))
        {
            return path;
        }

        return "/" + path.TrimStart('/', '\\');
    }

    /// <summary>Whether <paramref name="location"/> is a path on the app's own origin: one <c>/</c>, then not another or a <c>\</c>.</summary>
    internal static bool IsAppRelative(string? location) =>
        location is ['/'] or ['/', not ('/' or '\\'), ..];

    private static string KeepEncodedSlashes(string escaped) =>
        escaped.Replace("%252F", "%2F", StringComparison.Ordinal).Replace("%252f", "%2F", StringComparison.Ordinal);

    /// <summary>
    /// Escapes a catch-all value segment by segment, keeping its slashes. Leading slashes are dropped: the value
    /// follows a <c>/</c> of the template, so one of its own would make <c>//</c>, and at the start of a path that
    /// names another host (<c>//evil.com</c>).
    /// </summary>
    public static string EscapePath(string? value)
    {
        value = value?.TrimStart('/');
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var segments = value.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.EscapeDataString(segments[i]);
        }

        return string.Join('/', segments);
    }
}
