using System.Text;

namespace Resourceful.Generators.Emitting;

/// <summary>A small indented text writer: generated code is written as text, the way it reads.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;
    private string _lastLine = string.Empty;

    /// <summary>A blank line between two groups of statements; nothing right after an opening brace or a blank line.</summary>
    public void Separate()
    {
        if (_lastLine.Length > 0 && _lastLine != "{")
        {
            WriteLine();
        }
    }

    public void WriteLine(string line = "")
    {
        _lastLine = line;
        if (line.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(line);
        }

        _builder.Append('\n');
    }

    public void OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indent++;
    }

    public void OpenBlock()
    {
        WriteLine("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indent--;
        WriteLine("}" + suffix);
    }

    /// <summary>Opens a collection expression over several lines: <c>[</c>, then its items indented.</summary>
    public void OpenList()
    {
        WriteLine("[");
        _indent++;
    }

    public void CloseList(string suffix = "")
    {
        _indent--;
        WriteLine("]" + suffix);
    }

    /// <summary>Indents the following lines one level without a brace, as under a <c>case</c> label.</summary>
    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public override string ToString() => _builder.ToString();
}
