namespace AwsMcp.Generators.Model;

/// <summary>The behaviour hints declared on <c>[Tool]</c>.</summary>
internal sealed record ToolAnnotationsSpec(bool ReadOnly, bool Destructive, bool Idempotent, bool OpenWorld);
