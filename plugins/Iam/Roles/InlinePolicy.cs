using System.Text.Json;

namespace AwsMcp.Iam.Roles;

/// <summary>A policy embedded in a principal.</summary>
/// <param name="Document">The policy, decoded.</param>
public sealed record InlinePolicy(string Name, JsonElement Document);
