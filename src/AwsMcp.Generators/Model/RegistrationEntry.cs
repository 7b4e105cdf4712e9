namespace AwsMcp.Generators.Model;

/// <summary>The little the registration class needs per tool, so it is regenerated only when the set of tools changes.</summary>
internal sealed record RegistrationEntry(string ToolName, string ClassName, string HolderTypeName, HolderCreation Holder);
