namespace AwsMcp.Abstractions;

/// <summary>The MCP behaviour hints of a tool, as declared on <see cref="ToolAttribute"/>.</summary>
public sealed record ToolAnnotations(bool ReadOnly, bool Destructive, bool Idempotent, bool OpenWorld);
