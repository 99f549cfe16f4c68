using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Resourceful.Runtime;

/// <summary>
/// The base of the writer the generator emits for each <c>[SparseFieldsets]</c> representation type: it parses
/// <c>?fields=</c> into a selection (one bit per member, in declaration order), and writes the selected members with
/// <see cref="Utf8JsonWriter"/> and the app's <see cref="JsonSerializerOptions"/>; each member's value is written by
/// its own <see cref="JsonTypeInfo{T}"/>, resolved once at start-up. No reflection, no intermediate DOM. Used only by
/// generated code.
/// </summary>
/// <typeparam name="T">The representation type (or the element type of a list representation).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class SparseFieldsWriter<T>
{
    /// <summary>A writer per thread, reset onto each response: a request allocates no writer of its own.</summary>
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static SparseFieldsWriter<T>? t_owner;

    private readonly string[] _names;
    private readonly JsonEncodedText[] _encoded;
    private readonly JsonWriterOptions _writerOptions;
    private readonly bool _ignoreNull;
    private readonly bool _ignoreDefault;
    private readonly string _list;

    /// <summary>Resolves the JSON names of <paramref name="memberNames"/> as the app's serializer writes them.</summary>
    protected SparseFieldsWriter(IServiceProvider services, string[] memberNames, string?[] explicitNames)
    {
        ArgumentNullException.ThrowIfNull(services);
        Options = ResourcefulJson.SerializerOptions(services);
        _names = SparseFields.Names(Options, memberNames, explicitNames);
        _encoded = new JsonEncodedText[_names.Length];
        for (var i = 0; i < _names.Length; i++)
        {
            _encoded[i] = JsonEncodedText.Encode(_names[i], Options.Encoder);
        }

        _writerOptions = new JsonWriterOptions
        {
            Encoder = Options.Encoder,
            Indented = Options.WriteIndented,
            IndentCharacter = Options.IndentCharacter,
            IndentSize = Options.IndentSize,
            NewLine = Options.NewLine,
            SkipValidation = true,
        };
        _ignoreNull = Options.DefaultIgnoreCondition == JsonIgnoreCondition.WhenWritingNull;
        _ignoreDefault = Options.DefaultIgnoreCondition == JsonIgnoreCondition.WhenWritingDefault;
        _list = string.Join(", ", _names);
    }

    /// <summary>The app's serializer options.</summary>
    protected JsonSerializerOptions Options { get; }

    /// <summary>The JSON names a selection may use, in declaration order.</summary>
    public IReadOnlyList<string> FieldNames => _names;

    /// <summary>The metadata of a member's type, from the app's resolver.</summary>
    protected JsonTypeInfo<TMember> TypeInfo<TMember>() => (JsonTypeInfo<TMember>)Options.GetTypeInfo(typeof(TMember));

    /// <summary>
    /// The request's selection: one bit per named member, <c>0</c> (the full representation) when <c>fields</c> is
    /// absent or empty. Every unknown name is recorded under <c>fields</c>, naming it and the names there are.
    /// </summary>
    public ulong Select(HttpContext httpContext, ref BindingErrors errors)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var values = httpContext.Request.Query[SparseFields.QueryName];
        ulong selection = 0;
        for (var v = 0; v < values.Count; v++)
        {
            var rest = (values[v] ?? string.Empty).AsSpan();
            while (true)
            {
                var comma = rest.IndexOf(',');
                var name = (comma < 0 ? rest : rest[..comma]).Trim();
                if (!name.IsEmpty)
                {
                    var index = IndexOf(name);
                    if (index < 0)
                    {
                        errors.Add(SparseFields.QueryName, $"'{name}' is not a field of this representation; the fields are: {_list}.");
                    }
                    else
                    {
                        selection |= 1UL << index;
                    }
                }

                if (comma < 0)
                {
                    break;
                }

                rest = rest[(comma + 1)..];
            }
        }

        return selection;
    }

    /// <summary>
    /// The selection as text: its names sorted (ordinal) and comma-separated, so <c>?fields=title,id,id</c> and
    /// <c>?fields=id,title</c> give the same <c>id,title</c>; <see langword="null"/> for the full representation.
    /// Usable as the variant of a partial representation's validator.
    /// </summary>
    public string? Variant(ulong selection)
    {
        if (selection == 0)
        {
            return null;
        }

        var selected = new List<string>();
        for (var i = 0; i < _names.Length; i++)
        {
            if ((selection & (1UL << i)) != 0)
            {
                selected.Add(_names[i]);
            }
        }

        selected.Sort(StringComparer.Ordinal);
        return string.Join(",", selected);
    }

    private int IndexOf(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (name.SequenceEqual(_names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Writes the selected members of <paramref name="value"/>: the generated part.</summary>
    protected abstract void WriteMembers(Utf8JsonWriter writer, T value, ulong selection);

    /// <summary>Writes one member, unless the app's options leave it out (<c>DefaultIgnoreCondition</c>).</summary>
    protected void WriteMember<TMember>(Utf8JsonWriter writer, int index, TMember value, JsonTypeInfo<TMember> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if ((_ignoreNull && value is null) || (_ignoreDefault && EqualityComparer<TMember>.Default.Equals(value, default!)))
        {
            return;
        }

        writer.WritePropertyName(_encoded[index]);
        JsonSerializer.Serialize(writer, value, typeInfo);
    }

    /// <summary>Answers <c>200</c> with the selected members of <paramref name="value"/> (JSON <c>null</c> for none).</summary>
    public Task WriteAsync(HttpContext httpContext, T? value, ulong selection)
    {
        var writer = Start(httpContext);
        WriteObject(writer, value, selection);
        return Finish(httpContext, writer);
    }

    /// <summary>Answers <c>200</c> with the selected members of each element of <paramref name="values"/>.</summary>
    public Task WriteListAsync(HttpContext httpContext, IEnumerable<T>? values, ulong selection)
    {
        var writer = Start(httpContext);
        if (values is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                WriteObject(writer, value, selection);
            }

            writer.WriteEndArray();
        }

        return Finish(httpContext, writer);
    }

    /// <summary>As <c>Ok&lt;T&gt;</c> does: <c>200</c>, and a null value is no body at all.</summary>
    public Task WriteOkAsync(HttpContext httpContext, T? value, ulong selection)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (value is null)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        }

        return WriteAsync(httpContext, value, selection);
    }

    /// <summary>As <c>Ok&lt;T&gt;</c> does for a list: <c>200</c>, and a null list is no body at all.</summary>
    public Task WriteListOkAsync(HttpContext httpContext, IEnumerable<T>? values, ulong selection)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (values is null)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        }

        return WriteListAsync(httpContext, values, selection);
    }

    private void WriteObject(Utf8JsonWriter writer, T? value, ulong selection)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        WriteMembers(writer, value, selection);
        writer.WriteEndObject();
    }

    private Utf8JsonWriter Start(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var writer = t_writer;
        if (writer is null || !ReferenceEquals(t_owner, this))
        {
            writer = new Utf8JsonWriter(response.BodyWriter, _writerOptions);
            t_writer = writer;
            t_owner = this;
        }
        else
        {
            writer.Reset(response.BodyWriter);
        }

        return writer;
    }

    private static Task Finish(HttpContext httpContext, Utf8JsonWriter writer)
    {
        // Everything is in the pipe's buffer before the first await, so the thread's writer is free again.
        writer.Flush();
        writer.Reset(NullBufferWriter.Instance);
        var flush = httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }

    /// <summary>Where an idle writer points, so it holds no finished response's pipe.</summary>
    private sealed class NullBufferWriter : System.Buffers.IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count)
        {
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => Memory<byte>.Empty;

        public Span<byte> GetSpan(int sizeHint = 0) => Span<byte>.Empty;
    }
}

/// <summary>What the sparse-fieldsets writers and the API description share. Used only by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SparseFields
{
    /// <summary>The query parameter: <c>?fields=id,title</c>.</summary>
    public const string QueryName = "fields";

    /// <summary>
    /// The JSON name of each member, as System.Text.Json names it: its <c>[JsonPropertyName]</c>, else the options'
    /// naming policy applied to the C# name, else the C# name.
    /// </summary>
    public static string[] Names(JsonSerializerOptions options, string[] memberNames, string?[] explicitNames)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(memberNames);
        ArgumentNullException.ThrowIfNull(explicitNames);
        var names = new string[memberNames.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = explicitNames[i] ?? options.PropertyNamingPolicy?.ConvertName(memberNames[i]) ?? memberNames[i];
        }

        return names;
    }

    /// <summary><see cref="Names(JsonSerializerOptions, string[], string?[])"/> with the app's options.</summary>
    public static string[] Names(IServiceProvider services, string[] memberNames, string?[] explicitNames) =>
        Names(ResourcefulJson.SerializerOptions(services), memberNames, explicitNames);

    /// <summary>The description of the <c>fields</c> parameter, listing <paramref name="names"/>.</summary>
    public static string Description(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new StringBuilder("Comma-separated names of the members to return (of each element, for a list); absent or empty returns them all. One of: ")
            .AppendJoin(", ", names).Append('.').ToString();
    }
}
