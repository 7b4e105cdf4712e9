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
    /// <param name="region">The region; the server default when absent.</param>
    /// <param name="toolContext">The call context.</param>
    [Tool(ReadOnly = true)]
    public static Task<string> DescribeThingsAsync(string[] thingIds, ToolContext toolContext, string? region = null)
    {
        toolContext.Audit.AwsRequest("things", "DescribeThings", "req-1");
        return Task.FromResult($"{thingIds.Length} thing(s) in {toolContext.Region ?? "no region"} ({region ?? "default"})");
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
    public static Task<string> HugeAsync(int kilobytes, int maxResults = 10) =>
        Task.FromResult(new string('x', kilobytes * 1024));

    /// <summary>Tags a thing. Changes state, so it is refused unless writes are enabled.</summary>
    /// <param name="thingId">The thing to tag.</param>
    [Tool(Idempotent = true)]
    public static Task<string> TagThingAsync(string thingId) => Task.FromResult($"tagged {thingId}");

    /// <summary>Tags several things at once. Use to check the cap on resources one call may change.</summary>
    /// <param name="thingIds">The things to tag.</param>
    [Tool(Idempotent = true)]
    public static Task<string> TagThingsAsync(string[] thingIds) => Task.FromResult($"tagged {thingIds.Length} thing(s)");

    /// <summary>Deletes a thing for good.</summary>
    /// <param name="thingId">The thing to delete.</param>
    [Tool(Destructive = true)]
    public static Task<string> DeleteThingAsync(string thingId) => Task.FromResult($"deleted {thingId}");

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
