using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Logs;

/// <summary>CloudWatch Logs calls (awsJson) made through <see cref="AwsCall"/>.</summary>
internal sealed class LogsApi(AwsClientFactory aws)
{
    /// <summary>The window a log search or query covers when it names no start: the last hour.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

    /// <summary>The pack's shared instance.</summary>
    public static LogsApi For(ToolPackContext pack) => pack.GetOrCreate(static context => new LogsApi(AwsClientFactory.For(context)));

    /// <summary>Calls <paramref name="operation"/>; members of <paramref name="request"/> that are null are left out, as AWS expects. The caller disposes the answer.</summary>
    public Task<JsonDocument> InvokeAsync(ToolContext ctx, string operation, JsonObject request)
    {
        foreach (var name in request.Where(member => member.Value is null).Select(member => member.Key).ToList())
        {
            request.Remove(name);
        }

        return AwsCall.ProtocolAsync(ctx, aws.Target(ctx, "logs", operation), ct => aws.Protocol(AwsServiceModels.CloudWatchLogs, ctx).InvokeJsonAsync(operation, request, ct));
    }

    /// <summary>The token of the next page of a Logs answer (<c>nextToken</c>), or null on the last page.</summary>
    public static string? NextToken(JsonElement answer) => AwsJson.String(answer, "nextToken") is { Length: > 0 } token ? token : null;
}
