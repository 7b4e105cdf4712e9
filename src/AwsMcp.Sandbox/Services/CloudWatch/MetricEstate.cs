using System.Collections.Concurrent;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Services.Ec2;
using AwsMcp.Sandbox.Services.Lambda;

namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>
/// What CloudWatch knows of an account in a region: the resources publishing metrics (the EC2 instances the EC2
/// emulator holds now, including ones launched through it, and the seeded Lambda functions) and the seeded alarms.
/// </summary>
internal sealed class MetricEstate(SandboxContext context)
{
    private readonly Ec2Estate _ec2 = Ec2Estate.For(context);
    private readonly IReadOnlyList<LambdaFunction> _functions = LambdaSeed.Functions(context.SeedTime);
    private readonly ConcurrentDictionary<(string Account, string Region), Lazy<IReadOnlyList<MetricAlarm>>> _alarms = new();

    public static MetricEstate For(SandboxContext context) => context.Shared(static c => new MetricEstate(c));

    /// <summary>The resources that published metrics in the account and region, instances first.</summary>
    public IReadOnlyList<MetricResource> Resources(string account, string region)
    {
        var pegged = context.SeedTime - CloudWatchSeed.PeggedFor;
        var state = _ec2.Region(account, region);
        List<MetricResource> resources;
        lock (state.Gate)
        {
            resources = [.. state.Instances.Select(instance => new MetricResource(
                MetricDefinition.Ec2,
                "InstanceId",
                instance.InstanceId,
                instance.LaunchTime,
                instance.TerminatedAt ?? instance.StoppedAt,
                CloudWatchSeed.ProfileOf(account, region, NameOf(instance) ?? instance.InstanceId),
                pegged))];
        }

        resources.AddRange(_functions
            .Where(function => function.Account == account && function.Region == region)
            .Select(function => new MetricResource(
                MetricDefinition.Lambda,
                "FunctionName",
                function.Name,
                DateTimeOffset.MinValue,
                null,
                CloudWatchSeed.ProfileOf(account, region, function.Name),
                DateTimeOffset.MinValue)));
        return resources;
    }

    /// <summary>The alarms of the account in the region, by name.</summary>
    public IReadOnlyList<MetricAlarm> Alarms(string account, string region) =>
        _alarms.GetOrAdd((account, region), key => new Lazy<IReadOnlyList<MetricAlarm>>(() =>
            CloudWatchSeed.Alarms(key.Account, key.Region, context.SeedTime, name => InstanceIdOf(key.Account, key.Region, name)))).Value;

    private string? InstanceIdOf(string account, string region, string name)
    {
        var state = _ec2.Region(account, region);
        lock (state.Gate)
        {
            return state.Instances.FirstOrDefault(instance => NameOf(instance) == name)?.InstanceId;
        }
    }

    private static string? NameOf(Ec2Instance instance) => instance.Tags.FirstOrDefault(tag => tag.Key == "Name")?.Value;
}
