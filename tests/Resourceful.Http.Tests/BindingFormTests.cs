using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

/// <summary>An app with <c>AddAntiforgery()</c> + <c>UseAntiforgery()</c>, shared by one test class.</summary>
public sealed class FormHostFixture : IAsyncLifetime
{
    private ResourceHost? _host;

    public ResourceHost Host => _host!;

    public HttpClient Client => Host.Client;

    public async Task InitializeAsync() => _host = await FormHost.StartAsync();

    public async Task DisposeAsync() => await _host!.DisposeAsync();
}

/// <summary>
/// <c>[FromForm]</c> values and types, <c>IFormFile</c>, <c>IFormFileCollection</c>, <c>IFormCollection</c>: real
/// urlencoded and multipart bodies, each request with a real antiforgery token and cookie.
/// </summary>
public sealed class BindingFormTests(FormHostFixture fixture) : IClassFixture<FormHostFixture>
{
    internal const string TokenField = "__RequestVerificationToken";

    internal static FormUrlEncodedContent Urlencoded(string? token, params (string Key, string Value)[] fields) =>
        new(fields.Select(static f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat(token is null ? [] : [new KeyValuePair<string, string>(TokenField, token)]));

    internal static MultipartFormDataContent Multipart(string? token, (string Key, string Value)[] fields, params (string Name, string FileName, string ContentType, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent("resourceful-boundary");
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        if (token is not null)
        {
            content.Add(new StringContent(token), TokenField);
        }

        foreach (var (name, fileName, contentType, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            content.Add(part, name, fileName);
        }

        return content;
    }

    private async Task<HttpResponseMessage> SendAsync(string path, System.Func<string, HttpContent> content, HttpMethod? method = null, bool tokenHeader = false)
    {
        var (token, cookie) = await FormHost.TokenAsync(fixture.Client);
        using var request = FormHost.Post(path, content(token), cookie, method);
        if (tokenHeader)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return await fixture.Client.SendAsync(request);
    }

    [Fact]
    public async Task Fields_Urlencoded_BindEachValue()
    {
        using var response = await SendAsync("/forms/fields", t => Urlencoded(t, ("name", "Ada"), ("age", "36"), ("color", "green"), ("tag", "a"), ("tag", "b")));
        await ResponseAssert.TextAsync(response, "Ada|36|Green|a,b");
    }

    [Fact]
    public async Task Fields_Multipart_BindEachValue()
    {
        using var response = await SendAsync("/forms/fields", t => Multipart(t, [("name", "Ada"), ("age", "36"), ("tag", "x")]));
        await ResponseAssert.TextAsync(response, "Ada|36|null|x");
    }

    [Fact]
    public async Task Fields_UnparsableAndMissing_Answer400NamingEachField()
    {
        using var response = await SendAsync("/forms/fields", t => Urlencoded(t, ("age", "old"), ("color", "mauve")));
        await ResponseAssert.ValidationProblemAsync(response, "name", "age", "color");
    }

    [Theory]
    [InlineData("application/json", "{\"name\":\"Ada\"}")]
    [InlineData("text/plain", "name=Ada")]
    public async Task Post_NotAForm_Answers415WithAcceptPost(string contentType, string body)
    {
        // With a valid token (a header, since the body is no form): antiforgery is checked first, as minimal APIs do.
        using var response = await SendAsync("/forms/fields", _ => new StringContent(body, Encoding.UTF8, contentType), tokenHeader: true);

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("multipart/form-data, application/x-www-form-urlencoded", string.Join(", ", response.Headers.GetValues("Accept-Post")));
    }

    [Fact]
    public async Task Patch_NotAForm_Answers415WithAcceptPatch()
    {
        using var response = await SendAsync("/forms/fields", _ => new StringContent("{}", Encoding.UTF8, "application/json"), HttpMethod.Patch, tokenHeader: true);

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("multipart/form-data, application/x-www-form-urlencoded", string.Join(", ", response.Headers.GetValues("Accept-Patch")));
        Assert.False(response.Headers.Contains("Accept-Post"));
    }

    [Fact]
    public async Task FileForm_Urlencoded_Answers415AsMinimalApisAcceptOnlyMultipart()
    {
        // A handler that reads a file accepts multipart/form-data only (its AcceptsMetadata), as minimal APIs' does.
        using var response = await SendAsync("/forms/upload", t => Urlencoded(t, ("file", "x")));
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("multipart/form-data", string.Join(", ", response.Headers.GetValues("Accept-Post")));
    }

    [Fact]
    public async Task FormFile_ByParameterName_BindsThePart()
    {
        using var response = await SendAsync("/forms/upload", t => Multipart(t, [], ("file", "notes.txt", "text/plain", "hello"u8.ToArray())));
        await ResponseAssert.TextAsync(response, "file|notes.txt|text/plain|5|hello");
    }

    [Fact]
    public async Task FormFile_Missing_Answers400NamingIt()
    {
        using var response = await SendAsync("/forms/upload", t => Multipart(t, [("other", "x")], ("wrong", "a.txt", "text/plain", "a"u8.ToArray())));
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The form file 'file' is required.", FormHost.Field(problem, "file"));
    }

    [Fact]
    public async Task FormFile_NamedAndOptional_BindsByTheName()
    {
        using (var response = await SendAsync("/forms/optional-file", t => Multipart(t, [], ("attachment", "a.pdf", "application/pdf", [1, 2]))))
        {
            await ResponseAssert.TextAsync(response, "a.pdf");
        }

        using (var response = await SendAsync("/forms/optional-file", t => Multipart(t, [("x", "y")])))
        {
            await ResponseAssert.TextAsync(response, "none");
        }
    }

    [Fact]
    public async Task FormFileCollection_SeveralFiles_BindsEveryPart()
    {
        using var response = await SendAsync("/forms/files", t => Multipart(
            t,
            [("caption", "three")],
            ("a", "one.png", "image/png", new byte[10]),
            ("b", "two.png", "image/png", new byte[20]),
            ("b", "three.gif", "image/gif", new byte[30])));
        await ResponseAssert.TextAsync(response, "a:one.png:10;b:two.png:20;b:three.gif:30");
    }

    [Fact]
    public async Task FormCollection_BindsTheWholeForm()
    {
        var (token, cookie) = await FormHost.TokenAsync(fixture.Client);
        using var request = FormHost.Post("/forms/collection", Multipart(token, [("b", "2"), ("a", "1")], ("f", "f.txt", "text/plain", [65])), cookie);
        using var response = await fixture.Client.SendAsync(request);

        // The token travelled as a form field, so the whole form holds it too.
        await ResponseAssert.TextAsync(response, $"{TokenField}={token};a=1;b=2|files:1");
    }

    [Fact]
    public async Task FromFormRecord_BindsConstructorParametersByName()
    {
        using var response = await SendAsync("/forms/object", t => Multipart(t, [("Name", "Grace"), ("age", "45")], ("photo", "me.jpg", "image/jpeg", [1])));
        await ResponseAssert.TextAsync(response, "Grace|45|me.jpg");
    }

    [Fact]
    public async Task FromFormRecord_UnparsableMember_Answers400NamingIt()
    {
        using var response = await SendAsync("/forms/object", t => Multipart(t, [("Name", "Grace"), ("Age", "many")]));
        await ResponseAssert.ValidationProblemAsync(response, "Age");
    }

    [Fact]
    public async Task FromFormClass_SettablePropertiesKeepTheirDefaults()
    {
        using (var response = await SendAsync("/forms/settable", t => Urlencoded(t, ("Age", "3"), ("tag", "x"), ("tag", "y"))))
        {
            await ResponseAssert.TextAsync(response, "nobody|3|x,y");
        }
    }

    [Fact]
    public async Task FormWithRouteAndQuery_BindsAll()
    {
        using var response = await SendAsync("/forms/with-route/7?note=hi", t => Multipart(t, [], ("file", "f.bin", "application/octet-stream", [0])));
        await ResponseAssert.TextAsync(response, "7|hi|f.bin");
    }

    [Fact]
    public async Task TruncatedMultipart_Answers400()
    {
        var (token, cookie) = await FormHost.TokenAsync(fixture.Client);
        var body = "--b\r\nContent-Disposition: form-data; name=\"" + TokenField + "\"\r\n\r\n" + token
            + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello, and then noth";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        using var request = FormHost.Post("/forms/upload", content, cookie);
        using var response = await fixture.Client.SendAsync(request);

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MultipartWithoutBoundary_Answers400()
    {
        var (_, cookie) = await FormHost.TokenAsync(fixture.Client);
        using var content = new ByteArrayContent("whatever"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        using var request = FormHost.Post("/forms/open", content, cookie);
        using var response = await fixture.Client.SendAsync(request);

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FileOverTheEndpointLimit_Answers413()
    {
        using var response = await SendAsync("/forms/small", t => Multipart(t, [], ("file", "big.bin", "application/octet-stream", new byte[4096])));
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Antiforgery_MissingToken_Answers400AsMinimalApis()
    {
        var (_, cookie) = await FormHost.TokenAsync(fixture.Client);
        using var ours = await fixture.Client.SendAsync(FormHost.Post("/forms/upload", Multipart(null, [], ("file", "a.txt", "text/plain", [65])), cookie));
        using var oracle = await fixture.Client.SendAsync(FormHost.Post("/oracle/upload", Multipart(null, [], ("file", "a.txt", "text/plain", [65])), cookie));

        Assert.Equal(HttpStatusCode.BadRequest, oracle.StatusCode);
        using var problem = await ResponseAssert.ProblemAsync(ours, HttpStatusCode.BadRequest);
        Assert.Equal("The antiforgery token is missing or invalid.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NotAForm_WithoutToken_Answers415LikeMinimalApis()
    {
        // Minimal APIs' routing rejects a body that is no form (415) before antiforgery matters; so do we.
        using var ours = await fixture.Client.PostAsync("/forms/fields", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var oracle = await fixture.Client.PostAsync("/oracle/fields", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, oracle.StatusCode);
        using var problem = await ResponseAssert.ProblemAsync(ours, HttpStatusCode.UnsupportedMediaType);
        Assert.True(ours.Headers.Contains("Accept-Post"));
    }

    [Fact]
    public async Task Antiforgery_NoCookieAtAll_Answers400()
    {
        var (token, _) = await FormHost.TokenAsync(fixture.Client);
        using var response = await fixture.Client.SendAsync(FormHost.Post("/forms/fields", Urlencoded(token, ("name", "a"), ("age", "1"))));
        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Antiforgery_TokenInHeader_IsAccepted()
    {
        var (token, cookie) = await FormHost.TokenAsync(fixture.Client);
        using var request = FormHost.Post("/forms/fields", Urlencoded(null, ("name", "a"), ("age", "1")), cookie);
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await fixture.Client.SendAsync(request);
        await ResponseAssert.TextAsync(response, "a|1|null|");
    }

    [Fact]
    public async Task Antiforgery_OptedOut_NeedsNoToken()
    {
        using var response = await fixture.Client.PostAsync("/forms/open", Urlencoded(null, ("name", "free")));
        await ResponseAssert.TextAsync(response, "free");
    }

    [Fact]
    public async Task Endpoints_CarryAntiforgeryMetadataAsMinimalApis()
    {
        var endpoints = fixture.Host.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;
        endpoints = [.. endpoints.Where(static e => e.DisplayName?.Contains("(not a form", System.StringComparison.Ordinal) != true)];
        static bool Requires(Microsoft.AspNetCore.Http.Endpoint e) =>
            e.Metadata.GetMetadata<Microsoft.AspNetCore.Antiforgery.IAntiforgeryMetadata>() is { RequiresValidation: true };

        Assert.True(Requires(endpoints.Single(e => e.DisplayName!.StartsWith("HTTP: POST /oracle/upload", System.StringComparison.Ordinal))));
        Assert.True(Requires(endpoints.Single(e => e.DisplayName!.StartsWith("POST /forms/upload ", System.StringComparison.Ordinal))));
        Assert.False(Requires(endpoints.Single(e => e.DisplayName!.StartsWith("POST /forms/open ", System.StringComparison.Ordinal))));
        Assert.False(Requires(endpoints.Single(e => e.DisplayName!.StartsWith("POST /raw/stream ", System.StringComparison.Ordinal))));
    }
}

/// <summary>Forms without <c>UseAntiforgery()</c>, and <see cref="FormOptions"/> limits.</summary>
public sealed class FormLimitsTests
{
    [Fact]
    public async Task WithoutAntiforgeryMiddleware_FailsAtRequestTimeAsMinimalApis()
    {
        await using var host = await FormHost.StartAsync(antiforgery: false);

        // Minimal APIs' own endpoint fails the same way: EndpointMiddleware refuses an endpoint with antiforgery
        // metadata when the antiforgery middleware did not run.
        var oracle = await Assert.ThrowsAsync<System.InvalidOperationException>(() => host.Client.PostAsync("/oracle/upload", BindingFormTests.Multipart(null, [], ("file", "a.txt", "text/plain", [65]))));
        var ours = await Assert.ThrowsAsync<System.InvalidOperationException>(() => host.Client.PostAsync("/forms/upload", BindingFormTests.Multipart(null, [], ("file", "a.txt", "text/plain", [65]))));
        Assert.Contains("anti-forgery", ours.Message, System.StringComparison.OrdinalIgnoreCase);
        Assert.Contains("anti-forgery", oracle.Message, System.StringComparison.OrdinalIgnoreCase);

        // The opted-out endpoint has no antiforgery metadata, so it works without the middleware.
        using var open = await host.Client.PostAsync("/forms/open", BindingFormTests.Urlencoded(null, ("name", "x")));
        await ResponseAssert.TextAsync(open, "x");
    }

    [Fact]
    public async Task OverFormOptionsLimits_Answers413()
    {
        await using var host = await FormHost.StartAsync(configure: static b => b.Services.Configure<FormOptions>(static o =>
        {
            o.MultipartBodyLengthLimit = 16 * 1024;
            o.ValueCountLimit = 5;
        }));
        var (token, cookie) = await FormHost.TokenAsync(host.Client);

        using (var response = await host.Client.SendAsync(FormHost.Post("/forms/upload", BindingFormTests.Multipart(token, [], ("file", "big.bin", "application/octet-stream", new byte[64 * 1024])), cookie)))
        {
            using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }

        var many = Enumerable.Range(0, 10).Select(static i => ($"k{i}", "v")).ToArray();
        using (var response = await host.Client.SendAsync(FormHost.Post("/forms/collection", BindingFormTests.Urlencoded(token, many), cookie)))
        {
            using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }
    }

    [Fact]
    public async Task OverKestrelsLimit_Answers413()
    {
        await using var host = await FormHost.StartAsync(kestrel: true, configure: static b => b.WebHost.ConfigureKestrel(static k => k.Limits.MaxRequestBodySize = 32 * 1024));
        var (token, cookie) = await FormHost.TokenAsync(host.Client);
        using var content = BindingFormTests.Multipart(token, [], ("file", "big.bin", "application/octet-stream", new byte[256 * 1024]));
        using var response = await host.Client.SendAsync(FormHost.Post("/forms/upload", content, cookie));

        using var problem = await ResponseAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}

/// <summary>The <c>OPTIONS</c> description names a form's fields and files and its media type.</summary>
public sealed class FormOptionsDescriptionTests(FormHostFixture fixture) : IClassFixture<FormHostFixture>
{
    [Theory]
    [InlineData("/forms/upload", "{\"name\":\"file\",\"in\":\"form\",\"type\":\"file\",\"required\":true}", "multipart/form-data")]
    [InlineData("/forms/fields", "{\"name\":\"age\",\"in\":\"form\",\"type\":\"integer\",\"required\":true}", "application/x-www-form-urlencoded")]
    public async Task Options_FormEndpoint_DescribesFieldsAndMediaType(string path, string parameter, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await fixture.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(parameter, body, System.StringComparison.Ordinal);
        Assert.Contains("\"body\":{\"mediaType\":\"" + mediaType + "\",\"type\":\"object\",\"required\":true}", body, System.StringComparison.Ordinal);
    }
}
