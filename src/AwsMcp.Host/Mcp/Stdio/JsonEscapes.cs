using System.Buffers;

namespace AwsMcp.Host.Mcp.Stdio;

/// <summary>
/// Undoes the MCP SDK's HTML-safe escaping in a serialised JSON message: its serializer writes <c>"</c> inside a string
/// as <c>\u0022</c> (and <c>'</c>, <c>+</c>, <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, <c>`</c> as <c>\u00XX</c>), so a tool's
/// JSON text grows by a quarter on its way to a stdio client, and a model reads it garbled. The same value, shortest:
/// <c>\"</c> and the characters themselves. Escapes are read in order, so <c>\\u0022</c> (a backslash, then text) stays.
/// </summary>
public static class JsonEscapes
{
    public static void Compact(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        var start = 0;
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != (byte)'\\' || i + 1 >= json.Length)
            {
                continue;
            }

            if (json[i + 1] == (byte)'u' && i + 5 < json.Length && json[i + 2] == (byte)'0' && json[i + 3] == (byte)'0'
                && Plain(json[i + 4], json[i + 5]) is { } plain)
            {
                output.Write(json[start..i]);
                output.Write(plain == (byte)'"' ? "\\\""u8 : [plain]);
                start = i + 6;
                i += 5;
            }
            else
            {
                i++; // any other escape (\\, \n, \u00e9 …) is copied as it is
            }
        }

        output.Write(json[start..]);
    }

    // 0022 " 0026 & 0027 ' 002B + 003C < 003E > 0060 `
    private static byte? Plain(byte high, byte low) => (high, low | 0x20) switch
    {
        ((byte)'2', (byte)'2') => (byte)'"',
        ((byte)'2', (byte)'6') => (byte)'&',
        ((byte)'2', (byte)'7') => (byte)'\'',
        ((byte)'2', (byte)'b') => (byte)'+',
        ((byte)'3', (byte)'c') => (byte)'<',
        ((byte)'3', (byte)'e') => (byte)'>',
        ((byte)'6', (byte)'0') => (byte)'`',
        _ => null,
    };
}
