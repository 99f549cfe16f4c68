using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Resourceful.Analyzers.Tests.Infrastructure;
using Resourceful.Generators.Analyzers;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Parsing;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>RSF00xx: what stops the generator, one positive and one negative case per rule.</summary>
public sealed class UsageRulesTests
{
    [Fact]
    public Task ResourceNotPartial_ClassWithoutPartial_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed class {|RSF0001:Books|}
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task ResourceNotPartial_PartialClass_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task ContainingTypeNotPartial_NestedInPlainClass_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public static class Api
            {
                [Resource("/books")]
                public sealed partial class {|RSF0002:Books|}
                {
                    [Get] public string List() => "";
                }
            }
            """);

    [Fact]
    public Task ContainingTypeNotPartial_NestedInPartialClass_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public static partial class Api
            {
                [Resource("/books")]
                public sealed partial class Books
                {
                    [Get] public string List() => "";
                }
            }
            """);

    [Fact]
    public Task ResourceIsGeneric_TypeParameter_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/items")]
            public sealed partial class {|RSF0003:Items|}<T>
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task ResourceIsGeneric_NestedInGenericType_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public partial class Outer<T>
            {
                [Resource("/items")]
                public sealed partial class {|RSF0003:Items|}
                {
                    [Get] public string List() => "";
                }
            }
            """);

    [Fact]
    public Task ResourceIsAbstract_InstanceHandler_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public abstract partial class {|RSF0004:Books|}
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task ResourceIsAbstract_OnlyStaticHandlers_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public abstract partial class Books
            {
                [Get] public static string List() => "";
            }
            """);

    [Fact]
    public Task ResourceNotAccessible_PrivateNestedClass_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public partial class Api
            {
                [Resource("/books")]
                private sealed partial class {|RSF0005:Books|}
                {
                    [Get] public string List() => "";
                }
            }
            """);

    [Fact]
    public Task ResourceNotAccessible_InternalNestedClass_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public partial class Api
            {
                [Resource("/books")]
                internal sealed partial class Books
                {
                    [Get] public string List() => "";
                }
            }
            """);

    [Fact]
    public Task ResourceIsFileLocal_FileClass_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            file sealed partial class {|RSF0006:Books|}
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task ResourceIsFileLocal_InternalRecord_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            internal sealed partial record Books
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task MethodAttributeOutsideResource_ClassWithoutResource_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed class Books
            {
                [Get("{id}")] public string {|RSF0007:Find|}(int id) => "";
            }
            """);

    [Fact]
    public Task MethodAttributeOutsideResource_BaseClassOfResource_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public abstract class ReadOnlyResource
            {
                [Get] public string {|RSF0007:List|}() => "";
            }

            [Resource("/books")]
            public sealed partial class Books : ReadOnlyResource
            {
            }
            """);

    [Fact]
    public Task MethodAttributeOutsideResource_MethodOfResource_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find(int id) => "";
            }
            """);

    [Fact]
    public Task HandlerNotPublic_InternalHandler_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] internal string {|RSF0008:List|}() => "";
            }
            """);

    [Fact]
    public Task HandlerNotPublic_PublicHandler_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task HandlerIsGeneric_TypeParameter_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string {|RSF0009:List|}<T>() => "";
            }
            """);

    [Fact]
    public Task HandlerIsGeneric_GenericReturnTypeOnly_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public List<string> List() => new();
            }
            """);

    [Fact]
    public Task HandlerObsoleteError_ObsoleteAsError_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get, Obsolete("Use Search", error: true)] public string {|RSF0021:List|}() => "";
            }
            """);

    [Fact]
    public Task HandlerObsoleteError_ObsoleteAsWarning_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get, Obsolete("Use Search")] public string List() => "";
            }
            """);

    [Fact]
    public Task HandlerParameterByReference_OutParameter_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")]
                public string Find(int id, out int {|RSF0010:found|})
                {
                    found = id;
                    return "";
                }
            }
            """);

    [Fact]
    public Task HandlerParameterByReference_ParamsArray_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List(params string[] {|RSF0010:tags|}) => "";
            }
            """);

    [Fact]
    public Task HandlerParameterByReference_PlainParameters_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find(int id, string[] tags) => "";
            }
            """);

    [Fact]
    public Task HandlerReturnNotSupported_AsyncVoid_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public async void {|RSF0011:Add|}() => await Task.Yield();
            }
            """);

    [Fact]
    public Task HandlerReturnNotSupported_RefStruct_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public ReadOnlySpan<byte> {|RSF0011:Raw|}() => default;
            }
            """);

    [Fact]
    public Task HandlerReturnNotSupported_AsyncTask_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public async Task Add() => await Task.Yield();
            }
            """);

    [Theory]
    [InlineData("{id:integer}")]
    [InlineData("{id")]
    [InlineData("id}")]
    [InlineData("a//b")]
    [InlineData("{*rest}/tail")]
    [InlineData("{a}{b}")]
    [InlineData("{id:min}")]
    [InlineData("{id:int(3)}")]
    [InlineData("{id?}/x{y?}z")]
    [InlineData("{id?=3}")]
    [InlineData("{}")]
    [InlineData("{id}/{ID}")]
    [InlineData("file?.txt")]
    public Task InvalidRouteTemplate_HandlerTemplate_ReportsAtLiteral(string template) =>
        Verify<ResourceUsageRules>.AnalyzerAsync($$"""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get({|RSF0012:"{{template}}"|})] public string Find() => "";
            }
            """);

    [Fact]
    public Task InvalidRouteTemplate_ResourceTemplate_ReportsOnceAtLiteral() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource({|RSF0012:"/books/{id:numeric}"|})]
            public sealed partial class Books
            {
                [Get] public string Find(int id) => "";
                [Delete] public void Remove(int id) { }
            }
            """);

    [Fact]
    public Task InvalidRouteTemplate_DuplicateParameterAcrossResourceAndHandler_ReportsAtHandlerLiteral() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books/{id}")]
            public sealed partial class Reviews
            {
                [Get({|RSF0012:"reviews/{id}"|})] public string Find(int id) => "";
            }
            """);

    [Theory]
    [InlineData("/old/{id:bogus}")]
    [InlineData("/old?x=1")]
    [InlineData("/old/{id")]
    [InlineData("/old//x")]
    public Task InvalidRouteTemplate_MovedFromOnResource_ReportsAtLiteral(string template) =>
        Verify<ResourceUsageRules>.AnalyzerAsync($$"""
            [Resource("/books")]
            [MovedFrom({|RSF0012:"{{template}}"|})]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task InvalidRouteTemplate_MovedFromOnHandler_ReportsAtLiteral() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id:int}")]
                [MovedFrom({|RSF0012:"/old-books/{id:integer}"|})]
                public string Find(int id) => "";
            }
            """);

    [Fact]
    public Task InvalidRouteTemplate_ValidMovedFrom_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            [MovedFrom("/library/books")]
            public sealed partial class Books
            {
                [Get("{id:int}")]
                [MovedFrom("/old-books/{id:int}")]
                [MovedFrom("legacy/{id}")]
                public string Find(int id) => "";
            }
            """);

    [Fact]
    public Task InvalidRouteTemplate_NullTemplate_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get({|RSF0012:null|})] public string List() => "";
            }
            """);

    [Fact]
    public Task InvalidRouteTemplate_EveryBuiltInConstraint_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/things")]
            public sealed partial class Things
            {
                [Get("a/{a:int}/{b:bool}/{c:datetime}/{d:decimal}/{e:double}/{f:float}/{g:guid}/{h:long}")]
                public string A(int a, bool b, DateTime c, decimal d, double e, float f, Guid g, long h) => "";

                [Get("b/{a:minlength(2)}/{b:maxlength(9)}/{c:length(3)}/{d:length(2,4)}/{e:min(1)}/{f:max(9)}/{g:range(1,9)}")]
                public string B(string a, string b, string c, string d, int e, int f, int g) => "";

                [Get("c/{a:alpha}/{b:required}/{c:regex(^\\d{{3}}$)}/{d:int:min(1)}/{e=5}/{f?}")]
                public string C(string a, string b, string c, int d, int e, int? f) => "";

                [Get("d/{name}.{ext?}")]
                public string D(string name, string? ext) => "";

                [Get("e/{**path:nonfile}")]
                public string E(string path) => "";

                [Get("~/f/{file:file}")]
                public string F(string file) => "";
            }
            """);

    [Fact]
    public Task InvalidRouteTemplate_CustomConstraintFromEditorConfig_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerWithConfigAsync(
            """
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{isbn:isbn}")] public string Find(string isbn) => "";
            }
            """,
            "resourceful.route_constraints = isbn, slug");

    [Fact]
    public Task DuplicateEndpoint_SameMethodAndPathTwice_ReportsBoth() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get({|#0:"{id}"|})] public string Find(int id) => "";
                [Get({|#1:"{key}"|})] public string Lookup(int key) => "";
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.DuplicateEndpoint).WithLocation(0).WithLocation(1)
                .WithArguments("GET", "/books/{id}", "Books.Find", "Books.Lookup"),
            new DiagnosticResult(DiagnosticDescriptors.DuplicateEndpoint).WithLocation(1).WithLocation(0)
                .WithArguments("GET", "/books/{key}", "Books.Lookup", "Books.Find"));

    [Fact]
    public Task DuplicateEndpoint_DifferentConstraintsOrMethods_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id:int}")] public string Find(int id) => "";
                [Get("{slug}")] public string FindBySlug(string slug) => "";
                [Delete("{id:int}")] public void Remove(int id) { }
            }
            """);

    [Fact]
    public Task RouteParameterNotBound_NoHandlerParameter_ReportsInTemplate() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{|RSF0015:{id:int}|}")] public string Find() => "";
            }
            """);

    [Fact]
    public Task RouteParameterNotBound_ResourceTemplateValue_ReportsAtHandler() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books/{bookId}/reviews")]
            public sealed partial class Reviews
            {
                [Get] public string {|RSF0015:List|}() => "";
                [Get("{id}")] public string Find(int bookId, int id) => "";
            }
            """);

    [Fact]
    public Task RouteParameterNotBound_BoundByNameAttributeOrAsParameters_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed class Key
            {
                public int Id { get; set; }
            }

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find(int id) => "";
                [Get("by-isbn/{isbn}")] public string FindByIsbn([FromRoute(Name = "isbn")] string code) => "";
                [Get("keys/{id}")] public string FindByKey([AsParameters] Key key) => "";
                [Get("raw/{id}")] public string Raw(HttpRequest request) => "";
            }
            """);

    [Fact]
    public Task FromRouteNotInTemplate_MissingRouteValue_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string Find([FromRoute] int {|RSF0016:id|}) => "";
            }
            """);

    [Fact]
    public Task FromRouteNotInTemplate_RouteValuePresent_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get("{id}")] public string Find([FromRoute] int id) => "";
            }
            """);

    [Fact]
    public Task ParameterCannotBind_ComplexTypeFromQuery_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed class Filter
            {
                public string? Title { get; set; }
            }

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([FromQuery] Filter {|RSF0017:filter|}) => "";
            }
            """);

    [Fact]
    public Task ParameterCannotBind_AsParametersWithRequiredMember_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed class Filter
            {
                public required string Title { get; set; }
            }

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([AsParameters] Filter {|RSF0017:filter|}) => "";
            }
            """);

    [Fact]
    public Task ParameterCannotBind_RawBodyStreamAndPipeReader_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/uploads")]
            public sealed partial class Uploads
            {
                [Post] public string Add(System.IO.Stream body) => "";
                [Put("{id}")] public string Replace(string id, System.IO.Pipelines.PipeReader body) => "";
            }
            """);

    [Fact]
    public Task MultipleBodies_RawBodyAndJsonBody_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed record Note(string Text);

            [Resource("/uploads")]
            public sealed partial class Uploads
            {
                [Post] public string Add(System.IO.Stream body, [FromBody] Note {|RSF0018:note|}) => "";
            }
            """);

    [Fact]
    public Task ParameterCannotBind_DynamicAndNullableArray_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List(dynamic {|RSF0017:filter|}) => "";
                [Get("ids")] public string Ids(int?[] {|RSF0017:ids|}) => "";
            }
            """);

    [Fact]
    public Task ParameterCannotBind_AsParametersOfSimpleMembers_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed class Filter
            {
                public string? Title { get; set; }
                public int Page { get; set; } = 1;
            }

            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List([AsParameters] Filter filter, [FromQuery(Name = "tag")] string[] tags) => "";
            }
            """);

    [Fact]
    public Task MultipleBodies_TwoFromBody_Reports() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed record Book(string Title);

            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public string Add([FromBody] Book first, [FromBody] Book {|RSF0018:second|}) => "";
            }
            """);

    [Fact]
    public Task MultipleBodies_OneBodyAndAService_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed record Book(string Title);
            public sealed class Store
            {
            }

            [Resource("/books")]
            public sealed partial class Books
            {
                [Post] public string Add(Book book, [FromServices] Store store) => "";
            }
            """);

    [Fact]
    public Task ResourceCannotBeConstructed_PlainValueDependency_ReportsAtParameter() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books(string {|RSF0019:connectionString|})
            {
                [Get] public string List() => connectionString;
            }
            """);

    [Fact]
    public Task ResourceCannotBeConstructed_NoPublicConstructor_ReportsAtClass() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class {|RSF0019:Books|}
            {
                private Books()
                {
                }

                [Get] public string List() => "";
            }
            """);

    [Fact]
    public Task ResourceCannotBeConstructed_ServicesAndOptionalValue_NoDiagnostic() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            public sealed class Store
            {
            }

            [Resource("/books")]
            public sealed partial class Books(Store store, TimeProvider clock, int pageSize = 20)
            {
                [Get] public string List() => store.ToString() + clock + pageSize;
            }
            """);

    [Fact]
    public void HandlerNotMapped_SkippedWithoutKnownReason_ReportsFallback()
    {
        // No source makes the parser skip a handler for a reason no rule names (the consistency tests check that);
        // this drives the fallback directly: an instance handler of a class that cannot be created, with nothing said
        // on the class, as a new parser rule without its own diagnostic would leave it.
        var compilation = Compilations.Create("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] public string List() => "";
            }
            """);
        var type = compilation.GetTypeByMetadataName("Books")!;
        var method = (IMethodSymbol)type.GetMembers("List")[0];
        var problems = new ProblemList();

        var endpoint = ResourceParser.ParseEndpoint(
            new ResourceParser.HandlerSite(method, method.GetAttributes()[0], "GET", "/books", resourceTemplateIsValid: true, canCreateInstance: false, classExplained: false, new KnownTypes(compilation)),
            new Dictionary<string, Resourceful.Generators.Model.TypeShapeModel>(),
            problems,
            CancellationToken.None);

        Assert.Null(endpoint);
        var diagnostic = Assert.Single(problems.Items).ToDiagnostic();
        Assert.Equal("RSF0020", diagnostic.Id);
        Assert.Equal("Handler 'Books.List' is marked [Get] but the generator cannot map it; compare its signature with the handler rules on this diagnostic's page", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task HandlerNotMapped_EverySkipExplained_NoFallback() =>
        Verify<ResourceUsageRules>.AnalyzerAsync("""
            [Resource("/books")]
            public sealed partial class Books
            {
                [Get] internal string {|RSF0008:List|}([FromQuery] Books {|RSF0017:books|}) => "";
            }
            """);
}
