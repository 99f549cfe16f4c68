using System.Collections.Generic;
using System.Text;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// Writes indented JSON text for the compile-time OpenAPI document. Values that are already JSON (numbers,
/// literals) go in raw; strings are escaped here. Commas are placed by tracking each container's first item.
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder _builder = new();
    private readonly Stack<bool> _hasItems = new();

    public JsonWriter StartObject(string? name = null) => Open(name, '{');

    public JsonWriter EndObject() => Close('}');

    public JsonWriter StartArray(string? name = null) => Open(name, '[');

    public JsonWriter EndArray() => Close(']');

    public JsonWriter String(string name, string value) => Raw(name, Quote(value));

    public JsonWriter StringValue(string value) => Raw(null, Quote(value));

    public JsonWriter Raw(string? name, string json)
    {
        BeginItem(name);
        _builder.Append(json);
        return this;
    }

    public JsonWriter Bool(string name, bool value) => Raw(name, value ? "true" : "false");

    public override string ToString() => _builder.ToString();

    public static string Quote(string value) => Parsing.ShapeParser.Json(value);

    private JsonWriter Open(string? name, char bracket)
    {
        BeginItem(name);
        _builder.Append(bracket);
        _hasItems.Push(false);
        return this;
    }

    private JsonWriter Close(char bracket)
    {
        var hadItems = _hasItems.Pop();
        if (hadItems)
        {
            NewLine();
        }

        _builder.Append(bracket);
        return this;
    }

    private void BeginItem(string? name)
    {
        if (_hasItems.Count > 0)
        {
            if (_hasItems.Peek())
            {
                _builder.Append(',');
            }

            _hasItems.Pop();
            _hasItems.Push(true);
            NewLine();
        }

        if (name is not null)
        {
            _builder.Append(Quote(name)).Append(": ");
        }
    }

    private void NewLine()
    {
        _builder.Append('\n');
        _builder.Append(' ', _hasItems.Count * 2);
    }
}
