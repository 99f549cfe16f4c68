using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;

namespace Resourceful;

/// <summary>
/// The endpoints that <c>MapResources()</c> or one <c>Map{Resource}()</c> registered. Conventions added here
/// (<c>.RequireAuthorization()</c>, <c>.WithTags(...)</c>, <c>.RequireRateLimiting(...)</c>, …) apply to every one of them.
/// </summary>
public sealed class ResourceConventionBuilder : IEndpointConventionBuilder
{
    private readonly IEndpointConventionBuilder[] _builders;

    /// <summary>Groups <paramref name="builders"/> so that one convention reaches them all.</summary>
    public ResourceConventionBuilder(params IEndpointConventionBuilder[] builders)
    {
        ArgumentNullException.ThrowIfNull(builders);
        _builders = builders;
    }

    /// <summary>The builders of the individual endpoints, in registration order.</summary>
    public IReadOnlyList<IEndpointConventionBuilder> Endpoints => _builders;

    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention)
    {
        ArgumentNullException.ThrowIfNull(convention);
        foreach (var builder in _builders)
        {
            builder.Add(convention);
        }
    }

    /// <inheritdoc />
    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        ArgumentNullException.ThrowIfNull(finallyConvention);
        foreach (var builder in _builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
