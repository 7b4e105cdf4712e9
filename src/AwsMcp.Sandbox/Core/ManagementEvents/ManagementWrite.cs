using System.Text.Json.Nodes;

namespace AwsMcp.Sandbox.Core.ManagementEvents;

/// <summary>What one write call named: the resources CloudTrail lists for it and its <c>requestParameters</c>.</summary>
public sealed record ManagementWrite(IReadOnlyList<TrailResource> Resources, JsonObject RequestParameters);
