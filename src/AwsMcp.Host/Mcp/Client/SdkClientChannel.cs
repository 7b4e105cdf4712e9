using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Redaction;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcp.Host.Mcp.Client;

// Logging and sampling are deprecated from the 2026-07-28 draft on (SEP-2577), but they are part of every protocol
// version this server speaks (up to 2025-11-25), and clients use them today.
#pragma warning disable MCP9005

/// <summary>
/// The client channel of a call that came through the MCP SDK (stdio, a stateful HTTP session): progress when the
/// request carried a progress token, log messages at or above the level the client set with <c>logging/setLevel</c>
/// (none before it did: a client that never asked is not sent chatter), and questions and sampling when the client
/// declared them. Everything a pack sends is redacted first.
/// </summary>
public sealed class SdkClientChannel(McpServer server, ProgressToken? progressToken, string logger, IRedactor redactor) : IClientChannel
{
    private double _lastProgress = double.NegativeInfinity;

    public bool ReportsProgress => progressToken is not null;

    public bool CanElicit => server.ClientCapabilities?.Elicitation is not null;

    public bool CanSample => server.ClientCapabilities?.Sampling is not null;

    public async ValueTask ReportProgressAsync(double progress, double? total = null, string? message = null, CancellationToken cancellationToken = default)
    {
        // MCP requires progress to increase; a pack that reports a step twice is not a protocol error for the client.
        if (progressToken is not { } token || progress <= _lastProgress)
        {
            return;
        }

        _lastProgress = progress;
        await server.NotifyProgressAsync(
            token,
            new ProgressNotificationValue { Progress = (float)progress, Total = (float?)total, Message = message is null ? null : redactor.RedactText(message) },
            cancellationToken: cancellationToken);
    }

    public bool Logs(ClientLogLevel level) => server.LoggingLevel is { } minimum && (int)level >= (int)minimum;

    public async ValueTask LogAsync(ClientLogLevel level, string message, CancellationToken cancellationToken = default)
    {
        if (!Logs(level))
        {
            return;
        }

        await server.SendNotificationAsync(
            NotificationMethods.LoggingMessageNotification,
            new LoggingMessageNotificationParams { Level = (LoggingLevel)(int)level, Logger = logger, Data = JsonSerializer.SerializeToElement(redactor.RedactText(message), McpJsonUtilities.DefaultOptions) },
            McpJsonUtilities.DefaultOptions,
            cancellationToken);
    }

    public async ValueTask<ElicitationAnswer> ElicitAsync(ElicitationRequest request, CancellationToken cancellationToken = default)
    {
        if (!CanElicit)
        {
            return ElicitationAnswer.Unavailable;
        }

        var schema = request.RequestedSchema.Deserialize<ElicitRequestParams.RequestSchema>(McpJsonUtilities.DefaultOptions)
            ?? throw new ArgumentException("The requested schema is not a JSON object.", nameof(request));
        var answer = await server.ElicitAsync(new ElicitRequestParams { Message = request.Message, RequestedSchema = schema }, cancellationToken);
        var action = answer.Action switch
        {
            "accept" => ElicitationAction.Accept,
            "decline" => ElicitationAction.Decline,
            _ => ElicitationAction.Cancel,
        };
        return new ElicitationAnswer(action, answer.Content is null ? null : JsonSerializer.SerializeToElement(answer.Content, McpJsonUtilities.DefaultOptions));
    }

    public async ValueTask<SamplingAnswer?> SampleAsync(SamplingRequest request, CancellationToken cancellationToken = default)
    {
        if (!CanSample)
        {
            return null;
        }

        var answer = await server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = request.Prompt }] }],
                MaxTokens = request.MaxTokens,
                SystemPrompt = request.SystemPrompt,
            },
            cancellationToken);
        var text = string.Join('\n', answer.Content.OfType<TextContentBlock>().Select(block => block.Text));
        return new SamplingAnswer(text, answer.Model);
    }
}
