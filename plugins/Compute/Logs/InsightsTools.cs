using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Redaction;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Logs;

/// <summary>
/// CloudWatch Logs Insights: start a query and wait a bounded time for it, or fetch a started query's results later.
/// The wait is bounded so that a tool call stays well inside client timeouts (Copilot Studio gives up far sooner
/// than a big query runs); the query id carries the work over to the next call.
/// </summary>
[Toolset("logs")]
[AwsTarget]
public sealed class InsightsTools(ToolPackContext pack)
{
    /// <summary>The longest a call waits for a query.</summary>
    public const int MaxWaitSeconds = 30;

    public const int DefaultWaitSeconds = 10;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly string[] FinalStatuses = ["Complete", "Failed", "Cancelled", "Timeout", "Unknown"];

    private readonly LogsApi _logs = LogsApi.For(pack);

    /// <summary>
    /// Runs a Logs Insights query, billed by data scanned. Use for aggregations across log groups.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="logGroupNames">Groups to query.</param>
    /// <param name="query">e.g. stats count(*) by bin(1h).</param>
    /// <param name="startTime">ISO 8601; default: end_time - 1h.</param>
    /// <param name="endTime"></param>
    /// <param name="limit"></param>
    /// <param name="waitSeconds"></param>
    [Tool("query_logs_insights", Title = "Run a Logs Insights query", ReadOnly = true, Idempotent = false, OpenWorld = true)]
    public async Task<InsightsQueryResult> QueryAsync(
        ToolContext ctx,
        [TargetResource, MinLength(1), MaxLength(50)] IReadOnlyList<string> logGroupNames,
        [StringLength(10_000, MinimumLength = 1)] string query,
        [Narrows] DateTimeOffset? startTime = null,
        [Narrows] DateTimeOffset? endTime = null,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Range(0, MaxWaitSeconds)] int waitSeconds = DefaultWaitSeconds)
    {
        var window = ToolTimeWindow.Resolve(startTime, endTime, TimeProvider.System, LogsApi.DefaultWindow);
        foreach (var group in logGroupNames)
        {
            ctx.Audit.Resource(group);
        }

        var request = new JsonObject
        {
            ["logGroupNames"] = new JsonArray([.. logGroupNames.Select(name => (JsonNode)name)]),
            ["queryString"] = query,
            ["startTime"] = window.Start.ToUnixTimeSeconds(),
            ["endTime"] = window.End.ToUnixTimeSeconds(),
            ["limit"] = limit,
        };
        string queryId;
        using (var started = await _logs.InvokeAsync(ctx, "StartQuery", request))
        {
            queryId = AwsJson.String(started.RootElement, "queryId") ?? throw new ToolException("CloudWatch Logs started the query but returned no query id.");
        }

        return await WaitForResultsAsync(ctx, queryId, limit, waitSeconds);
    }

    /// <summary>
    /// Gets a Logs Insights query's rows. Use with the query_id of a still-running query.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="queryId">From query_logs_insights.</param>
    /// <param name="limit"></param>
    /// <param name="waitSeconds"></param>
    [Tool("get_logs_insights_results", Title = "Get Logs Insights results", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public Task<InsightsQueryResult> GetResultsAsync(
        ToolContext ctx,
        [StringLength(256, MinimumLength = 1)] string queryId,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Range(0, MaxWaitSeconds)] int waitSeconds = DefaultWaitSeconds) =>
        WaitForResultsAsync(ctx, queryId, limit, waitSeconds);

    private async Task<InsightsQueryResult> WaitForResultsAsync(ToolContext ctx, string queryId, int limit, int waitSeconds)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(waitSeconds);
        var progress = new CallProgress(ctx);
        while (true)
        {
            using var results = await _logs.InvokeAsync(ctx, "GetQueryResults", new JsonObject { ["queryId"] = queryId });
            var status = AwsJson.String(results.RootElement, "status") ?? "Unknown";
            // A wait lasts up to MaxWaitSeconds; each poll tells a client that asked how the query stands.
            await progress.StepAsync(poll => $"Logs Insights query {queryId}: {status} (poll {poll})");
            if (FinalStatuses.Contains(status) || TimeProvider.System.GetUtcNow() + PollInterval > deadline)
            {
                return ToResult(queryId, status, results.RootElement, limit, waitSeconds);
            }

            await Task.Delay(PollInterval, ctx.CancellationToken);
        }
    }

    private static InsightsQueryResult ToResult(string queryId, string status, JsonElement answer, int limit, int waitSeconds)
    {
        var complete = status == "Complete";
        var allRows = AwsJson.Array(answer, "results").ToList();
        var rows = allRows.Take(limit).Select(Row).ToList();
        var statistics = answer.TryGetProperty("statistics", out var stats) ? stats : default;
        var message = status switch
        {
            "Complete" => $"The query finished with {allRows.Count} row(s){(allRows.Count > limit ? $"; showing the first {limit}" : string.Empty)}.",
            "Scheduled" or "Running" => $"The query is still {status.ToLowerInvariant()} after {waitSeconds} s; call get_logs_insights_results with query_id {queryId} (and the same region) to fetch the results.",
            _ => $"The query ended with status {status}; nothing more will come. Check the query and time range and run it again.",
        };
        return new InsightsQueryResult(
            queryId,
            status,
            complete,
            rows,
            allRows.Count > limit,
            statistics.ValueKind == JsonValueKind.Object ? AwsJson.Double(statistics, "recordsMatched") : null,
            statistics.ValueKind == JsonValueKind.Object ? AwsJson.Double(statistics, "recordsScanned") : null,
            statistics.ValueKind == JsonValueKind.Object ? AwsJson.Double(statistics, "bytesScanned") : null,
            message);
    }

    /// <summary>One result row: its cells as field to value, without the internal @ptr.</summary>
    private static IReadOnlyDictionary<string, string> Row(JsonElement row) =>
        (row.ValueKind == JsonValueKind.Array ? row.EnumerateArray().ToList() : [])
            .Select(cell => (Field: AwsJson.String(cell, "field"), Value: AwsJson.String(cell, "value")))
            .Where(cell => cell.Field is not null and not "@ptr")
            .GroupBy(cell => cell.Field!)
            .ToDictionary(group => group.Key, group => SecretRedactor.RedactText(group.Last().Value ?? string.Empty), StringComparer.Ordinal);
}
