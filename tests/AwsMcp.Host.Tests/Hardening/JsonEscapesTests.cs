using System.Buffers;
using System.Text;
using System.Text.Json;
using AwsMcp.Host.Mcp.Stdio;

namespace AwsMcp.Host.Tests.Hardening;

/// <summary>The SDK's escapes undone: the same JSON value, shorter, and escapes that mean something kept.</summary>
public sealed class JsonEscapesTests
{
    [Theory]
    [InlineData("""{"text":"{\u0022a\u0022:1}"}""", """{"text":"{\"a\":1}"}""")]
    [InlineData("""{"t":"it\u0027s a\u002Bb \u003Cx\u003E \u0026 \u0060q\u0060"}""", """{"t":"it's a+b <x> & `q`"}""")]
    [InlineData("""{"t":"a literal \\u0022 stays"}""", """{"t":"a literal \\u0022 stays"}""")]
    [InlineData("""{"t":"caf\u00e9 \n \\ \u001f"}""", """{"t":"caf\u00e9 \n \\ \u001f"}""")]
    [InlineData("""{"t":"ends with \\"}""", """{"t":"ends with \\"}""")]
    public void Escapes_only_what_needs_it_and_keeps_the_value(string sdk, string expected)
    {
        var output = new ArrayBufferWriter<byte>();
        JsonEscapes.Compact(Encoding.UTF8.GetBytes(sdk), output);
        var compact = Encoding.UTF8.GetString(output.WrittenSpan);

        Assert.Equal(expected, compact);
        using var before = JsonDocument.Parse(sdk);
        using var after = JsonDocument.Parse(compact);
        Assert.Equal(before.RootElement.GetProperty(before.RootElement.EnumerateObject().First().Name).GetString(),
            after.RootElement.GetProperty(after.RootElement.EnumerateObject().First().Name).GetString());
    }
}
