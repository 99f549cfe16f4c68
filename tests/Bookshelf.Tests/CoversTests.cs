using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Bookshelf.Models;
using Bookshelf.Resources;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>
/// <c>/books/{id}/cover</c>: a multipart upload protected by antiforgery (the token from <c>GET /antiforgery/token</c>,
/// sent as the form field with its cookie), served back with its media type.
/// </summary>
public sealed class CoversTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];

    private static readonly byte[] Gif = [.. "GIF89a"u8, 1, 0, 1, 0];

    private HttpClient Client => fixture.Client;

    private async Task<(AntiforgeryToken Token, string Cookie)> TokenAsync()
    {
        using var response = await Client.GetAsync("/antiforgery/token");
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(static c => c.Split(';', 2)[0]));
        var token = await response.ReadJsonAsync(HttpStatusCode.OK, BookshelfJsonContext.Default.AntiforgeryToken);
        return (token, cookie);
    }

    private async Task<HttpResponseMessage> UploadAsync(int bookId, byte[] bytes, string contentType, bool withToken = true, string field = "cover")
    {
        var (token, cookie) = await TokenAsync();
        var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(token.Token), token.FormFieldName);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, field, "cover.img");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/books/{bookId}/cover") { Content = form };
        request.Headers.Add("Cookie", cookie);
        return await Client.SendAsync(request);
    }

    [Fact]
    public async Task Token_NamesTheHeaderAndFieldAndSetsTheCookie()
    {
        using var response = await Client.GetAsync("/antiforgery/token");
        var token = await response.ReadJsonAsync(HttpStatusCode.OK, BookshelfJsonContext.Default.AntiforgeryToken);

        Assert.False(string.IsNullOrEmpty(token.Token));
        Assert.Equal(("RequestVerificationToken", "__RequestVerificationToken"), (token.HeaderName, token.FormFieldName));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), static c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_ThenDownload_ServesTheBytesWithTheirType()
    {
        using (var upload = await UploadAsync(2, Png, "image/png"))
        {
            await upload.AssertStatusAsync(HttpStatusCode.NoContent);
        }

        using var download = await Client.GetAsync("/books/2/cover");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());

        // A new upload replaces it.
        using (var again = await UploadAsync(2, Gif, "image/gif"))
        {
            await again.AssertStatusAsync(HttpStatusCode.NoContent);
        }

        using var replaced = await Client.GetAsync("/books/2/cover");
        Assert.Equal("image/gif", replaced.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Gif, await replaced.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Download_NoCover_Answers404()
    {
        using var response = await Client.GetAsync("/books/3/cover");
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_MissingBook_Answers404()
    {
        using var response = await UploadAsync(9999, Png, "image/png");
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_WithoutToken_Answers400()
    {
        using var response = await UploadAsync(1, Png, "image/png", withToken: false);
        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("image/svg+xml")]
    public async Task Upload_NotAnAcceptedImageType_Answers400NamingCover(string contentType)
    {
        using var response = await UploadAsync(1, Png, contentType);
        await response.AssertValidationProblemAsync("cover");
    }

    [Fact]
    public async Task Upload_BytesThatAreNotTheDeclaredType_Answers400NamingCover()
    {
        using var response = await UploadAsync(1, Gif, "image/png");
        await response.AssertValidationProblemAsync("cover");
    }

    [Fact]
    public async Task Upload_FileInAnotherField_Answers400NamingCover()
    {
        using var response = await UploadAsync(1, Png, "image/png", field: "image");
        await response.AssertValidationProblemAsync("cover");
    }

    [Fact]
    public async Task Upload_OverTheCap_Answers413()
    {
        var big = new byte[Covers.MaxCoverBytes + 1];
        Png.CopyTo(big, 0);
        using var response = await UploadAsync(1, big, "image/png");
        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Upload_NotAForm_Answers415()
    {
        using var response = await Client.PutAsync("/books/1/cover", Http.Raw("{}"));
        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
