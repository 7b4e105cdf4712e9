using System.Collections.Concurrent;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>The plugin-facing side of the audit record: tools report their AWS requests, resources and further targets here.</summary>
public sealed class ToolCallAuditTrail : IToolCallAudit
{
    // Tools may fan out requests in parallel.
    private readonly ConcurrentQueue<AwsRequestRecord> _requests = new();
    private readonly ConcurrentQueue<string> _resources = new();
    private readonly ConcurrentQueue<string> _targets = new();

    public IReadOnlyList<AwsRequestRecord> Requests => _requests.IsEmpty ? [] : [.. _requests];

    public IReadOnlyList<string> Resources => _resources.IsEmpty ? [] : [.. _resources];

    /// <summary>
    /// Further targets, as <c>region</c> or <c>region (account)</c>; for a fan-out call, every target it named with
    /// what became of it (<c>eu-west-1 (prod): ok 3</c>, <c>ap-southeast-2: denied</c>, <c>…: failed</c>, <c>…: timed_out</c>).
    /// </summary>
    public IReadOnlyList<string> Targets => _targets.IsEmpty ? [] : [.. _targets.Distinct(StringComparer.Ordinal)];

    public void AwsRequest(string service, string operation, string? requestId) => _requests.Enqueue(new AwsRequestRecord(service, operation, requestId));

    public void Resource(string resource) => _resources.Enqueue(resource);

    public void Target(string region, string? account) => _targets.Enqueue(account is null ? region : $"{region} ({account})");

    /// <summary>A target of a fan-out call and its outcome, for the call's one audit record.</summary>
    public void FanOutTarget(string target, string outcome) => _targets.Enqueue($"{target}: {outcome}");
}
