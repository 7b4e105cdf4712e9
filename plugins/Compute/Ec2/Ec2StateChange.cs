namespace AwsMcp.Compute.Ec2;

/// <summary>What one instance did in a start, stop, reboot or terminate request.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="PreviousState">Its state before the request (absent for reboot and dry runs).</param>
/// <param name="CurrentState">Its state right after the request (absent for reboot and dry runs).</param>
public sealed record Ec2StateChange(string InstanceId, string? PreviousState, string? CurrentState);
