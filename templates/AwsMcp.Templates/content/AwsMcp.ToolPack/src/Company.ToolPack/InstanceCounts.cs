namespace Company.ToolPack;

/// <summary>How many EC2 instances a region has, by state.</summary>
/// <param name="Total">All instances, whatever their state.</param>
/// <param name="ByState">State name (running, stopped, ...) to the number of instances in it.</param>
public sealed record InstanceCounts(int Total, IReadOnlyDictionary<string, int> ByState);
