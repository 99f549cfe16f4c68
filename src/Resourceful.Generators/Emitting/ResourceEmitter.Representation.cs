using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// Representations: each handler's cache headers as one generated method of constants, and one sparse-fieldsets writer
/// per representation type, which writes the members a <c>?fields=</c> selection names.
/// </summary>
internal static partial class ResourceEmitter
{
    /// <summary>
    /// The generated method that writes a handler's cache headers (<c>WriteListCacheHeaders(httpContext.Response)</c>):
    /// the one place its success responses, and a <c>304</c> that stands for one, set them.
    /// </summary>
    internal static string CacheHeadersMethodName(string createName) => "Write" + createName.Substring("Create".Length) + "CacheHeaders";

    /// <summary>
    /// The C# expression, valid in a handler's request delegate after the query values are bound, of the request's
    /// normalised field selection (its names sorted ordinally, de-duplicated, comma-separated; <see langword="null"/>
    /// for the full representation): the variant a partial representation's validator (<c>ETag</c>) differs by.
    /// <see langword="null"/> when the handler has no <c>[SparseFieldsets]</c>. Computed only where it is used, so a
    /// request that needs no validator allocates no string for it.
    /// </summary>
    internal static string? FieldsVariantExpression(EndpointModel endpoint) =>
        endpoint.SparseFields is null ? null : "sparseFields.Variant(" + HandlerWriter.Selection + ")";

    private static void WriteCacheHeadersMethod(SourceWriter writer, EndpointModel endpoint, string createName)
    {
        if (endpoint.CacheHeaders is not { } headers)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary>The cache headers of <c>{endpoint.HttpMethod} {Xml(endpoint.Template)}</c>: constants, read from the handler at compile time.</summary>");
        writer.OpenBlock($"private static void {CacheHeadersMethodName(createName)}(global::Microsoft.AspNetCore.Http.HttpResponse response)");
        writer.WriteLine($"global::Resourceful.Runtime.ResourcefulCacheHeaders.Write(response, {LiteralOrNull(headers.CacheControl)}, {LiteralOrNull(headers.Pragma)}, {LiteralOrNull(headers.Vary)});");
        writer.CloseBlock();
    }

    private static string LiteralOrNull(string? value) => value is null ? "null" : Literal(value);

    /// <summary>The writer class of each representation type the resource's handlers select fields of: <c>BookFields</c>.</summary>
    private static Dictionary<string, string> FieldsWriterNames(ResourceModel resource)
    {
        var names = new Dictionary<string, string>();
        var used = new HashSet<string>();
        foreach (var fields in resource.Endpoints.Select(static e => e.SparseFields).OfType<SparseFieldsModel>())
        {
            if (names.ContainsKey(fields.TypeName))
            {
                continue;
            }

            var simple = fields.TypeName.Substring(fields.TypeName.LastIndexOfAny(['.', ':']) + 1);
            var baseName = Identifier(simple.Split('<')[0] + "Fields");
            var name = baseName;
            for (var suffix = 2; !used.Add(name); suffix++)
            {
                name = baseName + suffix.ToString(CultureInfo.InvariantCulture);
            }

            names.Add(fields.TypeName, name);
        }

        return names;
    }

    private static void WriteFieldsWriters(SourceWriter writer, ResourceModel resource)
    {
        var names = FieldsWriterNames(resource);
        foreach (var fields in resource.Endpoints.Select(static e => e.SparseFields).OfType<SparseFieldsModel>()
            .GroupBy(static f => f.TypeName).Select(static g => g.First()))
        {
            var name = names[fields.TypeName];
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Writes the members of <c>{Xml(fields.TypeName)}</c> that a <c>?fields=</c> selection names.</summary>");
            writer.OpenBlock($"private sealed class {name} : global::Resourceful.Runtime.SparseFieldsWriter<{fields.TypeName}>");
            writer.WriteLine($"internal static readonly string[] MemberNames = [{string.Join(", ", fields.Fields.Select(static f => Literal(f.MemberName)))}];");
            writer.WriteLine();
            writer.WriteLine($"internal static readonly string?[] ExplicitNames = [{string.Join(", ", fields.Fields.Select(static f => LiteralOrNull(f.ExplicitName)))}];");
            writer.WriteLine();
            for (var i = 0; i < fields.Fields.Count; i++)
            {
                writer.WriteLine($"private readonly global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{fields.Fields[i].TypeName}> _member{i};");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Resolves the names and each member's JSON metadata once, from the app's options.</summary>");
            writer.OpenBlock($"public {name}(global::System.IServiceProvider services) : base(services, MemberNames, ExplicitNames)");
            for (var i = 0; i < fields.Fields.Count; i++)
            {
                writer.WriteLine($"_member{i} = TypeInfo<{fields.Fields[i].TypeName}>();");
            }

            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            writer.OpenBlock($"protected override void WriteMembers(global::System.Text.Json.Utf8JsonWriter writer, {fields.TypeName} value, ulong selection)");
            for (var i = 0; i < fields.Fields.Count; i++)
            {
                var bit = "0x" + (1UL << i).ToString("X", CultureInfo.InvariantCulture) + "UL";
                writer.OpenBlock($"if ((selection & {bit}) != 0)");
                writer.WriteLine($"WriteMember(writer, {i.ToString(CultureInfo.InvariantCulture)}, value.{Identifier(fields.Fields[i].MemberName)}, _member{i});");
                writer.CloseBlock();
            }

            writer.CloseBlock();
            writer.CloseBlock();
        }
    }

    private sealed partial class HandlerWriter
    {
        internal const string Selection = "fields_selection";

        /// <summary>Start-up: the representation's fields writer, shared by every request.</summary>
        private void WriteFieldsWriterLocal()
        {
            if (endpoint.SparseFields is not { } fields)
            {
                return;
            }

            writer.WriteLine($"var sparseFields = new {FieldsWriterNames(resource)[fields.TypeName]}(services);");
            _captures.Add("sparseFields");
        }

        /// <summary>Per request, with the other query values: the selection, and each unknown name as a binding error.</summary>
        private void WriteFieldsSelection()
        {
            if (endpoint.SparseFields is not null)
            {
                writer.WriteLine($"var {Selection} = sparseFields.Select(httpContext, ref bindingErrors);");
            }
        }

        /// <summary>
        /// The handler's cache headers, on success responses: always for values, strings and <c>void</c> (200/204), and
        /// for results whose status is <c>2xx</c> (<paramref name="resultExpression"/> is checked at run time).
        /// </summary>
        private void WriteCacheHeaders(string? resultExpression)
        {
            if (endpoint.CacheHeaders is null)
            {
                return;
            }

            var call = $"{CacheHeadersMethodName(createName)}(httpContext.Response);";
            if (resultExpression is null)
            {
                writer.WriteLine(call);
                return;
            }

            writer.OpenBlock($"if (global::Resourceful.Runtime.ResourcefulCacheHeaders.IsSuccess({resultExpression}))");
            writer.WriteLine(call);
            writer.CloseBlock();
        }

        /// <summary>A value result: a selection writes the selected members instead of the whole value.</summary>
        private void WriteFieldsForValue()
        {
            if (endpoint.SparseFields is not { } fields)
            {
                return;
            }

            writer.OpenBlock($"if ({Selection} != 0)");
            WriteReturn($"sparseFields.{(fields.IsList ? "WriteListAsync" : "WriteAsync")}(httpContext, result, {Selection})");
            writer.CloseBlock();
        }

        /// <summary>An <c>Ok&lt;T&gt;</c> (alone or in a union): a selection writes the selected members of its value.</summary>
        private void WriteFieldsForTypedResult()
        {
            if (endpoint.SparseFields is not { } fields
                || endpoint.Result.TypedResults.FirstOrDefault(static t => t.Kind == "Ok" && t.BodyTypeName is not null) is not { } ok)
            {
                return;
            }

            var method = fields.IsList ? "WriteListOkAsync" : "WriteOkAsync";
            if (endpoint.Result.IsUnion)
            {
                writer.OpenBlock($"if ({Selection} != 0 && result.Result is {ok.TypeName} fieldsOk)");
                WriteReturn($"sparseFields.{method}(httpContext, fieldsOk.Value, {Selection})");
            }
            else
            {
                writer.OpenBlock($"if ({Selection} != 0)");
                WriteReturn($"sparseFields.{method}(httpContext, result.Value, {Selection})");
            }

            writer.CloseBlock();
        }
    }
}
