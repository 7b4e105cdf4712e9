using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Security;

namespace AwsMcp.Host.ToolCalls.Paging;

/// <summary>
/// Seals the page tokens a tool returns and opens them on the next call (<see cref="PageTokenAttribute"/>): a sealed
/// token is <c>pt1.&lt;HMAC&gt;.&lt;the tool's token&gt;</c>, base64url, where the HMAC covers the tool's token and a
/// hash of what it pages (the tool, the caller, every other argument). A token from another listing, another caller
/// or nobody fails the HMAC and is refused as an invalid argument; the tool never sees it.
/// </summary>
public sealed class PageTokens(ServerKey key)
{
    private const string Prefix = "pt1.";
    private readonly Lazy<byte[]> _key = new(() => key.Derive("page-token/v1"));

    /// <summary>
    /// The call's arguments with its page token opened, or the problem with it; the arguments as they are when the
    /// tool declares no page token or none was sent.
    /// </summary>
    public (JsonElement Arguments, ArgumentProblem? Problem) Open(ToolCall call, JsonElement arguments)
    {
        if (call.Tool!.Roles.PageToken is not { } name || arguments.ValueKind != JsonValueKind.Object
            || !arguments.TryGetProperty(name, out var sent) || sent.ValueKind != JsonValueKind.String || sent.GetString() is not { Length: > 0 } token)
        {
            return (arguments, null);
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] + "." != Prefix || !TryDecode(parts[1], out var mac) || !TryDecode(parts[2], out var inner)
            || !CryptographicOperations.FixedTimeEquals(mac, Mac(Binding(call, arguments, name), inner)))
        {
            return (arguments, new ArgumentProblem(
                name,
                "is not a token this tool returned for these arguments: pass the token from the previous page with the same other arguments, " +
                "or leave it out to start from the first page"));
        }

        return (WithValue(arguments, name, Encoding.UTF8.GetString(inner)), null);
    }

    /// <summary>The tool's result with the next token it returned sealed to this call's listing.</summary>
    public ToolResult Seal(ToolCall call, ToolResult result)
    {
        if (call.Tool!.Roles.PageToken is not { } name || result.IsError || !result.HasUtf8Json)
        {
            return result;
        }

        var json = result.Utf8Json;
        if (FindTopLevelString(json.Span, name) is not { } found)
        {
            return result;
        }

        var reader = new Utf8JsonReader(json.Span[found.Start..]);
        reader.Read();
        var inner = Encoding.UTF8.GetBytes(reader.GetString()!);
        var sealedToken = $"{Prefix}{Base64Url.EncodeToString(Mac(Binding(call, call.ToolArguments, name), inner))}.{Base64Url.EncodeToString(inner)}";
        var buffer = new ArrayBufferWriter<byte>(json.Length + 64);
        buffer.Write(json.Span[..found.Start]);
        buffer.Write(Encoding.ASCII.GetBytes($"\"{sealedToken}\"")); // base64url and dots: nothing to escape
        buffer.Write(json.Span[(found.Start + found.Length)..]);
        return ToolResult.Json(buffer.WrittenMemory);
    }

    // What a token pages: the tool, the caller and every argument but the token, canonically (key order does not matter).
    private static byte[] Binding(ToolCall call, JsonElement arguments, string tokenName)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{call.Tool!.Name}\0{call.Caller.AuthenticationMethod}:{call.Caller.Id}\0"));
        if (arguments.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in arguments.EnumerateObject().Where(p => p.Name != tokenName).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(property.Name + "\0"));
                hash.AppendData(CanonicalJson.Serialize(property.Value));
                hash.AppendData("\0"u8);
            }
        }

        return hash.GetHashAndReset();
    }

    private byte[] Mac(byte[] binding, byte[] inner)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key.Value);
        hmac.AppendData(binding);
        hmac.AppendData(inner);
        return hmac.GetHashAndReset();
    }

    private static JsonElement WithValue(JsonElement arguments, string name, string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in arguments.EnumerateObject())
            {
                if (property.Name == name)
                {
                    writer.WriteString(name, value);
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>Where the value of a top-level string property is (its quotes included), or null.</summary>
    private static (int Start, int Length)? FindTopLevelString(ReadOnlySpan<byte> json, string name)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var matches = reader.ValueTextEquals(name);
                reader.Read();
                if (matches)
                {
                    return reader.TokenType == JsonTokenType.String ? ((int)reader.TokenStartIndex, (int)(reader.BytesConsumed - reader.TokenStartIndex)) : null;
                }

                reader.Skip();
            }
        }

        return null;
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
