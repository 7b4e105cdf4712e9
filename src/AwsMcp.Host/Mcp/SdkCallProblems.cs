using System.Runtime.CompilerServices;
using AwsMcp.Abstractions;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Mcp;

/// <summary>
/// Problems found in a <c>tools/call</c> request on the SDK path before the SDK bound it, kept with the request until
/// the tool (or the unknown-tool handler) refuses it: the SDK cannot carry them itself.
/// </summary>
internal static class SdkCallProblems
{
    private static readonly ConditionalWeakTable<JsonRpcRequest, Problem> Problems = [];

    public static void Mark(JsonRpcRequest request, Problem problem) => Problems.AddOrUpdate(request, problem);

    public static Problem? Of(JsonRpcRequest request) => Problems.TryGetValue(request, out var problem) ? problem : null;

    /// <summary>What is wrong, and whether it is the request that is malformed (-32602) rather than an argument (an <c>isError</c> result).</summary>
    public sealed record Problem(ArgumentProblem Argument, bool ProtocolError);
}
