using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// An old URI that routing cannot parse is never mapped: mapped, <c>[MovedFrom("/old?x=1")]</c> failed the whole
/// app at start-up. RSF0012 reports it to the user: the analyzer, or the generator itself when no analyzer runs.
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
        var reported = Assert.Single(run.GeneratorResult.Diagnostics);
        Assert.Equal("RSF0012", reported.Id);
        Assert.Equal(DiagnosticSeverity.Error, reported.Severity);
        Assert.Contains(oldTemplate, reported.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning));

        var source = run.Source("Shop.Books.g.cs");

        Assert.DoesNotContain(ResourceEmitterLiteral(oldTemplate), source, StringComparison.Ordinal);
        Assert.Contains("new(\"/library/{**resourcefulMovedRest}\", RedirectMoved0", source, StringComparison.Ordinal);
    }

    private static string ResourceEmitterLiteral(string value) => Emitting.ResourceEmitter.Literal(value).Trim('"');
}
