using System.ComponentModel.DataAnnotations;
using Amazon.EC2.Model;
using Amazon.Runtime;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Ec2;

/// <summary>
/// EC2 tools that change instances: start, stop, reboot, terminate. The host offers them only when writes are
/// enabled; each takes at most <see cref="Ec2Limits.MaxInstancesPerCall"/> instances and supports EC2's dry run.
/// </summary>
[Toolset("ec2")]
[AwsTarget]
public sealed class InstanceChangeTools(ToolPackContext pack)
{
    private readonly AwsClientFactory _aws = AwsClientFactory.For(pack);

    /// <summary>
    /// Starts stopped EC2 instances. Use when asked to start or bring back instances; dry_run=true only checks that
    /// the request would be allowed. Starting a running instance changes nothing.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="instanceIds">The instances to start (at most 20).</param>
    /// <param name="dryRun">Only check permissions and parameters; change nothing.</param>
    [Tool("start_ec2_instances", Title = "Start EC2 instances", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    public Task<Ec2StateChangeResult> StartInstancesAsync(
        ToolContext ctx,
        [TargetResource, MinLength(1), MaxLength(Ec2Limits.MaxInstancesPerCall)] IReadOnlyList<string> instanceIds,
        [DryRun] bool dryRun = false) =>
        ChangeAsync(
            ctx,
            "start",
            "StartInstances",
            instanceIds,
            dryRun,
            (ids, dry, ct) => _aws.Ec2(ctx).StartInstancesAsync(new StartInstancesRequest { InstanceIds = ids, DryRun = dry }, ct),
            response => response.StartingInstances);

    /// <summary>
    /// Stops running EC2 instances (their instance-store data is lost; EBS volumes stay). Use when asked to stop or
    /// shut down instances; dry_run=true only checks that the request would be allowed.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="instanceIds">The instances to stop (at most 20).</param>
    /// <param name="force">Force the stop without a clean OS shutdown (only for instances stuck in stopping).</param>
    /// <param name="dryRun">Only check permissions and parameters; change nothing.</param>
    [Tool("stop_ec2_instances", Title = "Stop EC2 instances", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    public Task<Ec2StateChangeResult> StopInstancesAsync(
        ToolContext ctx,
        [TargetResource, MinLength(1), MaxLength(Ec2Limits.MaxInstancesPerCall)] IReadOnlyList<string> instanceIds,
        bool force = false,
        [DryRun] bool dryRun = false) =>
        ChangeAsync(
            ctx,
            "stop",
            "StopInstances",
            instanceIds,
            dryRun,
            (ids, dry, ct) => _aws.Ec2(ctx).StopInstancesAsync(new StopInstancesRequest { InstanceIds = ids, Force = force, DryRun = dry }, ct),
            response => response.StoppingInstances);

    /// <summary>
    /// Reboots running EC2 instances (an OS restart; the instances keep their state and addresses). Use when asked to
    /// restart instances; dry_run=true only checks that the request would be allowed.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="instanceIds">The instances to reboot (at most 20).</param>
    /// <param name="dryRun">Only check permissions and parameters; change nothing.</param>
    [Tool("reboot_ec2_instances", Title = "Reboot EC2 instances", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    public Task<Ec2StateChangeResult> RebootInstancesAsync(
        ToolContext ctx,
        [TargetResource, MinLength(1), MaxLength(Ec2Limits.MaxInstancesPerCall)] IReadOnlyList<string> instanceIds,
        [DryRun] bool dryRun = false) =>
        ChangeAsync(
            ctx,
            "reboot",
            "RebootInstances",
            instanceIds,
            dryRun,
            (ids, dry, ct) => _aws.Ec2(ctx).RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = ids, DryRun = dry }, ct),
            _ => null);

    /// <summary>
    /// Terminates EC2 instances: they are shut down and deleted, with their instance-store data and any EBS volumes
    /// set to delete on termination. This cannot be undone. Use only when explicitly asked to terminate or delete
    /// instances; run with dry_run=true first to check.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="instanceIds">The instances to terminate (at most 20).</param>
    /// <param name="dryRun">Only check permissions and parameters; change nothing.</param>
    [Tool("terminate_ec2_instances", Title = "Terminate EC2 instances", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    public Task<Ec2StateChangeResult> TerminateInstancesAsync(
        ToolContext ctx,
        [TargetResource, MinLength(1), MaxLength(Ec2Limits.MaxInstancesPerCall)] IReadOnlyList<string> instanceIds,
        [DryRun] bool dryRun = false) =>
        ChangeAsync(
            ctx,
            "terminate",
            "TerminateInstances",
            instanceIds,
            dryRun,
            (ids, dry, ct) => _aws.Ec2(ctx).TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ids, DryRun = dry }, ct),
            response => response.TerminatingInstances);

    /// <summary>
    /// One state change for every tool: validates the ids, then either asks EC2 for a dry run or makes the change and
    /// reports each instance's previous and current state (<paramref name="changes"/> answers null when EC2 reports none).
    /// </summary>
    private async Task<Ec2StateChangeResult> ChangeAsync<TResponse>(
        ToolContext ctx,
        string action,
        string operation,
        IReadOnlyList<string> instanceIds,
        bool dryRun,
        Func<List<string>, bool, CancellationToken, Task<TResponse>> call,
        Func<TResponse, List<InstanceStateChange>?> changes)
        where TResponse : AmazonWebServiceResponse
    {
        // The count is already bounded by [MaxLength] (checked by the host's schema validation and by the invoker).
        var ids = InstanceIds.Validate(instanceIds);
        foreach (var id in ids)
        {
            ctx.Audit.Resource(id);
        }

        var target = _aws.Target(ctx, "ec2", operation);
        if (dryRun)
        {
            await Ec2DryRun.CheckAsync(ctx, target, ct => call(ids, true, ct));
            return new Ec2StateChangeResult(
                action,
                DryRun: true,
                $"Dry run: AWS says the request to {action} {Describe(ids)} in {target.Where} would succeed. Nothing was changed.",
                [.. ids.Select(id => new Ec2StateChange(id, null, null))]);
        }

        var response = await AwsCall.SdkAsync(ctx, target, ct => call(ids, false, ct));
        var reported = changes(response) is { } changed
            ? changed.Select(item => new Ec2StateChange(item.InstanceId, item.PreviousState?.Name?.Value, item.CurrentState?.Name?.Value)).ToList()
            : [.. ids.Select(id => new Ec2StateChange(id, null, null))];
        return new Ec2StateChangeResult(action, DryRun: false, $"Asked EC2 to {action} {Describe(ids)} in {target.Where}.", reported);
    }

    private static string Describe(IReadOnlyList<string> ids) =>
        ids.Count == 1 ? "instance " + ids[0] : $"{ids.Count} instances ({string.Join(", ", ids)})";
}
