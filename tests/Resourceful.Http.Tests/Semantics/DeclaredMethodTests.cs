using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;
using static Resourceful.Http.Tests.Semantics.SemanticsAssert;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>§2, row 1: a declared method on a declared path answers with the handler's result.</summary>
/// <remarks>Each test starts its own app, so the store always holds the two seeded items.</remarks>
public sealed class DeclaredMethodTests
{
    private const string Seeded = """[{"id":1,"name":"Bolt","quantity":10,"sku":"BLT-001"},{"id":2,"name":"Nut","quantity":20,"sku":null}]""";

    [Fact]
    public async Task Get_OnTheCollection_AnswersTheHandlersValueAsJson()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.GetAsync("/semantics/items");

        await ResponseAssert.JsonAsync(response, Seeded);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task Get_OnAnItem_AnswersTheTypedResultAndKeepsTheHandlersHeaders()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.GetAsync("/semantics/items/1");

        await ResponseAssert.JsonAsync(response, """{"id":1,"name":"Bolt","quantity":10,"sku":"BLT-001"}""");
        Assert.Equal("0", Header(response, "X-Store-Version"));
    }

    [Fact]
    public async Task Get_OnAMissingItem_AnswersTheHandlers404()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.GetAsync("/semantics/items/999");

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_ReturningString_AnswersTextPlain()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.GetAsync("/semantics/items/1/label");

        await ResponseAssert.TextAsync(response, "Bolt (10)");
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task Get_PathInAnotherCase_ReachesTheSameHandler()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.GetAsync("/SEMANTICS/Items");

        await ResponseAssert.JsonAsync(response, Seeded);
    }

    [Fact]
    public async Task Post_ValidBody_RunsTheHandlerAndStoresTheItem()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.PostAsync("/semantics/items", Json("""{"name":"Washer","quantity":5}"""));

        await ResponseAssert.JsonAsync(response, """{"id":3,"name":"Washer","quantity":5,"sku":null}""", HttpStatusCode.Created);
        Assert.Equal("v1;1|Bolt|10|BLT-001;2|Nut|20|;3|Washer|5|", host.Store.Snapshot());
    }

    [Fact]
    public async Task Put_ValidBody_RunsTheHandlerAndReplacesTheItem()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.PutAsync("/semantics/items/2", Json("""{"name":"Lock nut","quantity":7,"sku":"LCK-002"}"""));

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.NoContent);
        Assert.Equal("v1;1|Bolt|10|BLT-001;2|Lock nut|7|LCK-002", host.Store.Snapshot());
    }

    [Fact]
    public async Task Patch_ValidBody_RunsTheHandlerAndAnswersTheUpdatedItem()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.PatchAsync("/semantics/items/1", Json("""{"quantity":11}"""));

        await ResponseAssert.JsonAsync(response, """{"id":1,"name":"Bolt","quantity":11,"sku":"BLT-001"}""");
    }

    [Fact]
    public async Task Delete_AnItem_RunsTheHandlerAndRemovesIt()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.DeleteAsync("/semantics/items/1");
        using var after = await host.Client.GetAsync("/semantics/items/1");

        await ResponseAssert.EmptyAsync(response, HttpStatusCode.NoContent);
        await ResponseAssert.EmptyAsync(after, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "/semantics/items/abc")]
    [InlineData("DELETE", "/semantics/items/1.5")]
    [InlineData("GET", "/semantics/items/1/label/extra")]
    public async Task AnyMethod_OnAPathNoTemplateMatches_Answers404(string method, string path)
    {
        await using var host = await SemanticsHost.StartAsync();

        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(Allow(response));
    }

    [Fact]
    public async Task Handlers_OfTwoResourceClassesOnOneUri_EachAnswerTheirOwnMethod()
    {
        await using var host = await SemanticsHost.StartAsync();

        using var read = await host.Client.GetAsync("/semantics/split");
        using var write = await host.Client.PostAsync("/semantics/split", content: null);
        using var remove = await host.Client.DeleteAsync("/semantics/split/4");

        await ResponseAssert.TextAsync(read, "read");
        await ResponseAssert.EmptyAsync(write, HttpStatusCode.NoContent);
        await ResponseAssert.EmptyAsync(remove, HttpStatusCode.NoContent);
    }
}
