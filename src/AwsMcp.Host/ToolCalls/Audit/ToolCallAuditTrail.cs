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

    /// <summary>Further targets, as <c>region</c> or <c>region (account)</c>.</summary>
    public IReadOnlyList<string> Targets => _targets.IsEmpty ? [] : [.. _targets.Distinct(StringComparer.Ordinal)];

    public void AwsRequest(string service, string operation, string? requestId) => _requests.Enqueue(new AwsRequestRecord(service, operation, requestId));

    public void Resource(string resource) => _resources.Enqueue(resource);

    public void Target(string region, string? account) => _targets.Enqueue(account is null ? region : $"{region} ({account})");
}
