using System;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// An old URI that routing cannot parse is never mapped: mapped, <c>[MovedFrom("/old?x=1")]</c> failed the whole
/// app at start-up. RSF0012 reports it to the user (see the analyzer tests).
/// </summary>
public sealed class MovedFromTests
{
    [Theory]
    [InlineData("/old?x=1")]
    [InlineData("/old/{id")]
    [InlineData("/old//x")]
    public void Generate_UnparsableOldTemplate_MapsNoRedirectForIt(string oldTemplate)
    {
        var run = TestHelpers.RunGenerator($$"""
            using Resourceful;

            namespace Shop;

            [Resource("/books")]
            [MovedFrom("{{oldTemplate}}")]
            [MovedFrom("/library")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """);
        TestHelpers.AssertCompilesCleanly(run);

        var source = run.Source("Shop.Books.g.cs");

        Assert.DoesNotContain(ResourceEmitterLiteral(oldTemplate), source, StringComparison.Ordinal);
        Assert.Contains("new(\"/library/{**resourcefulMovedRest}\", RedirectMoved0", source, StringComparison.Ordinal);
    }

    private static string ResourceEmitterLiteral(string value) => Emitting.ResourceEmitter.Literal(value).Trim('"');
}
