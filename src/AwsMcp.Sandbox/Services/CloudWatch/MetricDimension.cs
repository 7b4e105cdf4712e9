namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>A metric dimension, e.g. <c>InstanceId = i-0abc…</c>.</summary>
internal sealed record MetricDimension(string Name, string Value);
