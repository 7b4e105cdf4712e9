using System.Collections.Concurrent;
using AwsMcp.Abstractions;

namespace AwsMcp.Plugins.Tests.Infrastructure;

/// <summary>A client that asked for progress and records every report; it takes no log messages and cannot be asked anything.</summary>
internal sealed class RecordingClientChannel : IClientChannel
{
    private readonly ConcurrentQueue<ProgressReport> _progress = new();

    /// <summary>The progress reports, in the order they came.</summary>
    public IReadOnlyList<ProgressReport> Progress => [.. _progress];

    public bool ReportsProgress => true;

    public bool CanElicit => false;

    public bool CanSample => false;

    public ValueTask ReportProgressAsync(double progress, double? total = null, string? message = null, CancellationToken cancellationToken = default)
    {
        _progress.Enqueue(new ProgressReport(progress, total, message));
        return ValueTask.CompletedTask;
    }

    public bool Logs(ClientLogLevel level) => false;

    public ValueTask LogAsync(ClientLogLevel level, string message, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<ElicitationAnswer> ElicitAsync(ElicitationRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ElicitationAnswer.Unavailable);

    public ValueTask<SamplingAnswer?> SampleAsync(SamplingRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<SamplingAnswer?>(null);
}

/// <summary>One <c>notifications/progress</c> a call sent.</summary>
internal sealed record ProgressReport(double Progress, double? Total, string? Message);
