namespace AwsMcp.Compute.Ec2;

/// <summary>Blast-radius limits of the EC2 tools.</summary>
internal static class Ec2Limits
{
    /// <summary>The most instances one call may start, stop, reboot, terminate or launch; larger changes are split on purpose.</summary>
    public const int MaxInstancesPerCall = 20;

    /// <summary>EC2 DescribeInstances accepts page sizes from 5 to 1000.</summary>
    public const int MinDescribePageSize = 5;

    public const int MaxDescribePageSize = 1000;

    public const string InstanceIdPattern = "i-[0-9a-f]{8,17}";
}
