using AwsMcp.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsMcp.Generators.Tests.Infrastructure;

/// <summary>The per-call context a host would pass, for the local operator, with logging and audit discarded.</summary>
internal static class TestToolContext
{
    public static ToolContext Create(string toolName) => new()
    {
        ToolName = toolName,
        Caller = CallerIdentity.Local,
        Logger = NullLogger.Instance,
        Audit = new DiscardingAudit(),
    };

    private sealed class DiscardingAudit : IToolCallAudit
    {
        public void AwsRequest(string service, string operation, string? requestId)
        {
        }

        public void Resource(string resource)
        {
        }
    }
}
