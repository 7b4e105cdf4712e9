namespace Company.ToolPack;

/// <summary>An EC2 instance in brief.</summary>
/// <param name="InstanceId">e.g. i-0abc12345def67890.</param>
/// <param name="InstanceType">e.g. t3.micro.</param>
/// <param name="State">pending, running, stopping, stopped, ...</param>
public sealed record InstanceSummary(string InstanceId, string InstanceType, string State);
