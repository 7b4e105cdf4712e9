using System.ComponentModel.DataAnnotations;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Iam.Activity;

/// <summary>Who did what in the account: CloudTrail management events (read-only; events are per region).</summary>
/// <remarks>
/// Every tool takes <c>region</c> and <c>account</c>, resolved by the host into the <see cref="ToolContext"/>; <c>lookup_cloudtrail_events</c> fans out
/// instead (<c>regions</c>, <c>accounts</c>): the host calls it once per target, each with its own context, and merges the
/// pages.
/// </remarks>
[Toolset("cloudtrail")]
[AwsTarget]
public sealed class ActivityTools(ToolPackContext pack)
{
    /// <summary>The most events explain_resource_changes reads: 10 requests of 50, enough for one resource's window.</summary>
    public const int MaxExplainedEvents = PageCollector.MaxRequestsPerPage * TrailApi.MaxPageSize;

    /// <summary>The longest request parameters shown per change: enough for what changed, not a policy document.</summary>
    public const int MaxParameterChars = 300;

    private readonly TrailApi _trail = TrailApi.For(pack);
    private readonly TimeProvider _time = TimeProvider.System;

    /// <summary>
    /// CloudTrail events, newest first. Use for who did what.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="resourceName">Instance id, bucket or function.</param>
    /// <param name="username"></param>
    /// <param name="eventName">e.g. StopInstances.</param>
    /// <param name="readOnly">false: changes only.</param>
    /// <param name="startTime">ISO 8601, within 90 days; default: end_time - 24h.</param>
    /// <param name="endTime"></param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [AwsTarget(FanOut = true)]
    [Tool("lookup_cloudtrail_events", Title = "Look up CloudTrail events", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<ToolPage<TrailEvent>> LookupEventsAsync(
        ToolContext ctx,
        [Narrows, StringLength(2000, MinimumLength = 1)] string? resourceName = null,
        [Narrows, StringLength(2000, MinimumLength = 1)] string? username = null,
        [Narrows, StringLength(2000, MinimumLength = 1)] string? eventName = null,
        [Narrows] bool? readOnly = null,
        [Narrows] DateTimeOffset? startTime = null,
        [Narrows] DateTimeOffset? endTime = null,
        [Narrows, PageSize, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        var window = TrailWindow.Resolve(startTime, endTime, _time, ToolPageToken.Parse(nextToken).Scope);
        var filter = new TrailFilter(resourceName, username, eventName, readOnly);
        if (resourceName is not null)
        {
            ctx.Audit.Resource(resourceName);
        }

        return await PageCollector.CollectAsync(nextToken, limit, (1, TrailApi.MaxPageSize), async (token, size) =>
        {
            var page = await _trail.LookupAsync(ctx, window, filter.Attribute, size, token);
            return new AwsPage<TrailEvent>([.. page.Items.Select(item => item.Event).Where(filter.Matches)], page.NextToken);
        }, window.ToPageScope());
    }

    /// <summary>
    /// Who changed a resource, what and when, failed attempts included. Use for what changed on it.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="resourceName">Instance id, bucket, function or role name.</param>
    /// <param name="startTime">ISO 8601, within 90 days; default: end_time - 24h.</param>
    /// <param name="endTime"></param>
    /// <param name="latest"></param>
    [Tool("explain_resource_changes", Title = "Explain a resource's changes", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<ResourceChanges> ExplainResourceChangesAsync(
        ToolContext ctx,
        [TargetResource, StringLength(2000, MinimumLength = 1)] string resourceName,
        DateTimeOffset? startTime = null,
        DateTimeOffset? endTime = null,
        [Range(1, 50)] int latest = 10)
    {
        var window = TrailWindow.Resolve(startTime, endTime, _time);
        ctx.Audit.Resource(resourceName);
        var changes = new List<(TrailEvent Event, string? Parameters)>();
        string? token = null;
        var read = 0;
        do
        {
            var page = await _trail.LookupAsync(ctx, window, ("ResourceName", resourceName), TrailApi.MaxPageSize, token);
            read += page.Items.Count;
            changes.AddRange(page.Items.Where(item => !item.Event.ReadOnly));
            token = page.NextToken;
        }
        while (token is not null && read < MaxExplainedEvents);

        return ResourceChanges.Summarize(resourceName, window, changes, latest, complete: token is null, MaxParameterChars);
    }
}
