using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.AwsJson;

namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>
/// CloudWatch Logs (awsJson1_1, target prefix <c>Logs_20140328</c>; regional): groups, streams, filtered and raw event
/// reads, PutLogEvents, and Logs Insights queries over <see cref="InsightsQuery"/>'s subset. State is per account and region.
/// </summary>
public sealed class LogsEmulator : JsonServiceEmulator
{
    private const long FourteenDays = 14L * 24 * 3_600_000;
    private const long TwoHours = 2L * 3_600_000;
    private readonly SandboxContext _context;
    private readonly LogArchive _archive;
    private readonly ConcurrentDictionary<string, LogsQuery> _queries = new(StringComparer.Ordinal);

    public LogsEmulator(SandboxContext context)
        : base("logs", "Logs_20140328", "InvalidParameterException")
    {
        _context = context;
        _archive = LogArchive.For(context);
        Register("DescribeLogGroups", DescribeLogGroups);
        Register("DescribeLogStreams", DescribeLogStreams);
        Register("FilterLogEvents", FilterLogEvents);
        Register("GetLogEvents", GetLogEvents);
        Register("PutLogEvents", PutLogEvents);
        Register("StartQuery", StartQuery);
        Register("GetQueryResults", GetQueryResults);
        Register("StopQuery", StopQuery);
    }

    private JsonNode DescribeLogGroups(SandboxRequest request, JsonInput input)
    {
        var prefix = input.OptionalString("logGroupNamePrefix");
        var pattern = input.OptionalString("logGroupNamePattern");
        if (prefix is not null && pattern is not null)
        {
            throw input.Invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }

        lock (_archive.Sync)
        {
            var groups = _archive.Groups(request.Principal.Account, request.Region)
                .Where(group => prefix is null || group.Name.StartsWith(prefix, StringComparison.Ordinal))
                .Where(group => pattern is null || group.Name.Contains(pattern, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var page = PageOf(input, groups, 50, 50, $"groups|{prefix}|{pattern}");
            return new JsonObject
            {
                ["logGroups"] = new JsonArray([.. page.Items.Select(group => (JsonNode)new JsonObject
                {
                    ["logGroupName"] = group.Name,
                    ["creationTime"] = group.CreationTime,
                    ["retentionInDays"] = group.RetentionInDays,
                    ["metricFilterCount"] = 0,
                    ["arn"] = group.Arn + ":*",
                    ["storedBytes"] = group.StoredBytes,
                    ["logGroupClass"] = "STANDARD",
                    ["logGroupArn"] = group.Arn,
                }.WithoutNulls())]),
                ["nextToken"] = page.NextToken,
            }.WithoutNulls();
        }
    }

    private JsonNode DescribeLogStreams(SandboxRequest request, JsonInput input)
    {
        var prefix = input.OptionalString("logStreamNamePrefix");
        var orderBy = input.OptionalString("orderBy") ?? "LogStreamName";
        if (orderBy is not ("LogStreamName" or "LastEventTime"))
        {
            throw input.Invalid($"1 validation error detected: Value '{orderBy}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }

        if (orderBy == "LastEventTime" && prefix is not null)
        {
            throw input.Invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }

        var descending = input.OptionalBool("descending") ?? false;
        lock (_archive.Sync)
        {
            var group = FindGroup(request, input);
            var streams = group.Streams.Where(stream => prefix is null || stream.Name.StartsWith(prefix, StringComparison.Ordinal));
            streams = orderBy == "LastEventTime"
                ? streams.OrderBy(stream => stream.Events.Count == 0 ? 0 : stream.Events[^1].Timestamp)
                : streams.OrderBy(stream => stream.Name, StringComparer.Ordinal);
            var ordered = descending ? streams.Reverse().ToList() : streams.ToList();
            var page = PageOf(input, ordered, 50, 50, $"streams|{group.Arn}|{prefix}|{orderBy}|{descending}");
            return new JsonObject
            {
                ["logStreams"] = new JsonArray([.. page.Items.Select(stream => (JsonNode)new JsonObject
                {
                    ["logStreamName"] = stream.Name,
                    ["creationTime"] = stream.CreationTime,
                    ["firstEventTimestamp"] = stream.Events.Count == 0 ? null : stream.Events[0].Timestamp,
                    ["lastEventTimestamp"] = stream.Events.Count == 0 ? null : stream.Events[^1].Timestamp,
                    ["lastIngestionTime"] = stream.LastIngestionTime,
                    ["arn"] = $"{group.Arn}:log-stream:{stream.Name}",
                    ["storedBytes"] = stream.StoredBytes,
                }.WithoutNulls())]),
                ["nextToken"] = page.NextToken,
            }.WithoutNulls();
        }
    }

    private JsonNode FilterLogEvents(SandboxRequest request, JsonInput input)
    {
        var streamNames = input.StringList("logStreamNames");
        var streamPrefix = input.OptionalString("logStreamNamePrefix");
        if (streamNames.Count > 0 && streamPrefix is not null)
        {
            throw input.Invalid("You cannot specify both logStreamNames and logStreamNamePrefix.");
        }

        var (start, end) = (input.OptionalLong("startTime", 0, long.MaxValue) ?? 0, input.OptionalLong("endTime", 0, long.MaxValue) ?? long.MaxValue);
        var pattern = FilterPattern.Parse(input.OptionalString("filterPattern"), input.Invalid);
        lock (_archive.Sync)
        {
            var group = FindGroup(request, input);
            var streams = group.Streams
                .Where(stream => streamNames.Count == 0 || streamNames.Contains(stream.Name))
                .Where(stream => streamPrefix is null || stream.Name.StartsWith(streamPrefix, StringComparison.Ordinal))
                .ToList();
            var events = streams
                .SelectMany(stream => stream.Events.Select(e => (Stream: stream.Name, Event: e)))
                .Where(pair => pair.Event.Timestamp >= start && pair.Event.Timestamp <= end && pattern.Matches(pair.Event.Message))
                .OrderBy(pair => pair.Event.Timestamp)
                .ThenBy(pair => pair.Event.EventId, StringComparer.Ordinal)
                .ToList();
            var scope = $"filter|{group.Arn}|{string.Join(',', streamNames)}|{streamPrefix}|{start}|{end}|{input.OptionalString("filterPattern")}";
            var page = PageOf(input, events, 10000, 10000, scope);
            return new JsonObject
            {
                ["events"] = new JsonArray([.. page.Items.Select(pair => (JsonNode)new JsonObject
                {
                    ["logStreamName"] = pair.Stream,
                    ["timestamp"] = pair.Event.Timestamp,
                    ["message"] = pair.Event.Message,
                    ["ingestionTime"] = pair.Event.IngestionTime,
                    ["eventId"] = pair.Event.EventId,
                })]),
                ["searchedLogStreams"] = new JsonArray([.. streams.Select(stream => (JsonNode)new JsonObject
                {
                    ["logStreamName"] = stream.Name,
                    ["searchedCompletely"] = page.NextToken is null,
                })]),
                ["nextToken"] = page.NextToken,
            }.WithoutNulls();
        }
    }

    /// <summary>
    /// Reads one stream in either direction. Tokens are <c>f/&lt;index&gt;</c> and <c>b/&lt;index&gt;</c>; at the end of
    /// the stream the forward token repeats, which is how AWS tells a reader there is nothing more.
    /// </summary>
    private JsonNode GetLogEvents(SandboxRequest request, JsonInput input)
    {
        var streamName = input.RequiredString("logStreamName");
        var (start, end) = (input.OptionalLong("startTime", 0, long.MaxValue) ?? 0, input.OptionalLong("endTime", 0, long.MaxValue) ?? long.MaxValue);
        var limit = input.OptionalInt("limit", 1, 10000) ?? 10000;
        var token = input.OptionalString("nextToken");
        lock (_archive.Sync)
        {
            var stream = FindGroup(request, input).FindStream(streamName) ?? throw NotFound("The specified log stream does not exist.");
            var window = stream.Events.Where(e => e.Timestamp >= start && e.Timestamp < end).ToList();
            var forward = token is null ? input.OptionalBool("startFromHead") ?? false : token.StartsWith("f/", StringComparison.Ordinal);
            var position = token is null ? (forward ? 0 : window.Count) : ParseStreamToken(token, window.Count, input);
            var (from, to) = forward ? (position, Math.Min(window.Count, position + limit)) : (Math.Max(0, position - limit), position);
            return new JsonObject
            {
                ["events"] = new JsonArray([.. window.Skip(from).Take(to - from).Select(e => (JsonNode)new JsonObject
                {
                    ["timestamp"] = e.Timestamp,
                    ["message"] = e.Message,
                    ["ingestionTime"] = e.IngestionTime,
                })]),
                ["nextForwardToken"] = $"f/{to:D20}",
                ["nextBackwardToken"] = $"b/{from:D20}",
            };
        }
    }

    private JsonNode PutLogEvents(SandboxRequest request, JsonInput input)
    {
        var streamName = input.RequiredString("logStreamName");
        if (input.Body["logEvents"] is not JsonArray { Count: > 0 and <= 10000 } items)
        {
            throw input.Invalid("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length between 1 and 10000");
        }

        var events = items.Select(item => (
            Timestamp: (long?)item?["timestamp"] ?? throw input.Invalid("Every log event needs a timestamp."),
            Message: (string?)item?["message"] ?? throw input.Invalid("Every log event needs a message."))).ToList();
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].Timestamp < events[i - 1].Timestamp)
            {
                throw input.Invalid("Log events in a single PutLogEvents request must be in chronological order.");
            }
        }

        var now = _context.Time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_archive.Sync)
        {
            var stream = FindGroup(request, input).FindStream(streamName) ?? throw NotFound("The specified log stream does not exist.");
            var tooOld = events.FindLastIndex(e => e.Timestamp < now - FourteenDays);
            var tooNew = events.FindIndex(e => e.Timestamp > now + TwoHours);
            for (var i = tooOld + 1; i < (tooNew < 0 ? events.Count : tooNew); i++)
            {
                stream.Append(_archive.NewEvent(events[i].Timestamp, events[i].Message, now));
            }

            var rejected = new JsonObject
            {
                ["tooOldLogEventEndIndex"] = tooOld < 0 ? null : tooOld + 1,
                ["tooNewLogEventStartIndex"] = tooNew < 0 ? null : tooNew,
            }.WithoutNulls();
            return new JsonObject
            {
                ["nextSequenceToken"] = stream.NextSequenceToken(),
                ["rejectedLogEventsInfo"] = rejected.Count == 0 ? null : rejected,
            }.WithoutNulls();
        }
    }

    private JsonNode StartQuery(SandboxRequest request, JsonInput input)
    {
        var names = input.StringList("logGroupNames").Concat(input.StringList("logGroupIdentifiers")).ToList();
        if (input.OptionalString("logGroupName") is { } single)
        {
            names.Add(single);
        }

        if (names.Count == 0)
        {
            throw input.Invalid("Specify exactly one of logGroupName, logGroupNames or logGroupIdentifiers.");
        }

        var start = input.OptionalLong("startTime", 0, long.MaxValue) ?? throw input.Invalid("1 validation error detected: Value null at 'startTime' failed to satisfy constraint: Member must not be null");
        var end = input.OptionalLong("endTime", 0, long.MaxValue) ?? throw input.Invalid("1 validation error detected: Value null at 'endTime' failed to satisfy constraint: Member must not be null");
        if (end < start)
        {
            throw input.Invalid("End time should not be before the start time.");
        }

        var query = InsightsQuery.Parse(input.RequiredString("queryString"), message => new SandboxServiceException(400, "MalformedQueryException", message));
        var limit = input.OptionalInt("limit", 1, 10000);
        lock (_archive.Sync)
        {
            var groups = names.Distinct(StringComparer.Ordinal).Select(name => FindGroup(request, name)).ToList();
            var records = groups
                .SelectMany(group => group.Streams.SelectMany(stream => stream.Events.Select(e => new InsightsRecord(group, stream, e))))
                .Where(record => record.Event.Timestamp >= start * 1000 && record.Event.Timestamp < (end + 1) * 1000)
                .ToList();
            var rows = query.Run(records, limit ?? 1000, out var matched);
            var id = Guid.NewGuid().ToString();
            _queries[id] = new LogsQuery(id, request.Principal.Account, request.Region, _context.Time.GetUtcNow(), rows, matched, records.Count, records.Sum(record => (long)record.Event.Size));
            return new JsonObject { ["queryId"] = id };
        }
    }

    private JsonNode GetQueryResults(SandboxRequest request, JsonInput input)
    {
        var query = FindQuery(request, input);
        var status = query.Poll(_context.Time.GetUtcNow());
        var complete = status == "Complete";
        return new JsonObject
        {
            ["status"] = status,
            ["results"] = new JsonArray([.. (complete ? query.Rows : []).Select(row => (JsonNode)new JsonArray([.. row.Select(cell => (JsonNode)new JsonObject
            {
                ["field"] = cell.Key,
                ["value"] = cell.Value,
            })]))]),
            ["statistics"] = new JsonObject
            {
                ["recordsMatched"] = complete ? query.RecordsMatched : 0,
                ["recordsScanned"] = complete ? query.RecordsScanned : 0,
                ["bytesScanned"] = complete ? query.BytesScanned : 0,
            },
        };
    }

    private JsonNode StopQuery(SandboxRequest request, JsonInput input) =>
        new JsonObject { ["success"] = FindQuery(request, input).Stop(_context.Time.GetUtcNow()) };

    private LogsQuery FindQuery(SandboxRequest request, JsonInput input)
    {
        var id = input.RequiredString("queryId");
        return _queries.TryGetValue(id, out var query) && query.Account == request.Principal.Account && query.Region == request.Region
            ? query
            : throw NotFound($"Query {id} does not exist.");
    }

    /// <summary>The group named by <c>logGroupName</c> or <c>logGroupIdentifier</c> (a name or an ARN). Caller holds the lock.</summary>
    private LogGroup FindGroup(SandboxRequest request, JsonInput input)
    {
        var name = input.OptionalString("logGroupName") ?? input.OptionalString("logGroupIdentifier")
            ?? throw input.Invalid("Either logGroupName or logGroupIdentifier must be specified.");
        return FindGroup(request, name);
    }

    private LogGroup FindGroup(SandboxRequest request, string nameOrArn)
    {
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn.Split(":log-group:", 2)[^1].TrimEnd('*').TrimEnd(':') : nameOrArn;
        return _archive.FindGroup(request.Principal.Account, request.Region, name)
            ?? throw NotFound("The specified log group does not exist.");
    }

    private static int ParseStreamToken(string token, int count, JsonInput input) =>
        token.Length > 2 && (token[0] is 'f' or 'b') && token[1] == '/' && int.TryParse(token[2..], out var index) && index >= 0 && index <= count
            ? index
            : throw input.Invalid("The specified nextToken is invalid.");

    private static Page<T> PageOf<T>(JsonInput input, IReadOnlyList<T> items, int defaultLimit, int maxLimit, string scope) =>
        OffsetPaging.Take(items, input.OptionalString("nextToken"), input.OptionalInt("limit", 1, maxLimit) ?? defaultLimit, scope, () => input.Invalid("The specified nextToken is invalid."));

    private static SandboxServiceException NotFound(string message) => new(400, "ResourceNotFoundException", message);
}
