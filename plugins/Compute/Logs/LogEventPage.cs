namespace AwsMcp.Compute.Logs;

/// <summary>One page of matching log events, oldest first.</summary>
/// <param name="Items">The events on this page.</param>
/// <param name="StartTime">The start of the searched window (UTC).</param>
/// <param name="EndTime">The end of the searched window (UTC).</param>
/// <param name="NextToken">Pass as next_token (with the same arguments) for the next page; absent when the search is complete.</param>
public sealed record LogEventPage(IReadOnlyList<LogEvent> Items, DateTimeOffset StartTime, DateTimeOffset EndTime, string? NextToken)
{
    /// <summary>True when AWS has more events or has not finished searching.</summary>
    public bool HasMore => NextToken is not null;
}
