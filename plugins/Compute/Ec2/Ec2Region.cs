namespace AwsMcp.Compute.Ec2;

/// <summary>An AWS region as EC2 reports it for this account.</summary>
/// <param name="Name">e.g. eu-west-1.</param>
/// <param name="OptInStatus">opt-in-not-required, opted-in or not-opted-in.</param>
/// <param name="Endpoint">The EC2 endpoint host.</param>
public sealed record Ec2Region(string Name, string? OptInStatus, string? Endpoint);
