namespace AwsMcp.Compute.Ec2;

/// <summary>The outcome of a start, stop, reboot or terminate request.</summary>
/// <param name="Action">start, stop, reboot or terminate.</param>
/// <param name="DryRun">True when AWS only checked the request (nothing changed).</param>
/// <param name="Message">What happened, in a sentence.</param>
/// <param name="Instances">The instances named in the request and, unless a dry run, their state change.</param>
public sealed record Ec2StateChangeResult(string Action, bool DryRun, string Message, IReadOnlyList<Ec2StateChange> Instances);
