using System.Text;

namespace AwsMcp.Generators.Emitting;

/// <summary>An indenting line writer for generated C#; always '\n' so output is identical on every OS.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (a declaration or statement head), then an opening brace, and indents.</summary>
    public SourceWriter Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string text = "}")
    {
        _indent--;
        return Line(text);
    }

    public override string ToString() => _builder.ToString();
}
