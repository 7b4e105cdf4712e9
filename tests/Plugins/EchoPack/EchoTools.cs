using AwsMcp.Abstractions;

namespace EchoPack;

/// <summary>What <c>echo</c> returns.</summary>
/// <param name="Echo">The text, possibly upper-cased.</param>
/// <param name="Plugin">The plugin that answered.</param>
public sealed record EchoResult(string Echo, string Plugin);

/// <summary>Tools that exercise every path of the host's call pipeline.</summary>
public sealed class EchoTools(ToolPackContext context)
{
    /// <summary>Echoes the text back. Use to check the server works.</summary>
    /// <param name="text">The text to echo.</param>
    /// <param name="upper">Upper-case it.</param>
    [Tool(ReadOnly = true, Idempotent = true, OpenWorld = false, Title = "Echo")]
    public Task<EchoResult> EchoAsync(string text, bool upper = false) =>
        Task.FromResult(new EchoResult(upper ? EchoHelpers.Shouting.Shout(text) : text, context.PluginName));

    /// <summary>Describes things by id, in the call's region. Use to check argument validation and region resolution.</summary>
    /// <param name="thingIds">The things to describe.</param>
    /// <param name="toolContext">The call context.</param>
    [AwsTarget]
    [Tool(ReadOnly = true)]
    public static Task<string> DescribeThingsAsync([TargetResource] string[] thingIds, ToolContext toolContext)
    {
        toolContext.Audit.AwsRequest("things", "DescribeThings", "req-1");
        return Task.FromResult($"{thingIds.Length} thing(s) in {toolContext.Region ?? "no region"} ({toolContext.Account ?? "own account"})");
    }

    /// <summary>Waits, honouring cancellation. Use to check that cancelling a call reaches the tool.</summary>
    /// <param name="seconds">How long to wait.</param>
    /// <param name="cancellationToken">Cancelled when the client cancels.</param>
    [Tool(ReadOnly = true)]
    public static async Task<string> SlowAsync(int seconds, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        return $"waited {seconds}s";
    }

    /// <summary>Returns a large text. Use to check the output size guard.</summary>
    /// <param name="kilobytes">How much text to return.</param>
    /// <param name="maxResults">A narrowing argument the size guard should suggest.</param>
    [Tool(ReadOnly = true)]
    public static Task<string> HugeAsync(int kilobytes, [Narrows] int maxResults = 10) =>
        Task.FromResult(new string('x', kilobytes * 1024));

    /// <summary>Tags a thing. Changes state, so it is refused unless writes are enabled.</summary>
    /// <param name="thingId">The thing to tag.</param>
    [Tool(Idempotent = true)]
    public static Task<string> TagThingAsync([TargetResource] string thingId) => Task.FromResult($"tagged {thingId}");

    /// <summary>Tags several things at once. Use to check the cap on resources one call may change.</summary>
    /// <param name="thingIds">The things to tag.</param>
    [Tool(Idempotent = true)]
    public static Task<string> TagThingsAsync([TargetResource] string[] thingIds) => Task.FromResult($"tagged {thingIds.Length} thing(s)");

    /// <summary>Makes several new things. Use to check that a declared count is capped like ids are.</summary>
    /// <param name="count">How many things to make.</param>
    [Tool(Idempotent = false)]
    public static Task<string> MakeThingsAsync([ResourceCount] int count) => Task.FromResult($"made {count} thing(s)");

    /// <summary>Tags a thing and reports every thing there is: a change whose answer can be larger than the output limit.</summary>
    /// <param name="thingId">The thing to tag.</param>
    /// <param name="total">How many things to report.</param>
    [Tool(Idempotent = true)]
    public static Task<ThingReport> TagAndReportAsync([TargetResource] string thingId, int total) =>
        Task.FromResult(new ThingReport($"tagged {thingId}", [.. Enumerable.Range(0, total).Select(i => $"thing-{i:D6}-with-a-rather-long-name")]));

    /// <summary>Deletes a thing for good.</summary>
    /// <param name="thingId">The thing to delete.</param>
    /// <param name="dryRun">Only check; delete nothing.</param>
    [Tool(Destructive = true)]
    public static Task<string> DeleteThingAsync([TargetResource] string thingId, [DryRun] bool dryRun = false) =>
        Task.FromResult(dryRun ? $"would delete {thingId}" : $"deleted {thingId}");

    /// <summary>Fails the way tools report problems the caller can fix.</summary>
    [Tool(ReadOnly = true)]
    public static Task<string> FailAsync() => throw new ToolException("the thing is not empty; empty it first");

    /// <summary>Fails with an unexpected exception whose message must not reach the caller.</summary>
    [Tool(ReadOnly = true)]
    public static Task<string> CrashAsync() => throw new InvalidOperationException("secret internal detail");

    /// <summary>Rejects an argument the way the generated binder does.</summary>
    /// <param name="thingId">Must start with t-.</param>
    [Tool(ReadOnly = true)]
    public static Task<string> CheckThingAsync(string thingId) =>
        thingId.StartsWith("t-", StringComparison.Ordinal)
            ? Task.FromResult("ok")
            : throw new ToolArgumentException("thing_id", "must start with 't-'");
}

/// <summary>What <c>tag_and_report</c> returns.</summary>
/// <param name="Message">What changed.</param>
/// <param name="Things">Every thing there is.</param>
public sealed record ThingReport(string Message, IReadOnlyList<string> Things);

/// <summary>
/// Things that live in a region of their own, named <c>region/id</c>, like S3 buckets: the tools locate it, so the host
/// authorises, plans and audits the real region; and a tool that reaches a second region through <c>Retarget</c>.
/// </summary>
[AwsTarget]
public sealed class RegionalThingTools
{
    /// <summary>Deletes a regional thing for good, in its own region.</summary>
    /// <param name="thing">The thing, as region/id.</param>
    /// <param name="context">The call.</param>
    [AwsTarget(RegionLocator = nameof(LocateAsync))]
    [Tool(Destructive = true)]
    public Task<string> DeleteRegionalThingAsync([TargetResource] string thing, ToolContext context) =>
        Task.FromResult($"deleted {thing} in {context.Region}");

    /// <summary>Reads a regional thing in its own region.</summary>
    /// <param name="thing">The thing, as region/id.</param>
    /// <param name="context">The call.</param>
    [AwsTarget(RegionLocator = nameof(LocateAsync))]
    [Tool(ReadOnly = true)]
    public Task<string> ReadRegionalThingAsync([TargetResource] string thing, ToolContext context) =>
        Task.FromResult($"read {thing} in {context.Region}");

    /// <summary>Copies a thing into another region: the second region is reached through Retarget, which policy checks.</summary>
    /// <param name="thingId">The thing.</param>
    /// <param name="toRegion">Where the copy goes.</param>
    /// <param name="context">The call.</param>
    [Tool(Idempotent = true)]
    public Task<string> CopyThingAsync([TargetResource] string thingId, string toRegion, ToolContext context)
    {
        var there = context.Retarget(toRegion);
        return Task.FromResult($"copied {thingId} from {context.Region} to {there.Region}");
    }

    /// <summary>The region of a thing: the part before its slash.</summary>
    public Task<string> LocateAsync(string thing) =>
        thing.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash
            ? Task.FromResult(thing[..slash])
            : throw new ToolException($"Thing '{thing}' does not exist.");
}
