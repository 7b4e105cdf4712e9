using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using AwsMcp.Abstractions;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Hosting;
using AwsMcp.Host.Mcp.Features;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcp.Host.Mcp.Resources;

/// <summary>
/// <c>resources/subscribe</c> and <c>unsubscribe</c> for clients with a session (stdio, a stateful HTTP session), and
/// the watcher behind them: AWS sends no change events to this server, so every
/// <c>AwsMcp:Mcp:ResourcePollSeconds</c> each subscribed resource is read again as its subscriber (a read like any
/// other: policy and audit apply) and the subscriber is sent <c>notifications/resources/updated</c> when its content
/// changed. Bounded per session and in total; a session that has gone is forgotten.
/// </summary>
public sealed partial class ResourceSubscriptions(
    ResourceHandlers resources, FeatureCalls calls, ICallerIdentityResolver callers, IOptionsMonitor<McpOptions> options, IHttpContextAccessor http, TimeProvider time,
    BackgroundHealth health, ILogger<ResourceSubscriptions> logger) : BackgroundService
{
    /// <summary>The component name in <see cref="BackgroundHealth"/>.</summary>
    public const string Component = "resource-subscriptions";

    private const int MaxPerSession = 100;
    private const int MaxTotal = 10_000;

    private readonly ConcurrentDictionary<(McpServer Session, string Uri), Subscription> _subscriptions = new();

    public int Count => _subscriptions.Count;

    public ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? string.Empty;
        if (http.HttpContext is { } context && !context.Request.Headers.ContainsKey("Mcp-Session-Id"))
        {
            throw new McpProtocolException(
                "Subscriptions need a session, and this exchange has none (the server is stateless: AwsMcp:Mcp:SessionMode). Read the resource again instead.",
                McpErrorCode.InvalidRequest);
        }

        var (resource, _) = resources.Find(uri) ?? throw new McpProtocolException($"Resource not found: '{uri}'.", McpErrorCode.ResourceNotFound);
        if (!resource.Descriptor.Subscribable)
        {
            throw new McpProtocolException($"Resource '{uri}' does not change while you look at it; read it again when you need it.", McpErrorCode.InvalidParams);
        }

        if (_subscriptions.Count >= MaxTotal || _subscriptions.Keys.Count(key => key.Session == request.Server) >= MaxPerSession)
        {
            throw new McpProtocolException($"Too many subscriptions (at most {MaxPerSession} per session); unsubscribe from some first.", McpErrorCode.InvalidRequest);
        }

        _subscriptions.TryAdd((request.Server, uri), new Subscription(callers.Resolve(request.User)));
        return ValueTask.FromResult(new EmptyResult());
    }

    public ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        _subscriptions.TryRemove((request.Server, request.Params?.Uri ?? string.Empty), out _);
        return ValueTask.FromResult(new EmptyResult());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        health.Healthy(Component, "no subscriptions yet");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.CurrentValue.ResourcePollSeconds), time, stoppingToken);
                await PollAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A fault here must not stop the server: say so in readiness and try again next round.
                health.Degraded(Component, $"checking subscribed resources failed: {ex.GetType().Name}");
                LogPollFailed(ex);
            }
        }
    }

    /// <summary>Reads every subscribed resource once and notifies the subscribers whose content changed.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        foreach (var ((session, uri), subscription) in _subscriptions)
        {
            string? hash;
            try
            {
                hash = resources.Find(uri) is var (resource, arguments)
                    ? Hash(await calls.RunAsync(resource.Kind, resource.Name, arguments, subscription.Caller, ClientChannel.None, cancellationToken))
                    : null;
            }
            catch (McpProtocolException)
            {
                hash = null; // refused, gone or failing now: a change the subscriber learns about when it reads again
            }

            var previous = Interlocked.Exchange(ref subscription.Hash, hash);
            if (previous is null || previous == hash)
            {
                continue;
            }

            try
            {
                await session.SendNotificationAsync(
                    NotificationMethods.ResourceUpdatedNotification, new ResourceUpdatedNotificationParams { Uri = uri }, McpJsonUtilities.DefaultOptions, cancellationToken);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException)
            {
                _subscriptions.TryRemove((session, uri), out _); // the session has ended
            }
        }

        health.Healthy(Component, $"{_subscriptions.Count} subscription(s) checked at {time.GetUtcNow():O}");
    }

    private static string? Hash(ToolResult result) =>
        result.IsError ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(result.Text)))
            + string.Concat(result.Content.OfType<EmbeddedResourceContent>().Select(c => c.Resource.Blob is { } blob ? Convert.ToHexString(SHA256.HashData(blob.Span)) : string.Empty));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking subscribed resources failed; trying again next round")]
    private partial void LogPollFailed(Exception exception);

    private sealed class Subscription(CallerIdentity caller)
    {
        // The content's hash as last read; the first read only records it.
        public string? Hash;

        public CallerIdentity Caller { get; } = caller;
    }
}
