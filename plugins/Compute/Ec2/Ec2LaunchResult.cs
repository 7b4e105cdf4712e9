namespace AwsMcp.Compute.Ec2;

/// <summary>The outcome of create_ec2_instance.</summary>
/// <param name="DryRun">True when AWS only checked the request (nothing was launched).</param>
/// <param name="Message">What happened, in a sentence.</param>
/// <param name="ImageId">The AMI used (resolved from the alias when one was given).</param>
/// <param name="ImageAlias">The alias given, if any.</param>
/// <param name="InstanceType">The instance type.</param>
/// <param name="ClientToken">The idempotency token sent to EC2: repeating the call with it returns the same instances.</param>
/// <param name="ReservationId">The reservation of the launched instances (absent for dry runs).</param>
/// <param name="Instances">The launched instances (empty for dry runs).</param>
/// <param name="Tags">The tags put on the instances and their volumes.</param>
public sealed record Ec2LaunchResult(
    bool DryRun,
    string Message,
    string ImageId,
    string? ImageAlias,
    string InstanceType,
    string ClientToken,
    string? ReservationId,
    IReadOnlyList<Ec2Instance> Instances,
    IReadOnlyDictionary<string, string> Tags);
