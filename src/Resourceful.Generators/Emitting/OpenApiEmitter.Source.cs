using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// The C# source that carries the document: <c>MapResourcesOpenApi()</c>, the constant, and
/// <c>AddResourcefulOperations()</c>, what ASP.NET Core's own OpenAPI document (<c>AddOpenApi()</c>) needs from the
/// compile-time one. ASP.NET Core 10 leaves <c>QUERY</c> endpoints out of its document (it knows only the eight methods
/// of OpenAPI 3.1, and Microsoft.OpenApi 2 would write another method as a <c>query</c> field 3.1 does not have), so a
/// document transformer copies each path's <c>x-oai-additionalOperations</c> from the constant into it. Emitted only
/// when the compilation references <c>Microsoft.AspNetCore.OpenApi</c>: the runtime library takes no dependency on it.
/// </summary>
internal static partial class OpenApiEmitter
{
    /// <param name="title">The document's title.</param>
    /// <param name="resources">Every resource of the assembly.</param>
    /// <param name="shapes">Their body types' shapes.</param>
    /// <param name="mapNames">The resources whose <c>Map…</c> method is not <c>Map{ClassName}</c>.</param>
    /// <param name="aspNetCoreOpenApi">
    /// Whether the compilation references ASP.NET Core's OpenAPI support (<c>Microsoft.AspNetCore.OpenApi</c> with
    /// Microsoft.OpenApi 2): then <c>AddResourcefulOperations()</c> is emitted too (see <see cref="WriteAspNetCoreTransformer"/>).
    /// </param>
    public static string Emit(string title, IReadOnlyList<ResourceModel> resources, EquatableArray<TypeShapeModel> shapes, EquatableArray<MapNameOverride> mapNames, bool aspNetCoreOpenApi = false)
    {
        var document = Document(title, resources, shapes, mapNames);
        var quotes = new string('"', System.Math.Max(3, LongestQuoteRun(document) + 1));

        var writer = new SourceWriter();
        GeneratedCode.WriteHeader(writer);
        writer.OpenBlock("namespace Microsoft.AspNetCore.Builder");
        writer.OpenBlock("internal static partial class ResourcefulEndpointRouteBuilderExtensions");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Serves the OpenAPI 3.1 document of this assembly's resources, written by the generator at compile time,");
        writer.WriteLine("/// at <paramref name=\"pattern\"/>. The build also writes it to <c>obj/…/resources.openapi.json</c>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock("public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapResourcesOpenApi(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern = \"/openapi/resources.json\")");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(endpoints);");
        writer.WriteLine("return global::Resourceful.Runtime.ResourcefulEndpoints.MapDocument(endpoints, pattern, global::Resourceful.Generated.ResourcefulOpenApiDocument.ServeAsync);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        if (aspNetCoreOpenApi)
        {
            WriteAspNetCoreExtension(writer);
        }

        writer.OpenBlock($"namespace {DocumentNamespace}");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock($"file static class {DocumentTypeName}");
        writer.WriteLine("private static readonly byte[] Utf8 = global::System.Text.Encoding.UTF8.GetBytes(Json);");
        writer.WriteLine();
        writer.OpenBlock("public static global::System.Threading.Tasks.Task ServeAsync(global::Microsoft.AspNetCore.Http.HttpContext httpContext)");
        writer.WriteLine("return global::Resourceful.Runtime.ResourcefulPaths.WriteJsonAsync(httpContext, Utf8);");
        writer.CloseBlock();
        writer.WriteLine();
        if (aspNetCoreOpenApi)
        {
            WriteAspNetCoreTransformer(writer);
        }

        writer.WriteLine("// The document. The package's build task reads this constant from the compiled assembly and writes it to");
        writer.WriteLine("// obj/<configuration>/<tfm>/resources.openapi.json, so no generated source has to be written to disk.");
        writer.WriteLine($"public const string {DocumentFieldName} = {quotes}");

        // The raw literal's content and closing quotes start at column 0, so its text is exactly the document.
        var text = new System.Text.StringBuilder(writer.ToString());
        text.Append(document).Append('\n');
        text.Append(quotes).Append(";\n");
        text.Append("    }\n");
        text.Append("}\n");
        return text.ToString();
    }

    private const string OpenApiOptionsName = "Microsoft.AspNetCore.OpenApi.OpenApiOptions";

    // Microsoft.OpenApi 2's extension type (ASP.NET Core 10); ASP.NET Core 9's Microsoft.OpenApi 1 has none.
    private const string JsonNodeExtensionName = "Microsoft.OpenApi.JsonNodeExtension";

    /// <summary>Whether <paramref name="compilation"/> can take the transformer: ASP.NET Core's OpenAPI support over Microsoft.OpenApi 2.</summary>
    public static bool ReferencesAspNetCoreOpenApi(Compilation compilation) =>
        compilation.GetTypeByMetadataName(OpenApiOptionsName) is not null
        && compilation.GetTypeByMetadataName(JsonNodeExtensionName) is not null;

    /// <summary>
    /// The public extension on <c>OpenApiOptions</c>, in <c>AddOpenApi()</c>'s namespace, which web projects import
    /// implicitly: the lambda in <c>AddOpenApi(options => options.AddResourcefulOperations())</c> needs no <c>using</c>.
    /// </summary>
    private static void WriteAspNetCoreExtension(SourceWriter writer)
    {
        writer.OpenBlock("namespace Microsoft.Extensions.DependencyInjection");
        writer.OpenBlock("internal static partial class ResourcefulOpenApiOptionsExtensions");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Adds the operations of this assembly's resources that ASP.NET Core's document leaves out, the <c>QUERY</c>");
        writer.WriteLine("/// handlers, under each path item's <c>x-oai-additionalOperations</c> extension, as the compile-time document");
        writer.WriteLine("/// (<c>MapResourcesOpenApi()</c>) writes them: <c>builder.Services.AddOpenApi(options => options.AddResourcefulOperations())</c>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock("public static global::Microsoft.AspNetCore.OpenApi.OpenApiOptions AddResourcefulOperations(this global::Microsoft.AspNetCore.OpenApi.OpenApiOptions options)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(options);");
        writer.WriteLine("return options.AddDocumentTransformer(global::Resourceful.Generated.ResourcefulOpenApiDocument.AddAdditionalOperationsAsync);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>The transformer, a member of the class that holds the document constant.</summary>
    private static void WriteAspNetCoreTransformer(SourceWriter writer)
    {
        writer.WriteLine("// Copies every path's x-oai-additionalOperations (QUERY) from the constant into ASP.NET Core's document,");
        writer.WriteLine("// which has no field for them; the schemas they refer to are ASP.NET Core's own components of the same names.");
        writer.OpenBlock("public static global::System.Threading.Tasks.Task AddAdditionalOperationsAsync(global::Microsoft.OpenApi.OpenApiDocument document, global::Microsoft.AspNetCore.OpenApi.OpenApiDocumentTransformerContext context, global::System.Threading.CancellationToken cancellationToken)");
        writer.WriteLine("var paths = global::System.Text.Json.Nodes.JsonNode.Parse(Json)?[\"paths\"] as global::System.Text.Json.Nodes.JsonObject;");
        writer.OpenBlock("if (paths is null)");
        writer.WriteLine("return global::System.Threading.Tasks.Task.CompletedTask;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("document.Paths ??= new global::Microsoft.OpenApi.OpenApiPaths();");
        writer.OpenBlock("foreach (var path in paths)");
        writer.OpenBlock($"if (path.Value?[\"{AdditionalOperations}\"] is not global::System.Text.Json.Nodes.JsonObject operations)");
        writer.WriteLine("continue;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("if (!document.Paths.TryGetValue(path.Key, out var item))");
        writer.WriteLine("item = new global::Microsoft.OpenApi.OpenApiPathItem();");
        writer.WriteLine("document.Paths[path.Key] = item;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("if (item is global::Microsoft.OpenApi.OpenApiPathItem pathItem)");
        writer.WriteLine("pathItem.Extensions ??= new global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.IOpenApiExtension>(global::System.StringComparer.Ordinal);");
        writer.WriteLine($"pathItem.Extensions[\"{AdditionalOperations}\"] = new global::Microsoft.OpenApi.JsonNodeExtension(operations.DeepClone());");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return global::System.Threading.Tasks.Task.CompletedTask;");
        writer.CloseBlock();
        writer.WriteLine();
    }
}
