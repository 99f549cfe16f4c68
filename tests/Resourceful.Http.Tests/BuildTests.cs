using System.CodeDom.Compiler;
using System.Linq;
using System.Reflection;
using Resourceful.Http.Tests.Resources;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>
/// The generated code is compiled as part of this project, with warnings as errors: that these tests run at all
/// proves it compiled with zero warnings. These checks keep that proof honest.
/// </summary>
public sealed class BuildTests
{
    [Fact]
    public void Build_ThisProject_TreatsWarningsAsErrors()
    {
        var value = typeof(BuildTests).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TreatWarningsAsErrors")
            .Value;

        Assert.Equal("true", value, ignoreCase: true);
    }

    [Fact]
    public void Build_GeneratedCode_IsPresentAndMarkedAsGenerated()
    {
        var links = typeof(Books).GetNestedType("Links", BindingFlags.Public | BindingFlags.NonPublic);

        Assert.NotNull(links);
        Assert.Contains(
            typeof(BuildTests).Assembly.GetTypes(),
            t => t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "Resourceful");
    }
}
