namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>A resource tag.</summary>
internal sealed record Ec2Tag(string Key, string Value);
