using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Resourceful.Runtime;
using Xunit;

namespace Resourceful.Http.Tests.Negotiation;

/// <summary>
/// The <c>Accept</c> parser of generated endpoints, held against ASP.NET Core's own
/// (<see cref="MediaTypeHeaderValue.TryParseList(IList{string}, out IList{MediaTypeHeaderValue})"/>) on many generated
/// headers: quoted strings (with commas, semicolons and <c>*/*</c> inside), parameters, q-values, whitespace,
/// wildcards and empty elements. Both parses feed the same rule (RFC 9110 §12.5.1: the most specific range that
/// matches decides, q=0 refuses), so any difference in the decision is a difference in parsing.
/// </summary>
public sealed class AcceptParserTests
{
    private const int Cases = 5000;

    private static readonly string[] Produced = ["application/json", "text/plain", "text/event-stream"];

    private static readonly string[] Ranges =
    [
        "application/json", "APPLICATION/JSON", "application/problem+json", "application/*", "Application/*",
        "text/plain", "Text/Plain", "text/event-stream", "text/*", "*/*", "image/png", "text/html",
    ];

    private static readonly string[] ParameterNames = ["q", "Q", "charset", "foo", "level", "qs"];

    private static readonly string[] Tokens = ["1", "0", "0.5", "0.000", "1.000", "0.123", "0.1", "1.", "0.", "utf-8", "x"];

    // Not qvalues: each must be read as ASP.NET Core reads it.
    private static readonly string[] BadQualities = ["2", "0.5000", "abc", "1.5", "01", "1.001"];

    private static readonly string[] QuotedContents = ["x,*/*;q=1", "", "a;b", "say \\\"hi\\\", */*", "\\\\", "q=0", "text/plain, application/json"];

    private static readonly string[] Whitespace = ["", "", "", " ", "  ", "\t"];

    [Fact]
    public void Accepts_GeneratedHeaders_DecidesAsMediaTypeHeaderValue()
    {
        var random = new Random(14_07);
        var failures = new List<string>();
        for (var i = 0; i < Cases && failures.Count < 10; i++)
        {
            var values = GenerateHeader(random);
            foreach (var produced in Produced)
            {
                var expected = OracleAccepts(values, produced);
                var actual = ResourcefulContent.Accepts(WithAccept(values), produced);
                if (expected != actual)
                {
                    failures.Add($"Accept: {string.Join(" | ", values)} for {produced}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("text/plain;foo=\"x,*/*;q=1\"", "application/json", false)]
    [InlineData("text/plain;foo=\"x,*/*;q=1\"", "text/plain", true)]
    [InlineData("application/json;q=\"0\", text/html", "application/json", true)]
    [InlineData("text/html;foo=\"a\\\"b, application/json\"", "application/json", false)]
    [InlineData("application/json ; q=0 , */*", "application/json", false)]
    public void Accepts_QuotedStringsAndParameters_FollowsRfc9110(string accept, string produced, bool expected)
    {
        Assert.Equal(OracleAccepts([accept], produced), expected);
        Assert.Equal(expected, ResourcefulContent.Accepts(WithAccept([accept]), produced));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json;q=0.5, text/event-stream")]
    [InlineData("text/plain;foo=\"application/json\"")]
    public void AsksFor_ReadsQuotedParametersAsValues(string accept)
    {
        Assert.Equal(accept.StartsWith("application/json", StringComparison.Ordinal), ResourcefulContent.AsksFor(accept, "application/json"));
    }

    private static HttpContext WithAccept(string[] values)
    {
        var httpContext = new DefaultHttpContext();
        httpContext.Request.Headers.Accept = new StringValues(values);
        return httpContext;
    }

    /// <summary>The decision ResourcefulContent makes, on ASP.NET Core's parse of the header.</summary>
    private static bool OracleAccepts(string[] values, string produced)
    {
        if (!MediaTypeHeaderValue.TryParseList(values, out var ranges) || ranges.Count == 0)
        {
            // Nothing usable: as if there were no Accept.
            return true;
        }

        var type = produced[..produced.IndexOf('/')];
        var bestSpecificity = -1;
        var bestQuality = 0d;
        foreach (var range in ranges)
        {
            var mediaType = range.MediaType.Value!;
            int specificity;
            if (mediaType.Equals(produced, StringComparison.OrdinalIgnoreCase))
            {
                specificity = 2;
            }
            else if (mediaType.Equals(type + "/*", StringComparison.OrdinalIgnoreCase))
            {
                specificity = 1;
            }
            else if (mediaType == "*/*")
            {
                specificity = 0;
            }
            else
            {
                continue;
            }

            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                bestQuality = range.Quality ?? 1;
            }
        }

        return bestSpecificity >= 0 && bestQuality > 0;
    }

    private static string[] GenerateHeader(Random random)
    {
        var values = new string[random.Next(1, 3)];
        for (var v = 0; v < values.Length; v++)
        {
            var header = new StringBuilder();
            var elements = random.Next(1, 5);
            for (var e = 0; e < elements; e++)
            {
                if (e > 0)
                {
                    header.Append(Pick(random, Whitespace)).Append(',').Append(Pick(random, Whitespace));
                    if (random.Next(8) == 0)
                    {
                        // An empty element: "a, , b".
                        header.Append(',').Append(Pick(random, Whitespace));
                    }
                }

                header.Append(Pick(random, Ranges));
                var parameters = random.Next(0, 4);
                for (var p = 0; p < parameters; p++)
                {
                    header.Append(Pick(random, Whitespace)).Append(';').Append(Pick(random, Whitespace));
                    var name = Pick(random, ParameterNames);
                    header.Append(name).Append('=');
                    var kind = random.Next(10);
                    if (kind < 5)
                    {
                        header.Append(Pick(random, Tokens));
                    }
                    else if (kind < 6)
                    {
                        header.Append(Pick(random, BadQualities));
                    }
                    else
                    {
                        header.Append('"').Append(Pick(random, QuotedContents)).Append('"');
                    }
                }
            }

            values[v] = header.ToString();
        }

        return values;
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
