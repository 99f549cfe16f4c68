using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

public sealed class ResultsTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    private const string SampleJson = """{"id":7,"title":"Sample","publishedOn":"2024-02-29"}""";

    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/results/void/1")]
    [InlineData("/results/task/1")]
    [InlineData("/results/value-task/1")]
    public async Task Result_NothingReturned_Answers204WithoutBody(string path)
    {
        using var response = await _client.DeleteAsync(path);

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.NoContent);
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Theory]
    [InlineData("/results/value")]
    [InlineData("/results/task-value")]
    [InlineData("/results/value-task-value")]
    public async Task Result_Value_Answers200CamelCaseJson(string path)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.JsonAsync(response, SampleJson);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task Result_Collection_Answers200JsonArray()
    {
        using var response = await _client.GetAsync("/books?limit=1");

        await ResponseAssert.JsonAsync(response, """[{"id":1,"title":"Dune","publishedOn":"1965-08-01"}]""");
    }

    [Theory]
    [InlineData("/results/text", "plain text")]
    [InlineData("/results/task-text", "async text")]
    public async Task Result_String_Answers200TextPlain(string path, string expected)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.TextAsync(response, expected);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task Result_IResult_IsExecuted()
    {
        using var response = await _client.GetAsync("/results/iresult");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("a,b", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Result_TypedOk_Answers200Json()
    {
        using var response = await _client.GetAsync("/results/ok");

        await ResponseAssert.JsonAsync(response, SampleJson);
    }

    [Fact]
    public async Task Result_TypedNoContent_Answers204()
    {
        using var response = await _client.GetAsync("/results/no-content");

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("/results/not-found", HttpStatusCode.NotFound)]
    [InlineData("/results/bad-request", HttpStatusCode.BadRequest)]
    [InlineData("/results/conflict", HttpStatusCode.Conflict)]
    public async Task Result_TypedStatus_AnswersThatStatus(string path, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task Result_TypedValidationProblem_Answers400ProblemJson()
    {
        using var response = await _client.GetAsync("/results/validation-problem");

        await ResponseAssert.ValidationProblemAsync(response, "title");
    }

    [Theory]
    [InlineData("/results/books/7")]
    [InlineData("/results/async-books/7")]
    public async Task Result_UnionOkBranch_Answers200Json(string path)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.JsonAsync(response, SampleJson);
    }

    [Theory]
    [InlineData("/results/books/8")]
    [InlineData("/results/async-books/8")]
    public async Task Result_UnionNotFoundBranch_Answers404(string path)
    {
        using var response = await _client.GetAsync(path);

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Result_TypedCreated_Answers201WithLocationFromLinks()
    {
        using var response = await _client.PostAsync("/results/books", BindingBodyTests.Json("""{"title":"New","pages":1}"""));

        await ResponseAssert.JsonAsync(response, """{"id":7,"title":"New","publishedOn":"2024-02-29"}""", HttpStatusCode.Created);
        Assert.Equal("/results/books/7", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Result_AsyncUnionCreatedBranch_Answers201AndTheLocationServesTheBook()
    {
        using var created = await _client.PostAsync("/books", BindingBodyTests.Json("""{"title":"Middlemarch","pages":880}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location?.OriginalString;
        Assert.NotNull(location);
        Assert.StartsWith("/books/", location);
        using var fetched = await _client.GetAsync(location);
        Assert.Equal(await created.Content.ReadAsStringAsync(), await fetched.Content.ReadAsStringAsync());
        Assert.Contains("\"title\":\"Middlemarch\"", await fetched.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Result_AsyncUnionValidationBranch_Answers400ProblemJson()
    {
        using var response = await _client.PostAsync("/books", BindingBodyTests.Json("""{"title":" ","pages":1}"""));

        await ResponseAssert.ValidationProblemAsync(response, "title");
    }

    // As from a minimal API, an exception leaves the endpoint for the app's exception handling (ServerErrorTests
    // covers each form, and the bare 500 Kestrel answers without any); TestServer hands it to the client as it is.
    [Fact]
    public async Task Result_UnhandledException_LeavesTheEndpoint()
    {
        var exception = await Assert.ThrowsAsync<System.InvalidOperationException>(() => _client.GetAsync("/results/failure"));

        Assert.Contains("secret failure detail", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_AfterAnUnhandledException_ServerKeepsServing()
    {
        try
        {
            using var failed = await _client.GetAsync("/results/failure");
        }
        catch (HttpRequestException)
        {
            // Only the server's survival is under test here; the failing response is covered above.
        }
        catch (System.InvalidOperationException)
        {
            // TestServer surfaces an escaped exception as-is.
        }

        using var response = await _client.GetAsync("/results/text");

        await ResponseAssert.TextAsync(response, "plain text");
    }
}
