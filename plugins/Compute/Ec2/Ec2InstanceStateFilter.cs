namespace AwsMcp.Compute.Ec2;

/// <summary>Instance states a listing can be narrowed to.</summary>
public enum Ec2InstanceStateFilter
{
    Pending,
    Running,
    ShuttingDown,
    Terminated,
    Stopping,
    Stopped,
}
