using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.ManagementEvents;

namespace AwsMcp.Sandbox.Services.CloudTrail;

/// <summary>
/// The CloudTrail event history of one sandbox: the seeded events (<see cref="CloudTrailSeed"/>) and every write call
/// made since (<see cref="Record"/>), per account and region as CloudTrail keeps it. Recorded events are bounded so that
/// a long-running <c>--sandbox</c> does not grow without limit.
/// </summary>
public sealed class EventHistory
{
    private const int MaxRecorded = 10_000;

    private readonly IReadOnlyList<TrailEvent> _seeded;
    private readonly Queue<TrailEvent> _recorded = new();
    private readonly Lock _gate = new();

    private EventHistory(IReadOnlyList<TrailEvent> seeded) => _seeded = seeded;

    public static EventHistory For(SandboxContext context) => context.Shared(static c => new EventHistory(CloudTrailSeed.Events(c)));

    /// <summary>Records a write call that reached the sandbox as the management event CloudTrail would write for it.</summary>
    public void Record(SandboxRequest request, string operation, ManagementWrite write, DateTimeOffset time, SandboxServiceException? error)
    {
        var http = request.Http.HttpContext;
        var trailEvent = new TrailEvent(
            Guid.NewGuid().ToString(),
            time,
            request.Region,
            request.Service + ".amazonaws.com",
            operation,
            ReadOnly: false,
            TrailIdentity.Of(request.Principal),
            http.Connection.RemoteIpAddress?.MapToIPv4().ToString() ?? "127.0.0.1",
            request.Http.Headers.UserAgent.ToString(),
            write.Resources,
            (JsonObject)write.RequestParameters.DeepClone(),
            ResponseElements: null,
            error?.Code,
            error?.Message);
        lock (_gate)
        {
            if (_recorded.Count == MaxRecorded)
            {
                _recorded.Dequeue();
            }

            _recorded.Enqueue(trailEvent);
        }
    }

    /// <summary>The events of one account and region up to <paramref name="end"/>, newest first.</summary>
    public IReadOnlyList<TrailEvent> Newest(string account, string region, DateTimeOffset end)
    {
        List<TrailEvent> recorded;
        lock (_gate)
        {
            recorded = [.. _recorded];
        }

        return [.. _seeded.Concat(recorded)
            .Where(e => e.Account == account && e.Region == region && e.Time <= end)
            .OrderByDescending(e => e.Time)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)];
    }
}
