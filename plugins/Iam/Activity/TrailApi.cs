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
        var events = json.RootElement.TryGetProperty("Events", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(Read).ToList()
            : [];
        var next = json.RootElement.TryGetProperty("NextToken", out var nextToken) && nextToken.ValueKind == JsonValueKind.String ? nextToken.GetString() : null;
        return new AwsPage<(TrailEvent, string?)>(events, string.IsNullOrEmpty(next) ? null : next);
    }

    private static (TrailEvent Event, string? Parameters) Read(JsonElement item)
    {
        using var record = JsonDocument.Parse(Text(item, "CloudTrailEvent") ?? "{}");
        var root = record.RootElement;
        var identity = root.TryGetProperty("userIdentity", out var who) && who.ValueKind == JsonValueKind.Object ? who : default;
        var trailEvent = new TrailEvent(
            item.TryGetProperty("EventTime", out var time) && time.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(time.GetDouble() * 1000))
                : DateTimeOffset.MinValue,
            Text(item, "EventName") ?? string.Empty,
            (Text(item, "EventSource") ?? string.Empty).Replace(".amazonaws.com", string.Empty, StringComparison.Ordinal),
            Text(identity, "arn") ?? Text(item, "Username"),
            Text(identity, "type"),
            Text(root, "sourceIPAddress"),
            item.TryGetProperty("Resources", out var resources) && resources.ValueKind == JsonValueKind.Array
                ? [.. resources.EnumerateArray().Select(resource => Text(resource, "ResourceName")).OfType<string>()]
                : [],
            Text(root, "errorCode"),
            !string.Equals(Text(item, "ReadOnly"), "false", StringComparison.OrdinalIgnoreCase));
        var parameters = root.TryGetProperty("requestParameters", out var sent) && sent.ValueKind == JsonValueKind.Object
            ? SecretRedactor.RedactJsonToCompactText(sent)
            : null;
        return (trailEvent, parameters);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
