namespace AwsMcp.Generators.Model;

/// <param name="Name">The C# member name.</param>
/// <param name="JsonName">The value in JSON (the member name in snake_case).</param>
internal sealed record EnumMember(string Name, string JsonName);
