namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>One AWS API request a tool made, as it reported it.</summary>
public sealed record AwsRequestRecord(string Service, string Operation, string? RequestId);
