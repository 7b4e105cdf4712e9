namespace AwsMcp.Abstractions;

/// <summary>
/// The way back to the MCP client during a call (<see cref="ToolContext.Client"/>). What it can carry depends on the
/// client and the transport: a stateless HTTP answer carries progress and log notifications only when the client
/// accepts a stream, and nothing can ask a question there; every member says so rather than failing.
/// </summary>
public interface IClientChannel
{
    /// <summary>True when the client asked for progress (it sent a progress token) and the transport carries notifications.</summary>
    bool ReportsProgress { get; }

    /// <summary>Sends <c>notifications/progress</c>; does nothing when <see cref="ReportsProgress"/> is false. Progress must increase.</summary>
    ValueTask ReportProgressAsync(double progress, double? total = null, string? message = null, CancellationToken cancellationToken = default);

    /// <summary>True when a message at <paramref name="level"/> reaches the client (its <c>logging/setLevel</c>, the transport).</summary>
    bool Logs(ClientLogLevel level);

    /// <summary>Sends <c>notifications/message</c> (redacted by the host) when <see cref="Logs"/> is true for its level.</summary>
    ValueTask LogAsync(ClientLogLevel level, string message, CancellationToken cancellationToken = default);

    /// <summary>True when the client declared elicitation and the transport can carry a request to it (a session or stdio).</summary>
    bool CanElicit { get; }

    /// <summary>Asks the user through the client (<c>elicitation/create</c>); answers <see cref="ElicitationAction.Unavailable"/> when it cannot.</summary>
    ValueTask<ElicitationAnswer> ElicitAsync(ElicitationRequest request, CancellationToken cancellationToken = default);

    /// <summary>True when the client declared sampling and the transport can carry a request to it.</summary>
    bool CanSample { get; }

    /// <summary>Asks the client's model (<c>sampling/createMessage</c>); null when <see cref="CanSample"/> is false.</summary>
    ValueTask<SamplingAnswer?> SampleAsync(SamplingRequest request, CancellationToken cancellationToken = default);
}
