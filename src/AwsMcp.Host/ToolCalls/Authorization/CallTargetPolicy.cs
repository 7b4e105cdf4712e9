using AwsMcp.Abstractions;

namespace AwsMcp.Host.ToolCalls.Authorization;

/// <summary>
/// What a tool's <see cref="ToolContext.Retarget"/> asks: the same account and region rules as the call itself, so
/// a tool that has to reach another region (a bucket listed here that lives there) cannot escape them.
/// </summary>
public sealed class CallTargetPolicy(ToolPolicy policy) : IToolTargetPolicy
{
    public string? Authorize(string region, string? account) => policy.EvaluateTarget(region, account)?.Reason;
}
