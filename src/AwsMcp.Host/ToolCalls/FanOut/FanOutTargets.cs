using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.FanOut;

/// <summary>
/// Which targets a fan-out call names, from its bound <c>regions</c> and <c>accounts</c>: <c>["all"]</c> is the
/// fleet (<c>AwsMcp:FanOut:Regions</c>) as far as policy allows it, <c>["*"]</c> the configured accounts policy allows,
/// a list is taken as it is (policy then refuses its targets one by one, visibly), and an absent list is the call's
/// one region or account (or the default). The blast radius is capped (<c>AwsMcp:FanOut:MaxTargets</c>) before any
/// target is asked.
/// </summary>
public sealed class FanOutTargets(IOptionsMonitor<FanOutOptions> fanOut, IOptionsMonitor<AwsOptions> aws, ToolPolicy policy)
{
    public const string AllRegions = "all";
    public const string AllAccounts = "*";

    /// <summary>The targets in a stable order (by account, then region), or the problem with the lists (naming the argument).</summary>
    public (IReadOnlyList<FanOutTarget> Targets, ArgumentProblem? Problem) Expand(ServedTool tool, BoundToolCall bound)
    {
        var regionsName = tool.Roles.Regions ?? "regions";
        var accountsName = tool.Roles.Accounts ?? "accounts";
        var awsOptions = aws.CurrentValue;
        IReadOnlyList<string?> accounts = bound.Accounts switch
        {
            [] => [bound.Account],
            [AllAccounts] => [.. awsOptions.Accounts.Keys.Where(policy.AllowsAccount).Order(StringComparer.Ordinal)],
            var named => [.. named],
        };
        if (accounts.Count == 0)
        {
            return ([], new ArgumentProblem(
                accountsName, "[\"*\"] names no account: none is configured (AwsMcp:Aws:Accounts) or allowed (AwsMcp:Policy:AllowedAccounts)"));
        }

        IReadOnlyList<string>? regions = bound.Regions switch
        {
            [] => null,
            [AllRegions] => [.. fanOut.CurrentValue.Fleet.Where(policy.AllowsRegion)],
            var named => named,
        };
        if (regions is { Count: 0 })
        {
            return ([], new ArgumentProblem(regionsName, "[\"all\"] names no region: policy allows none of the fleet (AwsMcp:FanOut:Regions, AwsMcp:Policy:AllowedRegions)"));
        }

        List<FanOutTarget> targets =
        [
            .. accounts.SelectMany(account => (regions ?? [bound.Region ?? awsOptions.DefaultRegion(account)!]).Select(region => new FanOutTarget(region, account))).Distinct(),
        ];
        var cap = fanOut.CurrentValue.MaxTargets;
        if (targets.Count > cap)
        {
            // Name the list to shorten: the one with more than one entry, or both.
            var field = (regions?.Count ?? 1) > 1 && accounts.Count > 1 ? $"{regionsName}, {accountsName}"
                : accounts.Count > 1 ? accountsName
                : regionsName;
            return ([], new ArgumentProblem(
                field, $"names {targets.Count} targets (regions × accounts); this server asks at most {cap} in one call (AwsMcp:FanOut:MaxTargets): list fewer"));
        }

        return (targets, null);
    }
}
