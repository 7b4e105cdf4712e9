namespace AwsMcp.Host.Mcp.Http;

/// <summary>Where MCP is served over HTTP.</summary>
public static class McpEndpoint
{
    /// <summary>Streamable HTTP (and the prototype's <c>POST /</c>, forwarded here).</summary>
    public const string Path = "/mcp";
}
