namespace AwsMcp.Abstractions;

/// <summary>Client channels every host and test can use.</summary>
public static class ClientChannel
{
    /// <summary>A channel that carries nothing: a command-line call, a JSON-only client, a test.</summary>
    public static IClientChannel None { get; } = new Closed();

    private sealed class Closed : IClientChannel
    {
        public bool ReportsProgress => false;

        public bool CanElicit => false;

        public bool CanSample => false;

        public ValueTask ReportProgressAsync(double progress, double? total = null, string? message = null, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;

        public bool Logs(ClientLogLevel level) => false;

        public ValueTask LogAsync(ClientLogLevel level, string message, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask<ElicitationAnswer> ElicitAsync(ElicitationRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ElicitationAnswer.Unavailable);

        public ValueTask<SamplingAnswer?> SampleAsync(SamplingRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<SamplingAnswer?>(null);
    }
}
