using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Bookshelf.Models;
using Xunit;

namespace Bookshelf.Tests;

/// <summary>
/// <c>QUERY /books/search</c> (a JSON filter in the body of the HTTP QUERY method) and <c>/reading-list</c> (kept in
/// the session, carried by its cookie across requests).
/// </summary>
public sealed class SearchAndReadingListTests(BookshelfFixture fixture) : IClassFixture<BookshelfFixture>
{
    private static readonly BookshelfJsonContext Json = BookshelfJsonContext.Default;

    private static readonly HttpMethod Query = new("QUERY");

    private HttpClient Client => fixture.Client;

    private Task<HttpResponseMessage> SearchAsync(string json, string contentType = "application/json") =>
        Client.SendAsync(new HttpRequestMessage(Query, "/books/search") { Content = new StringContent(json, Encoding.UTF8, contentType) });

    [Fact]
    public async Task Search_GenreAndYearRange_AnswersTheMatchesOldestFirst()
    {
        var books = await (await SearchAsync("""{"genre":"Fantasy","yearFrom":1900,"yearTo":1970}""")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListBook);

        Assert.Equal([3, 1], books.Select(static b => b.Id));
    }

    [Fact]
    public async Task Search_TitleAuthorAndLimit_Combine()
    {
        var byAuthor = await (await SearchAsync("""{"authorId":1,"limit":1}""")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListBook);
        var byTitle = await (await SearchAsync("""{"titleContains":"HOBBIT"}""")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListBook);

        Assert.Equal([1], byAuthor.Select(static b => b.Id));
        Assert.Equal([3], byTitle.Select(static b => b.Id));
    }

    [Fact]
    public async Task Search_EmptyFilter_AnswersEveryBookUpToTheDefaultLimit()
    {
        var books = await (await SearchAsync("{}")).ReadJsonAsync(HttpStatusCode.OK, Json.IReadOnlyListBook);

        Assert.InRange(books.Count, 6, BookSearch.DefaultLimit);
    }

    [Fact]
    public async Task Search_InvalidFilter_Answers400NamingTheFields()
    {
        var problem = await (await SearchAsync("""{"yearFrom":2000,"yearTo":1900,"limit":0}""")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("yearTo", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Search_NotJson_Answers415WithAcceptQuery()
    {
        var response = await SearchAsync("Fantasy", "text/plain");

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("application/json", Assert.Single(response.Headers.GetValues("Accept-Query")));
    }

    [Fact]
    public async Task Search_Options_ListsQueryWithAcceptQuery()
    {
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/books/search"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["QUERY", "OPTIONS"], response.Content.Headers.Allow.ToArray());
        Assert.Equal("application/json", Assert.Single(response.Headers.GetValues("Accept-Query")));
    }

    [Fact]
    public async Task Search_Get_Answers405WithAllow()
    {
        var response = await Client.GetAsync("/books/search");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["QUERY", "OPTIONS"], response.Content.Headers.Allow.ToArray());
    }

    [Fact]
    public async Task ReadingList_WithTheSessionCookie_KeepsTheListAcrossRequests()
    {
        var jar = new CookieJar(Client);

        Assert.Equal([], (await jar.ReadAsync(HttpMethod.Get, "/reading-list")).BookIds);
        Assert.Equal([3], (await jar.ReadAsync(HttpMethod.Post, "/reading-list", """{"bookId":3}""")).BookIds);
        Assert.Equal([3, 1], (await jar.ReadAsync(HttpMethod.Post, "/reading-list", """{"bookId":1}""")).BookIds);
        Assert.Equal([3, 1], (await jar.ReadAsync(HttpMethod.Post, "/reading-list", """{"bookId":3}""")).BookIds);
        Assert.Equal([3, 1], (await jar.ReadAsync(HttpMethod.Get, "/reading-list")).BookIds);
        Assert.Equal([1], (await jar.ReadAsync(HttpMethod.Delete, "/reading-list/3")).BookIds);
        Assert.Equal([1], (await jar.ReadAsync(HttpMethod.Delete, "/reading-list/3")).BookIds);
        Assert.Equal([1], (await jar.ReadAsync(HttpMethod.Get, "/reading-list")).BookIds);
        Assert.Contains(".AspNetCore.Session", jar.CookieHeader, StringComparison.Ordinal);

        // Another visitor, without the cookie, has a list of its own.
        Assert.Equal([], (await new CookieJar(Client).ReadAsync(HttpMethod.Get, "/reading-list")).BookIds);
    }

    [Fact]
    public async Task ReadingList_MissingBook_Answers400NamingBookId()
    {
        var response = await Client.PostAsync("/reading-list", new StringContent("""{"bookId":9999}""", Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("bookId", out _));
    }

    /// <summary>TestServer keeps no cookies: this carries Set-Cookie into the next request's Cookie, as a browser would.</summary>
    private sealed class CookieJar(HttpClient client)
    {
        private readonly CookieContainer _cookies = new();
        private readonly Uri _origin = new("http://localhost/");

        public string CookieHeader => _cookies.GetCookieHeader(_origin);

        public async Task<ReadingList> ReadAsync(HttpMethod method, string path, string? json = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            if (CookieHeader.Length > 0)
            {
                request.Headers.Add("Cookie", CookieHeader);
            }

            var response = await client.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    _cookies.SetCookies(_origin, setCookie);
                }
            }

            return await response.ReadJsonAsync(HttpStatusCode.OK, Json.ReadingList);
        }
    }
}
