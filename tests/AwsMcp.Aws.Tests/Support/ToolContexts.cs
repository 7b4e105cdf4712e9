using AwsMcp.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsMcp.Aws.Tests.Support;

internal static class ToolContexts
{
    public static ToolContext For(string callerId = "local", string? region = null, string? account = null) => new()
    {
        ToolName = "test_tool",
        Caller = new CallerIdentity(callerId, callerId, "api-key", []),
        Region = region,
        Account = account,
        Logger = NullLogger.Instance,
        Audit = new NoAudit(),
        CancellationToken = CancellationToken.None,
    };

    public static ToolPackContext Pack(params (string Key, string? Value)[] settings) =>
        new("Compute", Settings.Of(settings), NullLoggerFactory.Instance);

    private sealed class NoAudit : IToolCallAudit
    {
        public void AwsRequest(string service, string operation, string? requestId)
        {
        }

        public void Resource(string resource)
        {
        }
    }
}
