using System;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Resourceful.Http.Tests.Resources;
using Xunit;

namespace Resourceful.Http.Tests;

public sealed class LinksTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    private static readonly Guid SampleGuid = new("0f8fad5b-d9cb-469f-a165-70867728950e");

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public void Links_RouteValue_FillsTheTemplate()
    {
        Assert.Equal("/books/42", Books.Links.Find(42));
    }

    [Fact]
    public void Links_HandlerOnTheResourceUri_IsTheResourceUri()
    {
        Assert.Equal("/books", Books.Links.List());
    }

    [Fact]
    public void Links_QueryParameters_AreNotPartOfTheLink()
    {
        Assert.Equal("/links/search", LinkTargets.Links.Search());
    }

    [Fact]
    public void Links_SeveralRouteValues_FillTheirSegments()
    {
        Assert.Equal("/links/archive/2024/2", LinkTargets.Links.Archive(2024, 2));
    }

    [Fact]
    public void Links_StringWithSpaceSlashAndUnicode_IsEscapedAsOneSegment()
    {
        Assert.Equal("/links/titles/a%20b%2Fc%20%C3%BC%3F%23", LinkTargets.Links.ByTitle("a b/c ü?#"));
    }

    [Fact]
    public void Links_OptionalRouteValueNull_IsOmitted()
    {
        Assert.Equal("/links/shelves", LinkTargets.Links.Shelf(null));
    }

    [Fact]
    public void Links_OptionalRouteValueGiven_IsIncluded()
    {
        Assert.Equal("/links/shelves/top", LinkTargets.Links.Shelf("top"));
    }

    [Fact]
    public void Links_CatchAll_KeepsSlashesAndEscapesEachSegment()
    {
        Assert.Equal("/links/files/docs/a%20b/%C3%BC.txt", LinkTargets.Links.Files("docs/a b/ü.txt"));
    }

    [Fact]
    public void Links_CatchAllValueStartingWithSlashes_AddsNoSecondSlash()
    {
        Assert.Equal("/links/files/docs/a.txt", LinkTargets.Links.Files("//docs/a.txt"));
    }

    [Theory]
    [InlineData("//evil.com/phish", "evil.com/phish")]
    [InlineData("/evil.com", "evil.com")]
    [InlineData("\\\\evil.com", "%5C%5Cevil.com")]
    public void Links_CatchAllValueFromTheRequest_NeverStartsWithASlash(string value, string escaped)
    {
        // A template that starts with a catch-all ("/{**page}") puts "/" before the value, and "//evil.com" as a
        // Location sends a browser to evil.com: the value itself never brings a slash of its own to the front.
        Assert.Equal(escaped, Runtime.ResourcefulLinks.EscapePath(value));
        Assert.Equal(escaped, Runtime.ResourcefulLinks.EscapeRoutePath(value));
    }

    [Fact]
    public void Links_Guid_FormatsAsLowercaseD()
    {
        Assert.Equal("/links/guids/0f8fad5b-d9cb-469f-a165-70867728950e", LinkTargets.Links.ByGuid(SampleGuid));
    }

    // fa-IR uses the Persian calendar and de-DE a decimal comma: a link must not change with the caller's culture.
    [Fact]
    public void Links_DateOnlyUnderANonGregorianCulture_FormatsInvariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fa-IR");

            Assert.Equal("/links/days/2024-02-29", LinkTargets.Links.ByDay(new DateOnly(2024, 2, 29)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Links_DecimalUnderACommaCulture_FormatsInvariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("/links/prices/1.5", LinkTargets.Links.ByPrice(1.5m));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Links_EnumRouteValue_UsesTheMemberName()
    {
        Assert.Equal("/route/colors/Green", RouteValues.Links.ByColor(Color.Green));
    }

    [Fact]
    public void Links_CustomParsableRouteValue_UsesItsText()
    {
        Assert.Equal("/route/skus/ABC-123", RouteValues.Links.BySku(new Sku("ABC", 123)));
    }

    [Fact]
    public void Links_FromRouteName_FillsTheRenamedSegment()
    {
        Assert.Equal("/route/renamed/17", RouteValues.Links.Renamed(17));
    }

    // Every link must lead back to the handler it was generated for, with the same values bound.
    [Theory]
    [InlineData("title")]
    [InlineData("shelf")]
    [InlineData("shelf-empty")]
    [InlineData("files")]
    [InlineData("guid")]
    [InlineData("day")]
    [InlineData("price")]
    [InlineData("archive")]
    public async Task Links_RequestedBack_ReachTheirHandlerWithTheSameValues(string which)
    {
        var (link, expected) = which switch
        {
            "title" => (LinkTargets.Links.ByTitle("café au lait ü"), "café au lait ü"),
            "shelf" => (LinkTargets.Links.Shelf("top"), "top"),
            "shelf-empty" => (LinkTargets.Links.Shelf(null), "none"),
            "files" => (LinkTargets.Links.Files("docs/a b/ü.txt"), "docs/a b/ü.txt"),
            "guid" => (LinkTargets.Links.ByGuid(SampleGuid), "0f8fad5b-d9cb-469f-a165-70867728950e"),
            "day" => (LinkTargets.Links.ByDay(new DateOnly(2024, 2, 29)), "2024-02-29"),
            "price" => (LinkTargets.Links.ByPrice(1.5m), "1.5"),
            "archive" => (LinkTargets.Links.Archive(2024, 2), "2024|2"),
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };

        using var response = await _client.GetAsync(link);

        await ResponseAssert.TextAsync(response, expected);
    }
}
