using System;

namespace Resourceful.Benchmarks.Server;

/// <summary>Which ways of hosting the handlers a server maps.</summary>
[Flags]
public enum Variants
{
    /// <summary>Nothing mapped.</summary>
    None = 0,

    /// <summary>Resourceful's generated endpoints under <c>/gen</c>.</summary>
    Generated = 1,

    /// <summary>Minimal APIs through the Request Delegate Generator under <c>/min</c>.</summary>
    Minimal = 2,

    /// <summary>MVC controllers under <c>/mvc</c>.</summary>
    Mvc = 4,

    /// <summary>Hand-written request delegates under <c>/raw</c>.</summary>
    Handwritten = 8,

    /// <summary>All four, in one process.</summary>
    All = Generated | Minimal | Mvc | Handwritten,
}

/// <summary>Parses <c>--variants gen,min,mvc,raw</c>.</summary>
public static class VariantNames
{
    /// <summary>The path prefix and command-line name of each variant.</summary>
    public static string Prefix(Variants variant) => variant switch
    {
        Variants.Generated => "gen",
        Variants.Minimal => "min",
        Variants.Mvc => "mvc",
        Variants.Handwritten => "raw",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "One variant expected."),
    };

    /// <summary>Parses a comma-separated list of prefixes; <see langword="null"/> or empty means all.</summary>
    public static Variants Parse(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return Variants.All;
        }

        var variants = Variants.None;
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            variants |= name.ToLowerInvariant() switch
            {
                "gen" => Variants.Generated,
                "min" => Variants.Minimal,
                "mvc" => Variants.Mvc,
                "raw" => Variants.Handwritten,
                "all" => Variants.All,
                _ => throw new ArgumentException($"Unknown variant '{name}': expected gen, min, mvc, raw or all.", nameof(list)),
            };
        }

        return variants;
    }
}
