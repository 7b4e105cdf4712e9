using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols.AwsJson;

namespace AwsMcp.Sandbox.Services.CloudTrail;

/// <summary>
/// CloudTrail (awsJson1_1, target prefix <c>com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101</c>; regional):
/// LookupEvents over the <see cref="EventHistory"/> of the caller's account in the signed region, newest first, with
/// one lookup attribute, a time window, MaxResults up to 50 and NextToken. Insight events are not emulated (none).
/// </summary>
public sealed class CloudTrailEmulator : JsonServiceEmulator
{
    private const int MaxResults = 50;
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private readonly SandboxContext _context;
    private readonly EventHistory _history;

    public CloudTrailEmulator(SandboxContext context)
        : base("cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "InvalidParameterException")
    {
        _context = context;
        _history = EventHistory.For(context);
        Register("LookupEvents", LookupEvents);
    }

    private JsonNode LookupEvents(SandboxRequest request, JsonInput input)
    {
        var attribute = TrailLookupAttribute.From(input.Body["LookupAttributes"]);
        var limit = input.Body["MaxResults"] is null ? MaxResults : MaxResultsOf(input);
        var category = input.OptionalString("EventCategory");
        if (category is not (null or "insight"))
        {
            throw new SandboxServiceException(400, "InvalidEventCategoryException", $"Event category {category} is not valid.");
        }

        // A later page searches the window the first page resolved (its defaults end "now"), so events recorded since do not shift it.
        var scope = $"lookup|{request.Principal.Account}|{request.Region}|{attribute}|{category}";
        var (start, end, offset) = TrailPageToken.Decode(scope, input.OptionalString("NextToken")) ?? FirstPage(input);
        var matching = category is null
            ? _history.Newest(request.Principal.Account, request.Region, end).Where(e => e.Time >= start && attribute.Matches(e)).ToList()
            : [];
        var page = matching.Skip(offset).Take(limit).ToList();
        var more = offset + page.Count < matching.Count;
        return new JsonObject
        {
            ["Events"] = new JsonArray([.. page.Select(e => (JsonNode)ToJson(e))]),
            ["NextToken"] = more ? TrailPageToken.Encode(scope, start, end, offset + page.Count) : null,
        }.WithoutNulls();
    }

    /// <summary>The window of a first page: the given bounds, defaulting to CloudTrail's 90 days up to now.</summary>
    private (DateTimeOffset Start, DateTimeOffset End, int Offset) FirstPage(JsonInput input)
    {
        var now = _context.Time.GetUtcNow();
        var start = Time(input, "StartTime") ?? now - Retention;
        var end = Time(input, "EndTime") ?? now;
        return start <= end ? (start, end, 0) : throw new SandboxServiceException(400, "InvalidTimeRangeException", "Start time must be before end time.");
    }

    private static int MaxResultsOf(JsonInput input)
    {
        try
        {
            return input.OptionalInt("MaxResults", 1, MaxResults)!.Value;
        }
        catch (SandboxServiceException error)
        {
            throw new SandboxServiceException(400, "InvalidMaxResultsException", error.Message);
        }
    }

    /// <summary>An awsJson timestamp: epoch seconds, possibly fractional.</summary>
    private static DateTimeOffset? Time(JsonInput input, string name) =>
        input.Body[name] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number =>
                DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value.GetValue<double>() * 1000, MidpointRounding.AwayFromZero)),
            _ => throw new SandboxServiceException(400, "InvalidTimeRangeException", $"{name} must be a timestamp."),
        };

    private static JsonObject ToJson(TrailEvent e) =>
        new JsonObject
        {
            ["EventId"] = e.EventId,
            ["EventName"] = e.EventName,
            ["ReadOnly"] = e.ReadOnly ? "true" : "false",
            ["AccessKeyId"] = e.Identity.AccessKeyId,
            ["EventTime"] = e.Time.ToUnixTimeMilliseconds() / 1000.0,
            ["EventSource"] = e.EventSource,
            ["Username"] = e.Identity.UserName,
            ["Resources"] = new JsonArray([.. e.Resources.Select(r => (JsonNode)new JsonObject { ["ResourceType"] = r.Type, ["ResourceName"] = r.Name })]),
            ["CloudTrailEvent"] = e.ToCloudTrailEvent(),
        };

    /// <summary>The token of the next page: the first page's window and the offset in it.</summary>
    private static class TrailPageToken
    {
        public static string Encode(string scope, DateTimeOffset start, DateTimeOffset end, int offset) =>
            Core.PageToken.Encode(scope, string.Create(CultureInfo.InvariantCulture, $"{start.ToUnixTimeMilliseconds()}:{end.ToUnixTimeMilliseconds()}:{offset}"));

        public static (DateTimeOffset Start, DateTimeOffset End, int Offset)? Decode(string scope, string? token)
        {
            if (string.IsNullOrEmpty(token))
            {
                return null;
            }

            return Core.PageToken.Decode(scope, token)?.Split(':') is [var startText, var endText, var offsetText]
                && long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                && int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                    ? (DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end), offset)
                    : throw new SandboxServiceException(400, "InvalidNextTokenException", "Invalid NextToken.");
        }
    }
}
