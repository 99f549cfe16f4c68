using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resourceful.Generators.Analyzers;

/// <summary>
/// The <c>.editorconfig</c> options the analyzers read, per syntax tree:
/// <c>resourceful.allowed_path_segments = ping,run</c> (segments never flagged by the URI design rules) and
/// <c>resourceful.route_constraints = slug,isbn</c> (constraints the application registers itself).
/// </summary>
internal sealed class ResourcefulOptions
{
    public const string AllowedPathSegmentsKey = "resourceful.allowed_path_segments";
    public const string RouteConstraintsKey = "resourceful.route_constraints";

    private static readonly ResourcefulOptions Empty = new(ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty);

    private ResourcefulOptions(ImmutableHashSet<string> allowedPathSegments, ImmutableHashSet<string> routeConstraints)
    {
        AllowedPathSegments = allowedPathSegments;
        RouteConstraints = routeConstraints;
    }

    /// <summary>Path segments the user allows on top of <see cref="UriDesignRules.EstablishedSegments"/>, compared without case.</summary>
    public ImmutableHashSet<string> AllowedPathSegments { get; }

    /// <summary>Route constraint names the application registers, compared without case.</summary>
    public ImmutableHashSet<string> RouteConstraints { get; }

    public bool IsCustomConstraint(string name) => RouteConstraints.Contains(name);

    public static ResourcefulOptions Read(AnalyzerOptions options, SyntaxTree? tree) =>
        Read(options.AnalyzerConfigOptionsProvider, tree);

    public static ResourcefulOptions Read(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree)
    {
        if (tree is null)
        {
            return Empty;
        }

        var config = provider.GetOptions(tree);
        return new ResourcefulOptions(
            List(config, AllowedPathSegmentsKey),
            List(config, RouteConstraintsKey));
    }

    private static ImmutableHashSet<string> List(AnalyzerConfigOptions config, string key)
    {
        if (!config.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return ImmutableHashSet<string>.Empty;
        }

        var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in value.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Add(item.Trim().Trim('/'));
        }

        return builder.ToImmutable();
    }
}
