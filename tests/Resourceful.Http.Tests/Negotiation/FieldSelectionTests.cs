using System;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Resources;
using Resourceful.Runtime;
using Xunit;

namespace Resourceful.Http.Tests.Negotiation;

/// <summary>The selection <c>?fields=</c> parses to, and its normalised text (the variant a partial ETag differs by).</summary>
public sealed class FieldSelectionTests
{
    [Theory]
    [InlineData("?fields=title,id", "id,title")]
    [InlineData("?fields=id,title,id", "id,title")]
    [InlineData("?fields=%20title%20,,id&fields=title", "id,title")]
    [InlineData("?fields=isbn_13", "isbn_13")]
    [InlineData("?fields=", null)]
    [InlineData("", null)]
    public void Variant_IsSortedDeduplicatedNames(string query, string? expected)
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var writer = new NovelFields(services);
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        var errors = new BindingErrors();

        var selection = writer.Select(context, ref errors);

        Assert.False(errors.HasErrors);
        Assert.Equal(expected, writer.Variant(selection));
    }

    [Fact]
    public void Select_UnknownNames_AreEachAnError()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var writer = new NovelFields(services);
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?fields=nope,id,Title");
        var errors = new BindingErrors();

        writer.Select(context, ref errors);

        Assert.Equal(2, errors.Count);
    }

    private sealed class NovelFields(IServiceProvider services)
        : SparseFieldsWriter<Novel>(services, ["Id", "Title", "Isbn"], [null, null, "isbn_13"])
    {
        protected override void WriteMembers(Utf8JsonWriter writer, Novel value, ulong selection) => throw new NotSupportedException();
    }
}
