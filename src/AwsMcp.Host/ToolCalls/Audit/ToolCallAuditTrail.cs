using System.Collections.Concurrent;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>The plugin-facing side of the audit record: tools report their AWS requests and resources here.</summary>
public sealed class ToolCallAuditTrail : IToolCallAudit
{
    // Tools may fan out requests in parallel.
    private readonly ConcurrentQueue<AwsRequestRecord> _requests = new();
    private readonly ConcurrentQueue<string> _resources = new();

    public IReadOnlyList<AwsRequestRecord> Requests => [.. _requests];

    public IReadOnlyList<string> Resources => [.. _resources];

    public void AwsRequest(string service, string operation, string? requestId) => _requests.Enqueue(new AwsRequestRecord(service, operation, requestId));

    public void Resource(string resource) => _resources.Enqueue(resource);
}
