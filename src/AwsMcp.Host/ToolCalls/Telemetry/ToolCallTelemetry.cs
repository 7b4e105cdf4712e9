using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AwsMcp.Host.ToolCalls.Telemetry;

/// <summary>
/// The traces and metrics of tool calls. Names follow the OpenTelemetry conventions where one exists
/// (<c>gen_ai.tool.name</c>, <c>error.type</c>, <c>rpc.service</c>/<c>rpc.method</c> for AWS APIs) and are prefixed
/// <c>awsmcp.</c> where none does. Nothing is recorded unless a listener (the OpenTelemetry SDK, a test) subscribes.
/// </summary>
public sealed class ToolCallTelemetry
{
    /// <summary>The name of both the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "AwsMcp.ToolCalls";

    /// <summary>The MCP SDK's own source and meter (<c>mcp.server.operation.duration</c>, one span per request).</summary>
    public const string McpSdkName = "Experimental.ModelContextProtocol";

    public const string DurationInstrument = "awsmcp.tool.call.duration";
    public const string ErrorsInstrument = "awsmcp.tool.call.errors";
    public const string AwsRequestsInstrument = "awsmcp.aws.requests";

    public const string ToolTag = "gen_ai.tool.name";
    public const string PluginTag = "awsmcp.plugin";
    public const string ChannelTag = "awsmcp.channel";
    public const string OutcomeTag = "awsmcp.outcome";
    public const string ErrorTypeTag = "error.type";

    // A process-wide source: activities are cheap to create and sampled by whoever listens. The meter comes from
    // the host's IMeterFactory so that each host (a test server, say) has its own instruments.
    private static readonly ActivitySource Source = new(Name, McpServerVersion());

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _awsRequests;

    public ToolCallTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name, McpServerVersion());
        _duration = meter.CreateHistogram<double>(DurationInstrument, "s", "Time a tool call spends in the pipeline, refusals included.");
        _errors = meter.CreateCounter<long>(ErrorsInstrument, "{call}", "Tool calls that did not succeed, by outcome.");
        _awsRequests = meter.CreateCounter<long>(AwsRequestsInstrument, "{request}", "AWS API requests tools reported making.");
    }

    /// <summary>Starts the call's span (null when nobody listens).</summary>
    public static Activity? StartCall(ToolCall call)
    {
        // Named apart from the MCP SDK's own "tools/call <tool>" server span, which is its parent over MCP.
        var activity = Source.StartActivity($"awsmcp.tool_call {call.ToolName}", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ToolTag, call.ToolName);
            activity.SetTag(PluginTag, call.Tool?.PluginName);
            activity.SetTag(ChannelTag, call.Channel.ToString());
            activity.SetTag("awsmcp.correlation_id", call.CorrelationId);
            activity.SetTag("cloud.region", call.Region);
            activity.SetTag("awsmcp.account", call.Account);
        }

        return activity;
    }

    /// <summary>Records how the call ended on its span and in the metrics.</summary>
    public void EndCall(ToolCall call, Activity? activity, TimeSpan duration)
    {
        var outcome = call.Outcome.ToString();
        var succeeded = call.Outcome is ToolCallOutcome.Succeeded or ToolCallOutcome.SucceededTruncated;
        var awsRequests = call.AuditTrail.Requests;
        if (activity is not null)
        {
            activity.SetTag(OutcomeTag, outcome);
            activity.SetTag(PluginTag, call.Tool?.PluginName);
            activity.SetTag("awsmcp.aws_requests", awsRequests.Count);
            if (!succeeded)
            {
                activity.SetTag(ErrorTypeTag, outcome);
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }

        var tags = new TagList
        {
            { ToolTag, call.ToolName },
            { PluginTag, call.Tool?.PluginName },
            { ChannelTag, call.Channel.ToString() },
            { OutcomeTag, outcome },
        };
        _duration.Record(duration.TotalSeconds, tags);
        if (!succeeded)
        {
            _errors.Add(1, tags);
        }

        foreach (var request in awsRequests)
        {
            _awsRequests.Add(1, new TagList
            {
                { ToolTag, call.ToolName },
                { "rpc.system", "aws-api" },
                { "rpc.service", request.Service },
                { "rpc.method", request.Operation },
            });
        }
    }

    private static string McpServerVersion() => Mcp.McpServerRegistration.ServerVersion;
}
