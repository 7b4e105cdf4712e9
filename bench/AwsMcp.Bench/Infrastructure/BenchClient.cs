using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Bench.Infrastructure;

/// <summary>The MCP SDK's client as every benchmark connects it.</summary>
internal static class BenchClient
{
    /// <summary>The handshake version most clients negotiate today; pinned so every server answers the same way.</summary>
    public const string ProtocolVersion = "2025-11-25";

    public static Task<McpClient> ConnectAsync(HttpClient http, Uri endpoint)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp },
            http,
            loggerFactory: null,
            ownsHttpClient: false);
        return McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "awsmcp-bench", Version = "1.0" },
            ProtocolVersion = ProtocolVersion,
        });
    }
}
