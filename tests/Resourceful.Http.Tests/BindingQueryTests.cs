using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

/// <remarks>The server runs under de-DE (see <see cref="ResourceHost"/>), so these also prove invariant parsing.</remarks>
public sealed class BindingQueryTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/query/required-int?value=5", "5")]
    [InlineData("/query/required-int?value=-12", "-12")]
    [InlineData("/query/optional-int?value=3", "3")]
    [InlineData("/query/optional-int", "null")]
    [InlineData("/query/defaulted", "1")]
    [InlineData("/query/defaulted?page=4", "4")]
    [InlineData("/query/required-string?text=hello%20world", "hello world")]
    [InlineData("/query/nullable-string?text=x", "x")]
    [InlineData("/query/nullable-string", "null")]
    [InlineData("/query/flags?flag=true", "true")]
    [InlineData("/query/flags?flag=False", "false")]
    [InlineData("/query/explicit?count=9", "9")]
    public async Task QueryValue_OfSimpleType_BindsAndEchoes(string path, string expected)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.TextAsync(response, expected);
    }

    [Fact]
    public async Task QueryValue_DecimalAndDouble_ParseWithInvariantCulture()
    {
        using var response = await _client.GetAsync("/query/numbers?amount=1.5&ratio=0.25");

        // Under de-DE "1.5" would read as 15 (the dot is a group separator there).
        await ResponseAssert.TextAsync(response, "3.0|0.5");
    }

    [Theory]
    [InlineData("2024-02-29T13:45:00Z", "2024-02-29T13:45:00 Utc")]
    [InlineData("2024-02-29T13:45:00%2B02:00", "2024-02-29T11:45:00 Utc")]
    public async Task QueryValue_DateTimeWithOffset_BindsAsUtc(string value, string expected)
    {
        using var response = await _client.GetAsync("/query/date-times?at=" + value);

        await ResponseAssert.TextAsync(response, expected);
    }

    [Fact]
    public async Task QueryValue_DateTimeOffset_KeepsItsOffset()
    {
        using var response = await _client.GetAsync("/query/date-time-offsets?at=2024-02-29T13:45:00%2B02:00");

        await ResponseAssert.TextAsync(response, "2024-02-29T13:45:00+02:00");
    }

    [Fact]
    public async Task QueryValue_TimeOnly_Binds()
    {
        using var response = await _client.GetAsync("/query/times?at=13:45:30");

        await ResponseAssert.TextAsync(response, "13:45:30");
    }

    [Theory]
    [InlineData("green", "Green")]
    [InlineData("GREEN", "Green")]
    [InlineData("bLuE", "Blue")]
    [InlineData("2", "Blue")]
    [InlineData("0", "Red")]
    public async Task QueryValue_Enum_BindsByNameIgnoringCaseOrByDefinedNumber(string value, string expected)
    {
        using var response = await _client.GetAsync("/query/colors?color=" + value);

        await ResponseAssert.TextAsync(response, expected);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("-1")]
    [InlineData("purple")]
    [InlineData("red,green")]   // Enum.TryParse ORs a list into Green: a list of names fits only a [Flags] enum.
    [InlineData("green,%20blue")]
    public async Task QueryValue_EnumUndefinedNumberOrUnknownName_Answers400(string value)
    {
        using var response = await _client.GetAsync("/query/colors?color=" + value);

        await ResponseAssert.ValidationProblemAsync(response, "color");
    }

    [Fact]
    public async Task QueryValue_CustomParsable_BindsThroughTryParse()
    {
        using var response = await _client.GetAsync("/query/skus?sku=XY-7");

        await ResponseAssert.TextAsync(response, "XY|7");
    }

    [Theory]
    [InlineData("/query/ids?ids=1&ids=2&ids=3", "3:1,2,3")]
    [InlineData("/query/ids?ids=5", "1:5")]
    [InlineData("/query/ids", "0:")]
    [InlineData("/query/tags?tags=a&tags=b%20c", "2:a,b c")]
    [InlineData("/query/tags", "0:")]
    public async Task QueryValue_Array_BindsRepeatedKeysAndIsEmptyWhenAbsent(string path, string expected)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.TextAsync(response, expected);
    }

    [Fact]
    public async Task QueryValue_ArrayWithABadElement_Answers400()
    {
        using var response = await _client.GetAsync("/query/ids?ids=1&ids=x");

        await ResponseAssert.ValidationProblemAsync(response, "ids");
    }

    [Fact]
    public async Task QueryValue_FromQueryName_BindsFromThatKey()
    {
        using var response = await _client.GetAsync("/query/search?q=dune");

        await ResponseAssert.TextAsync(response, "dune");
    }

    [Fact]
    public async Task QueryValue_FromQueryName_IsRequiredUnderThatKey()
    {
        using var response = await _client.GetAsync("/query/search?search=dune");

        await ResponseAssert.ValidationProblemAsync(response, "q");
    }

    [Fact]
    public async Task QueryValue_KeysAreCaseInsensitive()
    {
        using var response = await _client.GetAsync("/query/required-int?VALUE=8");

        await ResponseAssert.TextAsync(response, "8");
    }

    [Fact]
    public async Task QueryValue_ParametersNamedHttpContextAndClass_BindWithoutClashing()
    {
        using var response = await _client.GetAsync("/query/clashes?httpContext=7&class=first");

        await ResponseAssert.TextAsync(response, "7|first");
    }

    [Fact]
    public async Task QueryValue_ParameterNamedHttpContext_IsValidatedAsAnInt()
    {
        using var response = await _client.GetAsync("/query/clashes?httpContext=seven&class=first");

        await ResponseAssert.ValidationProblemAsync(response, "httpContext");
    }

    [Fact]
    public async Task QueryValue_KeywordParameter_IsKeyedWithoutTheAt()
    {
        using var response = await _client.GetAsync("/query/clashes?httpContext=7");

        await ResponseAssert.ValidationProblemAsync(response, "class");
    }

    [Fact]
    public async Task QueryValue_ParametersNamedLikeGeneratedLocals_BindWithoutClashing()
    {
        using var response = await _client.GetAsync("/query/more-clashes?resource=1&result=2&bindingErrors=3&services=4&endpoints=5");

        await ResponseAssert.TextAsync(response, "1|2|3|4|5");
    }

    [Theory]
    [InlineData("/query/optional-colors?color=blue", "Blue")]
    [InlineData("/query/optional-colors", "null")]
    [InlineData("/query/color-lists?colors=red&colors=2", "2:Red,Blue")]
    [InlineData("/query/color-lists", "0:")]
    [InlineData("/query/guids?id=0F8FAD5B-D9CB-469F-A165-70867728950E", "0f8fad5b-d9cb-469f-a165-70867728950e")]
    public async Task QueryValue_NullableEnumEnumArrayAndGuid_Bind(string path, string expected)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.TextAsync(response, expected);
    }

    [Theory]
    [InlineData("/query/optional-colors?color=9", "color")]
    [InlineData("/query/color-lists?colors=red&colors=9", "colors")]
    [InlineData("/query/guids?id=nope", "id")]
    public async Task QueryValue_NullableEnumEnumArrayAndGuidNotParsing_Answer400(string path, string field)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.ValidationProblemAsync(response, field);
    }

    // As in minimal APIs, "?key=" is a value that was not given: optional binds null or its default.
    [Theory]
    [InlineData("/query/optional-int?value=", "null")]
    [InlineData("/query/defaulted?page=", "1")]
    [InlineData("/query/optional-colors?color=", "null")]
    public async Task QueryValue_EmptyForAnOptionalValue_BindsAsAbsent(string path, string expected)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.TextAsync(response, expected);
    }

    [Fact]
    public async Task QueryValue_EmptyForARequiredInt_Answers400()
    {
        using var response = await _client.GetAsync("/query/required-int?value=");

        await ResponseAssert.ValidationProblemAsync(response, "value");
    }
}
