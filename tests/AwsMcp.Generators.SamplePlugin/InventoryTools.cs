using System.ComponentModel.DataAnnotations;
using AwsMcp.Abstractions;

namespace AwsMcp.Generators.SamplePlugin;

/// <summary>The state of a sample instance.</summary>
public enum InstanceState
{
    Pending,
    Running,
    ShuttingDown,
}

/// <summary>A filter on instance attributes.</summary>
/// <param name="Name">The attribute to filter on.</param>
/// <param name="Values">Accepted values.</param>
public sealed record Filter([property: StringLength(64, MinimumLength = 1)] string Name, IReadOnlyList<string> Values);

/// <summary>One instance.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="State">Its state.</param>
/// <param name="Tags">Its tags.</param>
public sealed record Instance(string InstanceId, InstanceState State, IReadOnlyDictionary<string, string> Tags);

/// <summary>A page of instances.</summary>
/// <param name="Instances">The instances on this page.</param>
/// <param name="NextToken">Pass to get the next page; absent on the last page.</param>
public sealed record InstancePage(IReadOnlyList<Instance> Instances, string? NextToken);

/// <summary>Sample tools used by the generator's end-to-end tests.</summary>
public sealed class InventoryTools(ToolPackContext context)
{
    /// <summary>Lists sample instances.</summary>
    /// <param name="filters">Filters; all must match.</param>
    /// <param name="state">Only instances in this state.</param>
    /// <param name="maxResults">Page size.</param>
    /// <param name="nextToken">The token of the previous page.</param>
    [Tool(ReadOnly = true, Idempotent = true, Title = "List instances")]
    public Task<InstancePage> ListInstancesAsync(
        Filter[]? filters = null,
        InstanceState? state = null,
        [Range(1, 1000)] int maxResults = 50,
        string? nextToken = null,
        CancellationToken cancellationToken = default)
    {
        var instance = new Instance("i-1", state ?? InstanceState.Running, new Dictionary<string, string> { ["plugin"] = context.PluginName });
        return Task.FromResult(new InstancePage([.. Enumerable.Repeat(instance, Math.Min(maxResults, (filters?.Length ?? 0) + 1))], nextToken));
    }

    /// <summary>Says hello to the caller.</summary>
    /// <param name="name">Who to greet.</param>
    [Tool]
    public static ValueTask<string> GreetAsync(string name, ToolContext context) =>
        ValueTask.FromResult($"Hello {name} from {context.Caller.Id}");
}

/// <summary>Sample tools that declare their AWS target, resources and counts.</summary>
[AwsTarget]
public sealed class FleetTools
{
    /// <summary>Stops sample instances.</summary>
    /// <param name="instanceIds">The instances to stop.</param>
    /// <param name="force">Stop without a clean shutdown.</param>
    [Tool(ReadOnly = false, Idempotent = true)]
    public Task<string> StopInstancesAsync([TargetResource, MinLength(1)] IReadOnlyList<string> instanceIds, ToolContext context, bool force = false) =>
        Task.FromResult($"stopping {instanceIds.Count} in {context.Region} of {context.Account ?? "own"} (force {force})");

    /// <summary>Launches sample instances.</summary>
    /// <param name="count">How many.</param>
    /// <param name="name">Their Name tag.</param>
    [Tool(ReadOnly = false)]
    public Task<string> LaunchInstancesAsync([ResourceCount, Range(1, 50)] int count, [TargetResource] string? name = null) =>
        Task.FromResult($"launching {count}");

    /// <summary>Deletes a sample bucket, in the bucket's own region.</summary>
    /// <param name="bucketName">The bucket.</param>
    [AwsTarget(RegionLocator = nameof(LocateBucketAsync))]
    [Tool(ReadOnly = false, Destructive = true)]
    public Task<string> DeleteBucketAsync([TargetResource] string bucketName, ToolContext context) =>
        Task.FromResult($"deleted {bucketName} in {context.Region}");

    /// <summary>Sample buckets named eu-* live in eu-west-1, others in us-east-1.</summary>
    public Task<string> LocateBucketAsync(ToolContext context, string bucketName) =>
        Task.FromResult(bucketName.StartsWith("eu-", StringComparison.Ordinal) ? "eu-west-1" : "us-east-1");
}
