using AwsMcp.Abstractions;
using AwsMcp.Sandbox.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsMcp.Aws.Tests.Support;

internal static class ToolContexts
{
    public static ToolContext For(string callerId = "local", string? region = null, string? account = null) =>
        SandboxToolContext.Call("test_tool", region, account, new CallerIdentity(callerId, callerId, "api-key", []));

    public static ToolPackContext Pack(params (string Key, string? Value)[] settings) =>
        new("Compute", Settings.Of(settings), NullLoggerFactory.Instance);
}
