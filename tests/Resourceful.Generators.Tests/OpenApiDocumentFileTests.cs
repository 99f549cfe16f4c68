using System;
using System.IO;
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
    public void Reader_AssemblyWithoutResourceful_FindsNothing()
    {
        Assert.Null(OpenApiDocumentReader.Read(typeof(object).Assembly.Location));
    }
}
