using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Redaction;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Logs;

/// <summary>CloudWatch Logs tools: log groups, streams and filtered events.</summary>
/// <remarks>
/// Every tool takes <c>region</c> and <c>account</c>, resolved by the host into the <see cref="ToolContext"/>; <c>list_log_groups</c> fans out
/// instead (<c>regions</c>, <c>accounts</c>): the host calls it once per target, each with its own context, and merges the
/// pages.
/// </remarks>
[Toolset("logs")]
[AwsTarget]
public sealed class LogTools(ToolPackContext pack)
{
    /// <summary>Longer messages are cut: one stack trace should not crowd out the other events.</summary>
    public const int MaxMessageChars = 2000;

    /// <summary>Message text per page: the host refuses results over its output cap, so a page of long messages ends early (has_more stays true).</summary>
    public const int MaxPageMessageBytes = 20_000;

    /// <summary>Events the recent-events resource shows: enough to see what a group logs now, few enough for any context.</summary>
    public const int MaxRecentEvents = 50;

    // DescribeLogGroups and DescribeLogStreams take 1 to 50 per page; FilterLogEvents up to 10,000.
    private const int MaxDescribePageSize = 50;
    private const int MaxFilterPageSize = 10_000;

    /// <summary>
    /// Streams the recent-events resource reads: AWS updates a stream's last event time lazily (within about an hour),
    /// so the newest events may sit in any of the few most recently written streams, not only the first.
    /// </summary>
    private const int RecentStreams = 5;

    private readonly LogsApi _logs = LogsApi.For(pack);

    /// <summary>
    /// Lists CloudWatch log groups with retention and size. Use for log group names.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="prefix"></param>
    /// <param name="detail">Add ARN and KMS key.</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [AwsTarget(FanOut = true)]
    [Tool("list_log_groups", Title = "List CloudWatch log groups", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<ToolPage<LogGroup>> ListLogGroupsAsync(
        ToolContext ctx,
        [Narrows, StringLength(512, MinimumLength = 1)] string? prefix = null,
        bool detail = false,
        [Narrows, PageSize, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        var page = await PageCollector.CollectAsync(nextToken, limit, (1, MaxDescribePageSize), async (token, size) =>
        {
            var request = new JsonObject { ["limit"] = size, ["logGroupNamePrefix"] = prefix, ["nextToken"] = token };
            using var json = await _logs.InvokeAsync(ctx, "DescribeLogGroups", request);
            var groups = AwsJson.Array(json.RootElement, "logGroups").Select(group => new LogGroup(
                AwsJson.String(group, "logGroupName") ?? string.Empty,
                (int?)AwsJson.Long(group, "retentionInDays"),
                AwsJson.Long(group, "storedBytes"),
                UtcTimes.FromEpochMilliseconds(AwsJson.Long(group, "creationTime")),
                detail
                    ? new LogGroupDetails(
                        AwsJson.String(group, "logGroupArn") ?? AwsJson.String(group, "arn")?.TrimEnd('*').TrimEnd(':'),
                        AwsJson.String(group, "logGroupClass"),
                        (int?)AwsJson.Long(group, "metricFilterCount"),
                        AwsJson.String(group, "kmsKeyId"),
                        AwsJson.String(group, "dataProtectionStatus"))
                    : null)).ToList();
            return new AwsPage<LogGroup>(groups, LogsApi.NextToken(json.RootElement));
        });
        return page;
    }

    /// <summary>
    /// Lists a log group's streams, latest first. Use for stream names.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="logGroupName"></param>
    /// <param name="prefix">Name prefix (orders by name).</param>
    /// <param name="detail">Add ARN and times.</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [Tool("list_log_streams", Title = "List CloudWatch log streams", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<ToolPage<LogStream>> ListLogStreamsAsync(
        ToolContext ctx,
        [TargetResource, StringLength(512, MinimumLength = 1)] string logGroupName,
        [Narrows, StringLength(512, MinimumLength = 1)] string? prefix = null,
        bool detail = false,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        ctx.Audit.Resource(logGroupName);
        var page = await PageCollector.CollectAsync(nextToken, limit, (1, MaxDescribePageSize), async (token, size) =>
        {
            // AWS cannot order by last event time within a name prefix.
            var request = prefix is null
                ? new JsonObject { ["logGroupName"] = logGroupName, ["orderBy"] = "LastEventTime", ["descending"] = true }
                : new JsonObject { ["logGroupName"] = logGroupName, ["logStreamNamePrefix"] = prefix };
            request["limit"] = size;
            request["nextToken"] = token;
            using var json = await _logs.InvokeAsync(ctx, "DescribeLogStreams", request);
            var streams = AwsJson.Array(json.RootElement, "logStreams").Select(stream => new LogStream(
                AwsJson.String(stream, "logStreamName") ?? string.Empty,
                UtcTimes.FromEpochMilliseconds(AwsJson.Long(stream, "firstEventTimestamp")),
                UtcTimes.FromEpochMilliseconds(AwsJson.Long(stream, "lastEventTimestamp")),
                detail
                    ? new LogStreamDetails(
                        AwsJson.String(stream, "arn"),
                        UtcTimes.FromEpochMilliseconds(AwsJson.Long(stream, "creationTime")),
                        UtcTimes.FromEpochMilliseconds(AwsJson.Long(stream, "lastIngestionTime")))
                    : null)).ToList();
            return new AwsPage<LogStream>(streams, LogsApi.NextToken(json.RootElement));
        });
        return page;
    }

    /// <summary>
    /// Finds log events by filter pattern. Use to look for errors or messages.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="logGroupName"></param>
    /// <param name="filterPattern">e.g. ERROR or ?ERROR ?WARN; empty: all.</param>
    /// <param name="startTime">ISO 8601; default: end_time - 1h.</param>
    /// <param name="endTime"></param>
    /// <param name="logStreamNames"></param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [Tool("filter_log_events", Title = "Filter CloudWatch log events", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<LogEventPage> FilterLogEventsAsync(
        ToolContext ctx,
        [TargetResource, StringLength(512, MinimumLength = 1)] string logGroupName,
        [Narrows, StringLength(1024)] string? filterPattern = null,
        [Narrows] DateTimeOffset? startTime = null,
        [Narrows] DateTimeOffset? endTime = null,
        [Narrows, MaxLength(100)] IReadOnlyList<string>? logStreamNames = null,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        var window = ToolTimeWindow.Resolve(startTime, endTime, TimeProvider.System, LogsApi.DefaultWindow, ToolPageToken.Parse(nextToken).Scope);
        ctx.Audit.Resource(logGroupName);
        // AWS may need several requests to fill a page of a large group; a client that asked sees each one.
        var progress = new CallProgress(ctx);
        var page = await PageCollector.CollectAsync(nextToken, limit, (1, MaxFilterPageSize), async (token, size) =>
        {
            var request = new JsonObject
            {
                ["logGroupName"] = logGroupName,
                ["startTime"] = window.Start.ToUnixTimeMilliseconds(),
                ["endTime"] = window.End.ToUnixTimeMilliseconds(),
                ["limit"] = size,
                ["filterPattern"] = string.IsNullOrWhiteSpace(filterPattern) ? null : filterPattern,
                ["logStreamNames"] = logStreamNames is { Count: > 0 } ? new JsonArray([.. logStreamNames.Select(name => (JsonNode)name)]) : null,
                ["nextToken"] = token,
            };
            using var json = await _logs.InvokeAsync(ctx, "FilterLogEvents", request);
            var events = AwsJson.Array(json.RootElement, "events").Select(ToEvent).ToList();
            await progress.StepAsync(step => $"FilterLogEvents on {logGroupName}: page {step} read");
            return new AwsPage<LogEvent>(events, LogsApi.NextToken(json.RootElement));
        }, window.ToPageScope(), (item => Encoding.UTF8.GetByteCount(item.Message), MaxPageMessageBytes));
        return new LogEventPage(page.Items, window.Start, window.End, page.NextToken);
    }

    /// <summary>
    /// The newest events of a log group as text, one line each, oldest first: use to attach what a log group says right
    /// now to a conversation.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="region">The log group's region (the call's region, authorised by the host).</param>
    /// <param name="logGroup">The log group name.</param>
    [ResourceTemplate("aws://logs/{region}/{+log_group}", Name = "recent_log_events", Title = "Recent log events", MimeType = "text/plain")]
    public async Task<string> RecentEventsAsync(
        ToolContext ctx,
        string region,
        [Complete("log_groups"), StringLength(512, MinimumLength = 1)] string logGroup)
    {
        var streams = await ListLogStreamsAsync(ctx, logGroup, limit: RecentStreams);
        var events = new List<LogEvent>();
        foreach (var stream in streams.Items)
        {
            // Read backwards from the stream's end: its newest events, whatever time they were written.
            var request = new JsonObject { ["logGroupName"] = logGroup, ["logStreamName"] = stream.Name, ["startFromHead"] = false, ["limit"] = MaxRecentEvents };
            using var json = await _logs.InvokeAsync(ctx, "GetLogEvents", request);
            events.AddRange(AwsJson.Array(json.RootElement, "events").Select(item => ToEvent(item) with { LogStream = stream.Name }));
        }

        // Newest first until the budget is spent (a page of stack traces must not crowd the resource past the host's
        // output cap), then shown oldest first, as logs read.
        var shown = new List<string>();
        var bytes = 0;
        foreach (var logEvent in events.OrderByDescending(e => e.Timestamp).Take(MaxRecentEvents))
        {
            var line = $"{logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} [{logEvent.LogStream}] {OneLine(logEvent.Message)}";
            bytes += Encoding.UTF8.GetByteCount(line) + 1;
            if (shown.Count > 0 && bytes > MaxPageMessageBytes)
            {
                break;
            }

            shown.Add(line);
        }

        shown.Reverse();
        return shown.Count == 0
            ? $"Log group {logGroup} in {region} has no events."
            : $"The newest {shown.Count} event(s) of log group {logGroup} in {region}, oldest first:\n{string.Join('\n', shown)}";
    }

    /// <summary>Log group names in the call's region that start with the prefix.</summary>
    /// <param name="ctx">The call.</param>
    /// <param name="prefix">What the user typed so far.</param>
    [Completion("log_groups")]
    public async Task<IReadOnlyList<string>> LogGroupNamesAsync(ToolContext ctx, string prefix)
    {
        var page = await ListLogGroupsAsync(ctx, string.IsNullOrEmpty(prefix) ? null : prefix, limit: ToolPaging.MaxCompletionValues);
        return [.. page.Items.Select(group => group.Name)];
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    private static LogEvent ToEvent(JsonElement item)
    {
        var message = (AwsJson.String(item, "message") ?? string.Empty).TrimEnd('\n', '\r');
        var truncated = message.Length > MaxMessageChars;
        return new LogEvent(
            DateTimeOffset.FromUnixTimeMilliseconds(AwsJson.Long(item, "timestamp") ?? 0),
            AwsJson.String(item, "logStreamName"),
            SecretRedactor.RedactText(truncated ? message[..MaxMessageChars] : message),
            truncated);
    }
}
