using System.Globalization;
using System.Text;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Output;

/// <summary>
/// Withholds a result larger than <c>AwsMcp:Tools:MaxOutputBytes</c> and tells the caller how to narrow the request.
/// Truncating silently would hand a model half a list it believes is complete.
/// </summary>
public sealed class OutputGuard(IOptionsMonitor<ToolOptions> options) : IToolCallStep
{
    // Argument names that, by convention across AwsMcp tools, narrow or page a result.
    private static readonly string[] NarrowingHints = ["max", "limit", "filter", "prefix", "page", "next_token", "query", "start", "end"];

    public async ValueTask<ToolResult> InvokeAsync(ToolCall call, ToolCallHandler next)
    {
        var result = await next(call);
        if (result.IsError)
        {
            return result;
        }

        var limit = options.CurrentValue.MaxOutputBytes;
        var size = Encoding.UTF8.GetByteCount(result.Text) + (result.Structured is { } structured ? Encoding.UTF8.GetByteCount(structured.GetRawText()) : 0);
        if (size <= limit)
        {
            return result;
        }

        call.Outcome = ToolCallOutcome.TooLarge;
        return ToolResult.Error(string.Create(
            CultureInfo.InvariantCulture,
            $"The result of '{call.Tool.Name}' is too large to return ({size:N0} bytes; this server returns at most {limit:N0}). {HowToNarrow(call.Tool.InputSchema)}"));
    }

    private static string HowToNarrow(JsonElement inputSchema)
    {
        var arguments = inputSchema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Select(p => p.Name).Where(name => NarrowingHints.Any(hint => name.Contains(hint, StringComparison.OrdinalIgnoreCase))).ToList()
            : [];
        return arguments.Count > 0
            ? $"Narrow the request with {string.Join(", ", arguments)}."
            : "Narrow the request with more specific arguments.";
    }
}
