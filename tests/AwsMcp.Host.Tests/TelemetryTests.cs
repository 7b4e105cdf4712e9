using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AwsMcp.Host.Telemetry;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Tests;

/// <summary>A tool call through MCP produces a span and metrics (tracing and metrics listeners, no exporter).</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, object Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();
    private InProcessServer _server = null!;

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ToolCallTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    public async Task InitializeAsync()
    {
        _server = await InProcessServer.StartAsync(_plugins);

        // Only this server's meter: other tests' servers run in parallel in the same process.
        var meters = _server.Service<IMeterFactory>();
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ToolCallTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    public async Task DisposeAsync()
    {
        _meterListener.Dispose();
        _activityListener.Dispose();
        await _server.DisposeAsync();
        _plugins.Dispose();
    }

    [Fact]
    public async Task A_tool_call_produces_a_span_tagged_with_the_tool_and_its_outcome()
    {
        await using var client = await _server.ConnectAsync("2025-06-18");

        await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "traced" });

        var record = Assert.Single(_server.Audit.Records, r => r.Tool == "echo");
        var span = Assert.Single(_activities, a => (string?)a.GetTagItem("awsmcp.correlation_id") == record.CorrelationId);
        Assert.Equal("awsmcp.tool_call echo", span.DisplayName);
        Assert.Equal("echo", span.GetTagItem(ToolCallTelemetry.ToolTag));
        Assert.Equal("Echo", span.GetTagItem(ToolCallTelemetry.PluginTag));
        Assert.Equal(nameof(ToolCallOutcome.Succeeded), span.GetTagItem(ToolCallTelemetry.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_tool_call_records_its_latency_and_the_AWS_requests_the_tool_reported()
    {
        await using var client = await _server.ConnectAsync("2025-06-18");

        await client.CallToolAsync("describe_things", new Dictionary<string, object?> { ["thing_ids"] = new[] { "t-1" } });

        Assert.Contains(_measurements, m => m.Instrument == ToolCallTelemetry.DurationInstrument
            && (double)m.Value >= 0
            && Equals(m.Tags[ToolCallTelemetry.ToolTag], "describe_things")
            && Equals(m.Tags[ToolCallTelemetry.OutcomeTag], nameof(ToolCallOutcome.Succeeded)));
        Assert.Contains(_measurements, m => m.Instrument == ToolCallTelemetry.AwsRequestsInstrument
            && (long)m.Value == 1
            && Equals(m.Tags["rpc.service"], "things")
            && Equals(m.Tags["rpc.method"], "DescribeThings"));
        Assert.DoesNotContain(_measurements, m => m.Instrument == ToolCallTelemetry.ErrorsInstrument);
    }

    [Fact]
    public async Task A_failed_call_counts_as_an_error_and_marks_its_span()
    {
        await using var client = await _server.ConnectAsync("2025-06-18");

        await client.CallToolAsync("fail", new Dictionary<string, object?>());

        Assert.Contains(_measurements, m => m.Instrument == ToolCallTelemetry.ErrorsInstrument
            && Equals(m.Tags[ToolCallTelemetry.ToolTag], "fail")
            && Equals(m.Tags[ToolCallTelemetry.OutcomeTag], nameof(ToolCallOutcome.ToolError)));
        var record = Assert.Single(_server.Audit.Records, r => r.Tool == "fail");
        var span = Assert.Single(_activities, a => (string?)a.GetTagItem("awsmcp.correlation_id") == record.CorrelationId);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(nameof(ToolCallOutcome.ToolError), span.GetTagItem(ToolCallTelemetry.ErrorTypeTag));
    }

    [Fact]
    public void The_JSON_log_switch_selects_the_JSON_console_formatter()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AwsMcp:Logging:Json"] = "true" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddAwsMcpLogFormat(configuration));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(ConsoleFormatterNames.Json, provider.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
