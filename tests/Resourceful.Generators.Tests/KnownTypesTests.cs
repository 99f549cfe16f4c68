using System.Linq;
using Resourceful.Generators.Model;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// The parser recognises framework types as symbols of the compilation (<c>KnownTypes</c>), so a user's type that
/// only shares a framework type's name is not mistaken for it.
/// </summary>
public sealed class KnownTypesTests
{
    [Fact]
    public void Constructor_UsersOwnActivatorUtilitiesConstructorAttribute_IsNotTheFrameworksMarker()
    {
        var model = ParseSingle("""
            using Resourceful;

            namespace Shop;

            [System.AttributeUsage(System.AttributeTargets.Constructor)]
            public sealed class ActivatorUtilitiesConstructorAttribute : System.Attribute { }

            public interface IClock { }
            public interface IStore { }

            [Resource("/books")]
            public sealed partial class Books
            {
                [ActivatorUtilitiesConstructor]
                public Books(IClock clock) { }

                public Books(IClock clock, IStore store) { }

                [Get] public string List() => "";
            }
            """);

        // The framework's rule: the marked constructor if the marker is the real one, else the one with most parameters.
        Assert.Equal(["clock", "store"], model.Constructor!.Parameters.Select(static p => p.Name));
    }

    [Fact]
    public void Constructor_FrameworksActivatorUtilitiesConstructorAttribute_ChoosesTheMarkedOne()
    {
        var model = ParseSingle("""
            using Microsoft.Extensions.DependencyInjection;
            using Resourceful;

            namespace Shop;

            public interface IClock { }
            public interface IStore { }

            [Resource("/books")]
            public sealed partial class Books
            {
                [ActivatorUtilitiesConstructor]
                public Books(IClock clock) { }

                public Books(IClock clock, IStore store) { }

                [Get] public string List() => "";
            }
            """);

        Assert.Equal(["clock"], model.Constructor!.Parameters.Select(static p => p.Name));
    }

    [Fact]
    public void Parameter_UsersOwnTypeNamedHttpContext_IsNotTheRequestsContext()
    {
        var model = ParseSingle("""
            using Resourceful;

            namespace Shop;

            public sealed class HttpContext { }

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List(HttpContext context) => "";
            }
            """);

        var parameter = Assert.Single(Assert.Single(model.Endpoints).Parameters);
        Assert.NotEqual(ParameterSource.HttpContext, parameter.Source);
    }

    private static ResourceModel ParseSingle(string source)
    {
        var run = TestHelpers.RunGenerator(source, assertCaching: false);
        return Assert.Single(TestHelpers.StepOutputs(run.GeneratorResult, TrackingNames.Resources).Select(static o => o.Value).OfType<ResourceModel>());
    }
}
