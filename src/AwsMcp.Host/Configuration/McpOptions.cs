using ModelContextProtocol.AspNetCore;

namespace AwsMcp.Host.Configuration;

/// <summary>The MCP endpoint (<c>AwsMcp:Mcp</c>).</summary>
public sealed class McpOptions : IValidatableOptions
{
    public static string Section => ConfigurationSections.Mcp;

    /// <summary>
    /// Stateless by default: Copilot Studio re-initialises every turn and breaks on expired sessions. Stateful modes
    /// give <c>notifications/tools/list_changed</c> to clients that keep a session.
    /// </summary>
    public HttpServerSessionMode SessionMode { get; set; } = HttpServerSessionMode.Stateless;

    /// <summary>
    /// Answer stateless <c>tools/list</c> and <c>tools/call</c> requests in front of the MCP SDK (cached lists, arguments
    /// parsed once). Off sends them through the SDK like every other request; for diagnosis only.
    /// </summary>
    public bool FastPath { get; set; } = true;

    /// <summary>
    /// Largest message read from stdio (one JSON-RPC line); a longer one is refused with an error and never buffered.
    /// Over HTTP, <c>AwsMcp:Http:MaxRequestBodyBytes</c> bounds requests.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>How much of each input schema <c>tools/list</c> publishes: <c>Lean</c> (default) or <c>Full</c>.</summary>
    public Mcp.InputSchemaDetail InputSchemas { get; set; } = Mcp.InputSchemaDetail.Lean;

    /// <summary>How much of each output schema <c>tools/list</c> publishes: <c>Compact</c> (default), <c>Full</c> or <c>None</c>.</summary>
    public Mcp.OutputSchemaDetail OutputSchemas { get; set; } = Mcp.OutputSchemaDetail.Compact;

    /// <summary>How often subscribed resources are read again to tell their subscribers about a change (5 to 3600 seconds).</summary>
    public int ResourcePollSeconds { get; set; } = 60;

    /// <summary>The server name reported to clients.</summary>
    public string ServerName { get; set; } = "awsmcp";

    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(SessionMode))
        {
            yield return $"SessionMode must be Stateless, Stateful or StatefulForInitializeClients (was {SessionMode}).";
        }

        if (MaxMessageBytes is < 4096 or > 100 * 1024 * 1024)
        {
            yield return $"MaxMessageBytes must be between 4096 and 104857600 (was {MaxMessageBytes}).";
        }

        if (ResourcePollSeconds is < 5 or > 3600)
        {
            yield return $"ResourcePollSeconds must be between 5 and 3600 (was {ResourcePollSeconds}).";
        }

        if (string.IsNullOrWhiteSpace(ServerName))
        {
            yield return "ServerName must not be empty.";
        }
    }
}
