namespace AwsMcp.Host.Tools;

/// <summary>One atomic change of the served tool set: a plugin was added, replaced or removed.</summary>
public sealed record ToolRegistryChange(IReadOnlyList<ServedTool> Added, IReadOnlyList<ServedTool> Removed);
