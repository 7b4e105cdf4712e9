using System.Text;

namespace AwsMcp.Generators.Emitting;

/// <summary>A minimal indented JSON writer for schemas (the generator cannot ship System.Text.Json).</summary>
internal sealed class JsonSchemaWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;
    private bool _needsComma;

    public void StartObject(string? name = null) => Start(name, '{');

    public void EndObject() => End('}');

    public void StartArray(string name) => Start(name, '[');

    public void EndArray() => End(']');

    public void String(string name, string value) => Raw(name, JsonText.Quote(value));

    /// <summary>Writes <paramref name="json"/> (a literal, number or quoted string) as the value of <paramref name="name"/>, or as an array item.</summary>
    public void Raw(string? name, string json)
    {
        Prefix(name);
        _builder.Append(json);
        _needsComma = true;
    }

    public override string ToString() => _builder.ToString();

    private void Start(string? name, char bracket)
    {
        Prefix(name);
        _builder.Append(bracket);
        _indent++;
        _needsComma = false;
    }

    private void End(char bracket)
    {
        _indent--;
        _builder.Append('\n').Append(' ', _indent * 2).Append(bracket);
        _needsComma = true;
    }

    private void Prefix(string? name)
    {
        if (_needsComma)
        {
            _builder.Append(',');
        }

        if (_builder.Length > 0)
        {
            _builder.Append('\n').Append(' ', _indent * 2);
        }

        if (name is not null)
        {
            _builder.Append(JsonText.Quote(name)).Append(": ");
        }
    }
}
