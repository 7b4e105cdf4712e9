using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Plugins.Tests.Infrastructure;

/// <summary>Calls a tool through the MCP client and reads its answer the way a client would.</summary>
public static class ToolCallExtensions
{
    /// <summary>Calls <paramref name="tool"/> with <paramref name="arguments"/> (an anonymous object, a dictionary, or null) and returns the raw MCP result.</summary>
    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, object? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.CallToolAsync(tool, ToArguments(arguments));
    }

    /// <summary>Calls a tool that must succeed; returns its structured content (or its text parsed as JSON when it has none).</summary>
    public static async Task<JsonElement> CallJsonAsync(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.True(result.IsError is not true, $"{tool} failed: {TextOf(result)}");
        return JsonOf(result);
    }

    /// <summary>Calls a tool that must fail with <c>isError</c>; returns the error text.</summary>
    public static async Task<string> CallErrorAsync(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallAsync(tool, arguments);
        var text = TextOf(result);
        Assert.True(result.IsError is true, $"{tool} was expected to fail but returned: {text}");
        return text;
    }

    /// <summary>
    /// Calls a destructive tool through the host's confirmation step: the first call must answer a plan with a
    /// <c>confirmation_token</c> (and change nothing); the same call with that token runs the tool. Returns the second result.
    /// </summary>
    public static async Task<CallToolResult> CallConfirmedAsync(this McpClient client, string tool, IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var plan = await client.CallAsync(tool, arguments);
        var planText = TextOf(plan);
        Assert.True(plan.IsError is not true, $"{tool} refused to plan: {planText}");
        using var document = JsonDocument.Parse(planText);
        Assert.Equal("confirmation_required", document.RootElement.GetProperty("status").GetString());
        var confirmed = new Dictionary<string, object?>(arguments) { ["confirmation_token"] = document.RootElement.GetProperty("confirmation_token").GetString() };
        return await client.CallAsync(tool, confirmed);
    }

    /// <summary>The structured content of a successful result (or its text parsed as JSON).</summary>
    public static JsonElement JsonOf(CallToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = TextOf(result);
        Assert.True(result.IsError is not true, $"The call failed: {text}");
        if (result.StructuredContent is { } structured)
        {
            return structured.Clone();
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Every text block of a result, joined.</summary>
    public static string TextOf(CallToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
    }

    /// <summary>Calls a list tool page after page (following <c>next_token</c> until <c>has_more</c> is false) and returns every item and the number of pages.</summary>
    public static async Task<(IReadOnlyList<JsonElement> Items, int Pages)> CallAllPagesAsync(
        this McpClient client, string tool, IReadOnlyDictionary<string, object?> arguments, int maxPages = 100)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var items = new List<JsonElement>();
        string? token = null;
        for (var pages = 1; pages <= maxPages; pages++)
        {
            var page = new Dictionary<string, object?>(arguments);
            if (token is not null)
            {
                page["next_token"] = token;
            }

            var result = await client.CallJsonAsync(tool, page);
            items.AddRange(result.GetProperty("items").EnumerateArray());
            var hasMore = result.GetProperty("has_more").GetBoolean();
            token = result.TryGetProperty("next_token", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            Assert.Equal(hasMore, token is not null);
            if (!hasMore)
            {
                return (items, pages);
            }
        }

        Assert.Fail($"{tool} still had more pages after {maxPages}.");
        return default;
    }

    /// <summary>The string values of <paramref name="property"/> in every element.</summary>
    public static IReadOnlyList<string> Strings(this IEnumerable<JsonElement> elements, string property) =>
        [.. elements.Select(element => element.GetProperty(property).GetString() ?? string.Empty)];

    private static Dictionary<string, object?>? ToArguments(object? arguments) => arguments switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> dictionary => new Dictionary<string, object?>(dictionary),
        _ => JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone()),
    };
}
