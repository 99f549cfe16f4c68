using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Resourceful.Http.Tests.Hosting;
using Xunit;

namespace Resourceful.Http.Tests;

public sealed class BindingServicesTests(ResourceHostFixture fixture) : IClassFixture<ResourceHostFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Service_ExplicitFromServices_Resolves()
    {
        using var response = await _client.GetAsync("/services/explicit");

        await ResponseAssert.TextAsync(response, "2024-02-29");
    }

    [Fact]
    public async Task Service_InterfaceWithoutAttribute_IsInferredAsService()
    {
        using var response = await _client.GetAsync("/services/inferred?name=Ada");

        await ResponseAssert.TextAsync(response, "Hello, Ada");
    }

    [Fact]
    public async Task Service_FromKeyedServices_ResolvesTheKeyedRegistration()
    {
        using var response = await _client.GetAsync("/services/keyed?name=Ada");

        await ResponseAssert.TextAsync(response, "Keyed hello, Ada");
    }

    // If the generator took AuditLog for the body, an empty POST would answer 400 and a JSON one would
    // deserialize a fresh AuditLog instead of the registered one.
    [Fact]
    public async Task Service_ConcreteClassRegisteredInDiOnPost_IsTheServiceNotTheBody()
    {
        using var response = await _client.PostAsync("/services/audits", content: null);

        await ResponseAssert.TextAsync(response, "audit-log");
    }

    [Fact]
    public async Task Service_ConcreteClassRegisteredInDiOnPost_IgnoresAJsonBody()
    {
        using var response = await _client.PostAsync("/services/audits", BindingBodyTests.Json("{}"));

        await ResponseAssert.TextAsync(response, "audit-log");
    }

    [Fact]
    public async Task AsParameters_RecordWithConstructor_BindsRouteQueryAndService()
    {
        using var response = await _client.GetAsync("/services/items/5?v=2");

        await ResponseAssert.TextAsync(response, "5|2|Hello, as-parameters");
    }

    [Fact]
    public async Task AsParameters_RecordWithOptionalMemberAbsent_BindsNull()
    {
        using var response = await _client.GetAsync("/services/items/5");

        await ResponseAssert.TextAsync(response, "5|null|Hello, as-parameters");
    }

    [Fact]
    public async Task AsParameters_RecordMemberThatDoesNotParse_Answers400NamingItsKey()
    {
        using var response = await _client.GetAsync("/services/items/5?v=two");

        await ResponseAssert.ValidationProblemAsync(response, "v");
    }

    [Fact]
    public async Task AsParameters_ClassWithSettableProperties_BindsEachProperty()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/services/searches?q=dune&limit=3");
        request.Headers.Add("X-Tenant", "acme");

        using var response = await _client.SendAsync(request);

        await ResponseAssert.TextAsync(response, "dune|3|acme");
    }

    [Fact]
    public async Task AsParameters_ClassWithNothingSent_LeavesPropertiesNull()
    {
        using var response = await _client.GetAsync("/services/searches");

        await ResponseAssert.TextAsync(response, "null|null|null");
    }

    [Fact]
    public async Task RequestObjects_HttpContextRequestResponseUserAndToken_AreTheCurrentRequests()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/services/context");
        request.Headers.Add(ResourceHost.UserHeader, "ada");

        using var response = await _client.SendAsync(request);

        await ResponseAssert.TextAsync(response, "GET /services/context|ada");
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("X-Same-Request")));
    }

    [Fact]
    public async Task RequestObjects_AnonymousUser_IsInjectedAsWell()
    {
        using var response = await _client.GetAsync("/services/context");

        await ResponseAssert.TextAsync(response, "GET /services/context|anonymous");
    }

    [Fact]
    public async Task Resource_ConstructorInjection_CreatesOneInstancePerRequestInItsScope()
    {
        using var first = await _client.GetAsync("/instances");
        using var second = await _client.GetAsync("/instances");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = (await first.Content.ReadAsStringAsync()).Split('|');
        var b = (await second.Content.ReadAsStringAsync()).Split('|');

        // Instance number, scoped probe id, and whether the constructor and the handler saw the same scoped probe.
        Assert.NotEqual(a[0], b[0]);
        Assert.NotEqual(a[1], b[1]);
        Assert.Equal("True", a[2]);
        Assert.Equal("True", b[2]);
    }

    [Fact]
    public async Task Resource_StaticHandler_IsCalledWithoutAnInstance()
    {
        using var response = await _client.GetAsync("/instances/static/21");

        await ResponseAssert.TextAsync(response, "42|Hello, static");
    }

    [Fact]
    public async Task Resource_ConcurrentRequests_EachGetTheirOwnInstance()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.GetStringAsync("/instances")));

        var instances = responses.Select(r => r.Split('|')[0]).ToArray();
        Assert.Equal(instances.Length, instances.Distinct().Count());
    }
}
