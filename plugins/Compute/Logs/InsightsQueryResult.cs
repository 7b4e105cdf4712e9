namespace AwsMcp.Compute.Logs;

/// <summary>A Logs Insights query's state and, once complete, its rows.</summary>
/// <param name="QueryId">Pass to get_logs_insights_results to fetch the results later.</param>
/// <param name="Status">Scheduled, Running, Complete, Failed, Cancelled, Timeout or Unknown.</param>
/// <param name="Complete">True when the rows are final.</param>
/// <param name="Rows">Result rows (field to value; the internal @ptr field is left out), with credential-shaped values redacted.</param>
/// <param name="RowsTruncated">True when the query returned more rows than this tool shows.</param>
/// <param name="RecordsMatched">Log events that matched.</param>
/// <param name="RecordsScanned">Log events scanned.</param>
/// <param name="BytesScanned">Bytes scanned (what Logs Insights bills).</param>
/// <param name="Message">What to do next, in a sentence.</param>
public sealed record InsightsQueryResult(
    string QueryId,
    string Status,
    bool Complete,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Rows,
    bool RowsTruncated,
    double? RecordsMatched,
    double? RecordsScanned,
    double? BytesScanned,
    string Message);
