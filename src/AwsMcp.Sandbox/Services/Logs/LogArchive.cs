using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>
/// All log groups of one sandbox, per account and region. Shared with the Lambda emulator, which appends each
/// invocation's log lines to <c>/aws/lambda/&lt;function&gt;</c> as the real service does. One lock guards everything:
/// the data set is small and every operation is short.
/// </summary>
public sealed class LogArchive
{
    private readonly Dictionary<(string Account, string Region), SortedDictionary<string, LogGroup>> _groups = [];
    private long _eventCounter;

    public Lock Sync { get; } = new();

    public static LogArchive For(SandboxContext context) => context.Shared(LogsSeed.Build);

    /// <summary>The groups of an account in a region, ordered by name. Hold <see cref="Sync"/> while using them.</summary>
    public IReadOnlyCollection<LogGroup> Groups(string account, string region) =>
        _groups.TryGetValue((account, region), out var groups) ? groups.Values : [];

    public LogGroup? FindGroup(string account, string region, string name) =>
        _groups.TryGetValue((account, region), out var groups) ? groups.GetValueOrDefault(name) : null;

    public LogGroup GetOrAddGroup(string account, string region, string name, long creationTime, int? retentionInDays)
    {
        if (!_groups.TryGetValue((account, region), out var groups))
        {
            groups = new SortedDictionary<string, LogGroup>(StringComparer.Ordinal);
            _groups.Add((account, region), groups);
        }

        if (!groups.TryGetValue(name, out var group))
        {
            group = new LogGroup(account, region, name, creationTime, retentionInDays);
            groups.Add(name, group);
        }

        return group;
    }

    /// <summary>Builds an event with a unique, AWS-shaped (56 digit) event id.</summary>
    public LogEvent NewEvent(long timestamp, string message, long ingestionTime) =>
        new(timestamp, message, ingestionTime, $"{timestamp:D20}{Interlocked.Increment(ref _eventCounter):D36}");

    /// <summary>Appends lines to a stream, creating the group and stream if needed (the Lambda service does the same).</summary>
    public void Append(string account, string region, string groupName, string streamName, IEnumerable<(long Timestamp, string Message)> lines, long now)
    {
        lock (Sync)
        {
            var stream = GetOrAddGroup(account, region, groupName, now, null).GetOrAddStream(streamName, now);
            foreach (var (timestamp, message) in lines)
            {
                stream.Append(NewEvent(timestamp, message, now));
            }
        }
    }
}
