using System.Text;
using AwsMcp.Abstractions;
using AwsMcp.Host.Redaction;

namespace AwsMcp.Host.Mcp.Http;

/// <summary>
/// The client channel of a stateless HTTP call answered in front of the SDK, to a client that accepts a stream: the
/// answer becomes an SSE stream on the first progress notification, and the result is its last event. Without a
/// session there is no <c>logging/setLevel</c> to honour and nowhere to send a question, so it carries progress only.
/// </summary>
public sealed class ResponseStreamChannel(HttpResponse response, ReadOnlyMemory<byte> progressToken, IRedactor redactor) : IClientChannel
{
    /// <summary>What comes before one JSON-RPC message in an SSE event, as the SDK frames it.</summary>
    public static readonly byte[] EventPrefix = "event: message\ndata: "u8.ToArray();

    /// <summary>What ends an SSE event.</summary>
    public static readonly byte[] EventSuffix = "\n\n"u8.ToArray();

    private readonly SemaphoreSlim _writing = new(1, 1);
    private double _lastProgress = double.NegativeInfinity;

    /// <summary>True once a notification went out: the response is an open SSE stream and the result must follow as an event.</summary>
    public bool Started { get; private set; }

    public bool ReportsProgress => !progressToken.IsEmpty;

    public bool CanElicit => false;

    public bool CanSample => false;

    public async ValueTask ReportProgressAsync(double progress, double? total = null, string? message = null, CancellationToken cancellationToken = default)
    {
        if (progressToken.IsEmpty)
        {
            return;
        }

        await _writing.WaitAsync(cancellationToken);
        try
        {
            // MCP requires progress to increase; a repeated step is dropped rather than sent out of order.
            if (progress <= _lastProgress)
            {
                return;
            }

            _lastProgress = progress;
            var json = new StringBuilder("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":")
                .Append(Encoding.UTF8.GetString(progressToken.Span))
                .Append(",\"progress\":").Append(progress.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            if (total is { } t)
            {
                json.Append(",\"total\":").Append(t.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (message is not null)
            {
                json.Append(",\"message\":").Append(System.Text.Json.JsonSerializer.Serialize(redactor.RedactText(message)));
            }

            await WriteEventAsync(Encoding.UTF8.GetBytes(json.Append("}}").ToString()), cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    // Everything but progress is what a channel that carries nothing answers.
    public bool Logs(ClientLogLevel level) => ClientChannel.None.Logs(level);

    public ValueTask LogAsync(ClientLogLevel level, string message, CancellationToken cancellationToken = default) =>
        ClientChannel.None.LogAsync(level, message, cancellationToken);

    public ValueTask<ElicitationAnswer> ElicitAsync(ElicitationRequest request, CancellationToken cancellationToken = default) =>
        ClientChannel.None.ElicitAsync(request, cancellationToken);

    public ValueTask<SamplingAnswer?> SampleAsync(SamplingRequest request, CancellationToken cancellationToken = default) =>
        ClientChannel.None.SampleAsync(request, cancellationToken);

    /// <summary>Writes the call's answer as the stream's last event (after the notifications already sent).</summary>
    public async Task WriteResultAsync(ReadOnlyMemory<byte> answer, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await WriteEventAsync(answer, cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task WriteEventAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        if (!Started)
        {
            // As the SDK frames a streamed answer: not cached or transformed by proxies, no length known up front.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache,no-store";
            response.Headers.ContentEncoding = "identity";
            Started = true;
        }

        await response.Body.WriteAsync(EventPrefix, cancellationToken);
        await response.Body.WriteAsync(json, cancellationToken);
        await response.Body.WriteAsync(EventSuffix, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
