using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Resourceful.Http.Tests.Hosting;
using Resourceful.Http.Tests.Resources;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>
/// A required service that DI cannot resolve fails when the resources are mapped, naming the handler (or the
/// resource's constructor), the parameter and the type: never a 500 on every request to that endpoint.
/// </summary>
public sealed class MissingServiceTests
{
    [Fact]
    public async Task Map_HandlerServiceNotRegistered_FailsAtStartupNamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ResourceHost.StartAsync(
            app => app.MapServiceValues(),
            configure: builder => builder.Services.RemoveAll<Clock>()));

        Assert.Contains("Resourceful.Http.Tests.Resources.ServiceValues.Explicit", error.Message, StringComparison.Ordinal);
        Assert.Contains("'clock'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Resourceful.Http.Tests.Resources.Clock'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_KeyedServiceNotRegistered_FailsAtStartupNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ResourceHost.StartAsync(
            app => app.MapServiceValues(),
            configure: builder => builder.Services.RemoveAllKeyed<IGreeter>("k")));

        Assert.Contains("ServiceValues.Keyed", error.Message, StringComparison.Ordinal);
        Assert.Contains("with the key 'k'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_ConstructorServiceNotRegistered_FailsAtStartupNamingTheResource()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ResourceHost.StartAsync(
            app => app.MapBooks(),
            configure: builder => builder.Services.RemoveAll<BookStore>()));

        Assert.Contains("Resourceful.Http.Tests.Resources.Books (constructor)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'store'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_OptionalServicesNotRegistered_StartsAndPassesNull()
    {
        await using var host = await ResourceHost.StartAsync(app => app.MapOptionalServices());

        var body = await host.Client.GetStringAsync("/optional-services");

        Assert.Equal("True|True", body);
    }

    [Fact]
    public async Task Map_EveryServiceRegistered_Starts()
    {
        await using var host = await ResourceHost.StartAsync(app => app.MapServiceValues());

        Assert.NotNull(host.App);
    }
}
