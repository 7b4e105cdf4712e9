namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>A log group of one account and region with its streams (ordered by name). Guarded by the archive's lock.</summary>
public sealed class LogGroup(string account, string region, string name, long creationTime, int? retentionInDays)
{
    private readonly SortedDictionary<string, LogStream> _streams = new(StringComparer.Ordinal);

    public string Name => name;

    public long CreationTime => creationTime;

    public int? RetentionInDays => retentionInDays;

    public string Arn => $"arn:aws:logs:{region}:{account}:log-group:{name}";

    /// <summary>The identifier as AWS writes it inside query results (<c>@log</c>).</summary>
    public string QualifiedName => $"{account}:{name}";

    public IEnumerable<LogStream> Streams => _streams.Values;

    public long StoredBytes => _streams.Values.Sum(stream => stream.StoredBytes);

    public LogStream? FindStream(string streamName) => _streams.GetValueOrDefault(streamName);

    public LogStream GetOrAddStream(string streamName, long creationTime)
    {
        if (!_streams.TryGetValue(streamName, out var stream))
        {
            stream = new LogStream(streamName, creationTime);
            _streams.Add(streamName, stream);
        }

        return stream;
    }
}
