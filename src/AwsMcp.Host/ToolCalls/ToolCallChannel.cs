namespace AwsMcp.Host.ToolCalls;

/// <summary>Which front door a call came through; every one of them goes through the same <see cref="ToolCallPipeline"/>.</summary>
public enum ToolCallChannel
{
    /// <summary>MCP over Streamable HTTP or stdio.</summary>
    Mcp,

    /// <summary>The prototype's plain JSON-RPC endpoints (<c>POST /mcp/tools/call</c>).</summary>
    PrototypeHttp,

    /// <summary>The <c>awsmcp call</c> command.</summary>
    CommandLine,
}
