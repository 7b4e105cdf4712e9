using System.Text.Json;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.ToolCalls;

/// <summary>A request to call a tool, as it arrives from any channel.</summary>
/// <param name="ToolName">The tool to call.</param>
/// <param name="Arguments">The arguments as sent; null means none.</param>
/// <param name="Caller">Who is calling.</param>
/// <param name="Channel">Which front door the call came through.</param>
public sealed record ToolCallRequest(string ToolName, JsonElement? Arguments, CallerIdentity Caller, ToolCallChannel Channel);
