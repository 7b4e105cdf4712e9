using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Redaction;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Iam.Activity;

/// <summary>
/// CloudTrail's LookupEvents (awsJson) through <see cref="AwsCall"/>, read into <see cref="TrailEvent"/>s. The event
/// record's response elements (CreateAccessKey's answer names the new key) and user agent are never read out; request
/// parameters only through <see cref="SecretRedactor"/>.
/// </summary>
internal sealed class TrailApi(AwsClientFactory aws)
{
    /// <summary>LookupEvents answers 1 to 50 events per request.</summary>
    public const int MaxPageSize = 50;

    private const string Operation = "LookupEvents";

    public static TrailApi For(ToolPackContext pack) => pack.GetOrCreate(static context => new TrailApi(AwsClientFactory.For(context)));

    /// <summary>One page of events in <paramref name="window"/>, newest first, matching <paramref name="attribute"/> (CloudTrail filters by one).</summary>
    public async Task<AwsPage<(TrailEvent Event, string? Parameters)>> LookupAsync(
        ToolContext ctx, ToolTimeWindow window, (string Key, string Value)? attribute, int size, string? token)
    {
        var request = new JsonObject
        {
            ["StartTime"] = window.Start.ToUnixTimeMilliseconds() / 1000.0,
            ["EndTime"] = window.End.ToUnixTimeMilliseconds() / 1000.0,
            ["MaxResults"] = size,
        };
        if (attribute is var (key, value))
        {
            request["LookupAttributes"] = new JsonArray(new JsonObject { ["AttributeKey"] = key, ["AttributeValue"] = value });
        }

        if (token is not null)
        {
            request["NextToken"] = token;
        }

        using var json = await AwsCall.ProtocolAsync(ctx, aws.Target(ctx, AwsServiceModels.CloudTrail, Operation), ct =>
            aws.Protocol(AwsServiceModels.CloudTrail, ctx).InvokeJsonAsync(Operation, request, ct));
        var events = AwsJson.Array(json.RootElement, "Events").Select(Read).ToList();
        var next = AwsJson.String(json.RootElement, "NextToken");
        return new AwsPage<(TrailEvent, string?)>(events, string.IsNullOrEmpty(next) ? null : next);
    }

    private static (TrailEvent Event, string? Parameters) Read(JsonElement item)
    {
        using var record = JsonDocument.Parse(AwsJson.String(item, "CloudTrailEvent") ?? "{}");
        var root = record.RootElement;
        var identity = root.TryGetProperty("userIdentity", out var who) && who.ValueKind == JsonValueKind.Object ? who : default;
        var trailEvent = new TrailEvent(
            item.TryGetProperty("EventTime", out var time) && time.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(time.GetDouble() * 1000))
                : DateTimeOffset.MinValue,
            AwsJson.String(item, "EventName") ?? string.Empty,
            (AwsJson.String(item, "EventSource") ?? string.Empty).Replace(".amazonaws.com", string.Empty, StringComparison.Ordinal),
            AwsJson.String(identity, "arn") ?? AwsJson.String(item, "Username"),
            AwsJson.String(identity, "type"),
            AwsJson.String(root, "sourceIPAddress"),
            [.. AwsJson.Array(item, "Resources").Select(resource => AwsJson.String(resource, "ResourceName")).OfType<string>()],
            AwsJson.String(root, "errorCode"),
            !string.Equals(AwsJson.String(item, "ReadOnly"), "false", StringComparison.OrdinalIgnoreCase));
        var parameters = root.TryGetProperty("requestParameters", out var sent) && sent.ValueKind == JsonValueKind.Object
            ? SecretRedactor.RedactJsonToCompactText(sent)
            : null;
        return (trailEvent, parameters);
    }
}
