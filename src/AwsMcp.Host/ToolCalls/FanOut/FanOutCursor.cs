using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace AwsMcp.Host.ToolCalls.FanOut;

/// <summary>
/// Where a fan-out listing stands: the targets still to ask, in the order they will be asked, each with the page
/// token its tool returned (null: not asked yet). It is the merged page's <c>next_token</c>, sealed and bound to the
/// call's other arguments by <c>Paging/PageTokens</c> like any page token, so it comes back exactly as written.
/// </summary>
public sealed record FanOutCursor(IReadOnlyList<(FanOutTarget Target, string? Token)> Pending)
{
    private const string Prefix = "fo1.";

    /// <summary>Every target, none asked yet.</summary>
    public static FanOutCursor Start(IReadOnlyList<FanOutTarget> targets) => new([.. targets.Select(target => (target, (string?)null))]);

    /// <summary>The cursor in <paramref name="token"/>, or null when it is not one this host wrote.</summary>
    public static FanOutCursor? Parse(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(token.AsSpan(Prefix.Length)));
            var pending = new List<(FanOutTarget, string?)>();
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                pending.Add((new FanOutTarget(entry[0].GetString(), entry[1].GetString()), entry[2].GetString()));
            }

            return new FanOutCursor(pending);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public string Encode()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (target, token) in Pending)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(target.Region);
                writer.WriteStringValue(target.Account);
                writer.WriteStringValue(token);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Prefix + Base64Url.EncodeToString(buffer.WrittenSpan);
    }
}
