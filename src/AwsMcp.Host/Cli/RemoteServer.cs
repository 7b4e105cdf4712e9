using System.CommandLine;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Cli;

/// <summary>
/// <c>--url</c>: the one-shot commands as an MCP client of a running server (the official client over Streamable
/// HTTP), so that what they show is what that server serves to this caller, under its policy and audit.
/// </summary>
public static class RemoteServer
{
    /// <summary>
    /// Connects, runs <paramref name="command"/> with the client and returns its exit code; a server that cannot be
    /// reached or refuses is one line on the error output and <see cref="ExitCodes.ToolError"/>.
    /// </summary>
    public static async Task<int> RunAsync(
        ParseResult parseResult, Uri url, string? apiKey, Func<McpClient, Task<int>> command, CancellationToken cancellationToken)
    {
        try
        {
            await using var client = await ConnectAsync(url, apiKey, cancellationToken);
            return await command(client);
        }
        catch (Exception ex) when (ex is HttpRequestException or McpException or IOException or TimeoutException)
        {
            parseResult.InvocationConfiguration.Error.WriteLine(Describe(url, ex));
            return ExitCodes.ToolError;
        }
    }

    private static async Task<McpClient> ConnectAsync(Uri url, string? apiKey, CancellationToken cancellationToken)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = url,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = apiKey is { Length: > 0 } ? new Dictionary<string, string> { ["X-Api-Key"] = apiKey } : null,
        });
        var options = new McpClientOptions { ClientInfo = new Implementation { Name = "awsmcp-cli", Version = Mcp.McpServerRegistration.ServerVersion } };
        return await McpClient.CreateAsync(transport, options, cancellationToken: cancellationToken);
    }

    /// <summary>The text of a tool result (its text blocks joined), and whether it is an error.</summary>
    public static (string Text, bool IsError) Read(CallToolResult result)
    {
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        if (text.Length == 0 && result.StructuredContent is { } structured)
        {
            text = structured.GetRawText();
        }

        return (text, result.IsError == true);
    }

    /// <summary>Arguments for the SDK client: the object's members as JSON values.</summary>
    public static Dictionary<string, object?> Arguments(JsonElement arguments) =>
        arguments.ValueKind == JsonValueKind.Object
            ? arguments.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal)
            : [];

    /// <summary>A connection failure as one line an operator can act on.</summary>
    private static string Describe(Uri url, Exception error) => error switch
    {
        HttpRequestException { StatusCode: System.Net.HttpStatusCode.Unauthorized } =>
            $"{url} refused the call: authentication required. Pass --api-key (or set AWSMCP_API_KEY).",
        HttpRequestException { StatusCode: System.Net.HttpStatusCode.Forbidden } =>
            $"{url} refused the call (403): the key lacks a scope, or the server does not accept this Host/Origin.",
        HttpRequestException { StatusCode: null } => $"Could not reach {url}: {error.Message}. Is the server running (awsmcp serve)?",
        McpProtocolException protocol => ServerSaid(protocol.Message),
        _ => $"{url}: {error.Message}",
    };

    // The SDK prefixes what the server answered with its own words; the server's sentence is what the operator needs.
    private static string ServerSaid(string message)
    {
        const string Marker = "(remote): ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? message : message[(at + Marker.Length)..];
    }
}
