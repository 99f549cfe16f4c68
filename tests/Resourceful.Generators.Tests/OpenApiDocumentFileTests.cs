using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Resourceful.Build;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// The build writes <c>obj/…/resources.openapi.json</c> by reading the document back from the compiled assembly
/// (the package's task, <see cref="ExtractOpenApiDocument"/>): the generator's constant and the task's reader must agree.
/// </summary>
public sealed class OpenApiDocumentFileTests
{
    private const string Source = """
        using Resourceful;

        namespace Shop;

        public sealed record Book(int Id, string Title);

        [Resource("/books")]
        public sealed partial class Books
        {
            [Get("{id:int}")]
            public Book Find(int id) => new(id, "Dune");
        }
        """;

    [Fact]
    public void Reader_CompiledAssembly_FindsTheGeneratedDocument()
    {
        var run = TestHelpers.RunGenerator(Source);
        TestHelpers.AssertCompilesCleanly(run);
        var path = Path.Combine(Path.GetTempPath(), "resourceful-openapi-" + Guid.NewGuid().ToString("N") + ".dll");
        try
        {
            using (var file = File.Create(path))
            {
                var emitted = run.OutputCompilation.Emit(file);
                Assert.True(emitted.Success, TestHelpers.Format(emitted.Diagnostics));
            }

            var document = OpenApiDocumentReader.Read(path);

            Assert.NotNull(document);
            // The constant's text is the raw literal in the generated file, verbatim.
            Assert.Contains("\n" + document + "\n\"\"\"", run.Source(Emitting.OpenApiEmitter.HintName), StringComparison.Ordinal);
            using var json = JsonDocument.Parse(document!);
            Assert.Equal("3.1.1", json.RootElement.GetProperty("openapi").GetString());
            Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/books/{id}", out _), document);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Document_RawBodyHandler_DescribesAnyBytes()
    {
        var run = TestHelpers.RunGenerator("""
            using Resourceful;

            namespace Shop;

            [Resource("/uploads")]
            public sealed partial class Uploads
            {
                [Post] public string Add(System.IO.Stream body) => "";
            }
            """);
        TestHelpers.AssertCompilesCleanly(run);

        var parsed = run.GeneratorResult.TrackedSteps[TrackingNames.ParsedResources].SelectMany(static s => s.Outputs).Select(static o => (Model.ParsedResource)o.Value).ToArray();
        var shapes = Emitting.OpenApiEmitter.MergeShapes(parsed.Select(static p => (p.Model!.MetadataName, p.Shapes)));
        using var json = JsonDocument.Parse(Emitting.OpenApiEmitter.Document(TestHelpers.UserAssemblyName, [.. parsed.Select(static p => p.Model!)], shapes, Model.EquatableArray<Model.MapNameOverride>.Empty));
        var requestBody = json.RootElement.GetProperty("paths").GetProperty("/uploads").GetProperty("post").GetProperty("requestBody");

        Assert.True(requestBody.GetProperty("required").GetBoolean());
        var schema = requestBody.GetProperty("content").GetProperty("application/octet-stream").GetProperty("schema");
        Assert.Equal("binary", schema.GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("System.Text.Json.Serialization.JsonStringEnumConverter<Color>")]
    [InlineData("NamesOnly")]
    public void Document_EnumWithAStringEnumConverterOrOneDerivedFromIt_DescribesTheNames(string converter)
    {
        var run = TestHelpers.RunGenerator($$"""
            using Resourceful;
            using System.Text.Json.Serialization;

            namespace Shop;

            [JsonConverter(typeof({{converter}}))]
            public enum Color { Red, Green }

            public sealed class NamesOnly() : JsonStringEnumConverter<Color>(namingPolicy: null, allowIntegerValues: false);

            public sealed record Paint(Color Color);

            [Resource("/paints")]
            public sealed partial class Paints
            {
                [Get] public Paint Find() => new(Color.Red);
            }
            """);
        TestHelpers.AssertCompilesCleanly(run);

        var parsed = run.GeneratorResult.TrackedSteps[TrackingNames.ParsedResources].SelectMany(static s => s.Outputs).Select(static o => (Model.ParsedResource)o.Value).ToArray();
        var shapes = Emitting.OpenApiEmitter.MergeShapes(parsed.Select(static p => (p.Model!.MetadataName, p.Shapes)));
        using var json = JsonDocument.Parse(Emitting.OpenApiEmitter.Document(TestHelpers.UserAssemblyName, [.. parsed.Select(static p => p.Model!)], shapes, Model.EquatableArray<Model.MapNameOverride>.Empty));
        var color = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Color");

        Assert.Equal("string", color.GetProperty("type").GetString());
        Assert.Equal(["Red", "Green"], color.GetProperty("enum").EnumerateArray().Select(static e => e.GetString()));
    }

    [Fact]
    public void AddResourcefulOperations_AspNetCoreOpenApiReferenced_IsEmittedAndCompiles()
    {
        // The shape of ASP.NET Core 10's OpenAPI API (Microsoft.AspNetCore.OpenApi over Microsoft.OpenApi 2) that the
        // transformer uses; Resourceful.Http.Tests runs it against the real packages.
        const string aspNetCoreOpenApi = """
            namespace Microsoft.OpenApi
            {
                public interface IOpenApiExtension { }
                public sealed class JsonNodeExtension(System.Text.Json.Nodes.JsonNode node) : IOpenApiExtension { public System.Text.Json.Nodes.JsonNode Node { get; } = node; }
                public interface IOpenApiPathItem { }
                public sealed class OpenApiPathItem : IOpenApiPathItem { public System.Collections.Generic.IDictionary<string, IOpenApiExtension>? Extensions { get; set; } }
                public sealed class OpenApiPaths : System.Collections.Generic.Dictionary<string, IOpenApiPathItem> { }
                public sealed class OpenApiDocument { public OpenApiPaths Paths { get; set; } = new(); }
            }

            namespace Microsoft.AspNetCore.OpenApi
            {
                public sealed class OpenApiDocumentTransformerContext { }
                public sealed class OpenApiOptions
                {
                    public OpenApiOptions AddDocumentTransformer(System.Func<Microsoft.OpenApi.OpenApiDocument, OpenApiDocumentTransformerContext, System.Threading.CancellationToken, System.Threading.Tasks.Task> transformer) => this;
                }
            }
            """;

        var with = TestHelpers.RunGenerator([Source, aspNetCoreOpenApi]);
        var without = TestHelpers.RunGenerator(Source);

        TestHelpers.AssertCompilesCleanly(with);
        Assert.Contains("public static global::Microsoft.AspNetCore.OpenApi.OpenApiOptions AddResourcefulOperations(", with.Source(Emitting.OpenApiEmitter.HintName), StringComparison.Ordinal);
        Assert.DoesNotContain("AddResourcefulOperations", without.Source(Emitting.OpenApiEmitter.HintName), StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_AssemblyWithoutResourceful_FindsNothing()
    {
        Assert.Null(OpenApiDocumentReader.Read(typeof(object).Assembly.Location));
    }
}
