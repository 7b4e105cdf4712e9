namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>
/// A started Logs Insights query. Results are computed when the query starts; the reported status walks
/// Scheduled → Running → Complete, advancing one step per GetQueryResults poll or every 500 ms, whichever is faster,
/// so that a client's polling loop is really exercised.
/// </summary>
public sealed class LogsQuery(string id, string account, string region, DateTimeOffset started, IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> rows, int matched, int scanned, long bytesScanned)
{
    private static readonly string[] Stages = ["Scheduled", "Running", "Complete"];
    private int _polls;
    private volatile bool _cancelled;

    public string Id => id;

    public string Account => account;

    public string Region => region;

    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Rows => rows;

    public int RecordsMatched => matched;

    public int RecordsScanned => scanned;

    public long BytesScanned => bytesScanned;

    /// <summary>The status this poll reports (and counts the poll).</summary>
    public string Poll(DateTimeOffset now)
    {
        var polls = Interlocked.Increment(ref _polls);
        return Status(now, polls - 1);
    }

    public string Status(DateTimeOffset now, int polls)
    {
        if (_cancelled)
        {
            return "Cancelled";
        }

        var byTime = (int)((now - started).TotalMilliseconds / 500);
        return Stages[Math.Min(Stages.Length - 1, Math.Max(byTime, polls))];
    }

    /// <summary>Stops a query that is not complete yet; false when it already finished or was stopped.</summary>
    public bool Stop(DateTimeOffset now)
    {
        if (_cancelled || Status(now, Volatile.Read(ref _polls)) == "Complete")
        {
            return false;
        }

        _cancelled = true;
        return true;
    }
}
