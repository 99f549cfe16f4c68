using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Resourceful.Runtime;

/// <summary>
/// The strong entity tags (RFC 9110 §8.8.3) of versioned representations: a representation type's property marked
/// <c>[ConcurrencyCheck]</c> or <c>[Timestamp]</c> is its version, and its tag is derived from that value alone, so no
/// body is serialised to compute it. The formats, all quoted and made of <c>etagc</c> characters only:
/// <list type="bullet">
/// <item>integers: the decimal digits (<c>"42"</c>);</item>
/// <item><see cref="Guid"/>: 32 lower-case hex digits (<c>"N"</c> format);</item>
/// <item><see cref="string"/> and <c>byte[]</c> (a SQL <c>rowversion</c>): base64url of the bytes (UTF-8 for text), unpadded;</item>
/// <item><see cref="DateTime"/> and <see cref="DateTimeOffset"/>: the UTC ticks in decimal (a <see cref="DateTime"/> of
/// unspecified kind is taken as UTC, as databases store it).</item>
/// </list>
/// A <c>variant</c> names a different representation of the same version (a sparse fieldset, another media type): it
/// is appended after a dot as the 8 hex digits of its 32-bit FNV-1a hash (<c>"42.1c2d3e4f"</c>), the same in every
/// process, so a partial representation never shares the full one's tag. Without a variant the tag is the plain one.
/// </summary>
public static class ResourcefulETag
{
    /// <summary>The tag of an integer version, or <see langword="null"/> for none.</summary>
    public static string? Format(long? version, string? variant = null) =>
        version is { } value ? Quote(value.ToString(CultureInfo.InvariantCulture), variant) : null;

    /// <summary>The tag of an unsigned integer version, or <see langword="null"/> for none.</summary>
    public static string? Format(ulong? version, string? variant = null) =>
        version is { } value ? Quote(value.ToString(CultureInfo.InvariantCulture), variant) : null;

    /// <summary>The tag of a <see cref="Guid"/> version, or <see langword="null"/> for none.</summary>
    public static string? Format(Guid? version, string? variant = null) =>
        version is { } value ? Quote(value.ToString("N", CultureInfo.InvariantCulture), variant) : null;

    /// <summary>The tag of a text version (base64url of its UTF-8), or <see langword="null"/> for none.</summary>
    public static string? Format(string? version, string? variant = null) =>
        version is null ? null : Quote(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(version)), variant);

    /// <summary>The tag of a binary version such as a <c>rowversion</c> (base64url), or <see langword="null"/> for none.</summary>
    public static string? Format(byte[]? version, string? variant = null) =>
        version is null ? null : Quote(Base64Url.EncodeToString(version), variant);

    /// <summary>The tag of a date version (its UTC ticks), or <see langword="null"/> for none.</summary>
    public static string? Format(DateTime? version, string? variant = null) =>
        LastModified(version) is { } value ? Format(value, variant) : null;

    /// <summary>The tag of a date version (its UTC ticks), or <see langword="null"/> for none.</summary>
    public static string? Format(DateTimeOffset? version, string? variant = null) =>
        version is { } value ? Quote(value.UtcTicks.ToString(CultureInfo.InvariantCulture), variant) : null;

    /// <summary>A date version as <c>Last-Modified</c> takes it; a <see cref="DateTime"/> of unspecified kind is UTC.</summary>
    public static DateTimeOffset? LastModified(DateTime? version) => version switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        { } value => new DateTimeOffset(value.ToUniversalTime()),
    };

    /// <summary>A date version as <c>Last-Modified</c> takes it.</summary>
    public static DateTimeOffset? LastModified(DateTimeOffset? version) => version;

    private static string Quote(string opaque, string? variant) =>
        variant is null ? "\"" + opaque + "\"" : "\"" + opaque + "." + Hash(variant).ToString("x8", CultureInfo.InvariantCulture) + "\"";

    // 32-bit FNV-1a over the UTF-16 code units: stable across processes and runtimes, unlike string.GetHashCode.
    private static uint Hash(string variant)
    {
        var hash = 2166136261u;
        foreach (var c in variant)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
