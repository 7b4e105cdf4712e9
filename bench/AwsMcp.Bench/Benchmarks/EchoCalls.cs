using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Bench.Benchmarks;

/// <summary>Calls <c>echo</c> and makes sure a benchmark measures the successful path, not an error.</summary>
internal static class EchoCalls
{
    public static async Task<CallToolResult> CallAsync(McpClient client)
    {
        var result = await client.CallToolAsync(EchoArguments.Tool, EchoArguments.ForClient);
        return result.IsError == true ? throw new InvalidOperationException($"echo failed: {Describe(result)}") : result;
    }

    /// <summary>Runs <paramref name="calls"/> calls one after the other on one client.</summary>
    public static async Task CallManyAsync(McpClient client, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            await CallAsync(client);
        }
    }

    private static string Describe(CallToolResult result) =>
        string.Join(" ", result.Content.OfType<TextContentBlock>().Select(block => block.Text));
}
