using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Authorization;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Mcp.Completions;

/// <summary>
/// The completion sources the host answers from its own configuration (<see cref="CompletionSources"/>), filtered by
/// policy: only regions and accounts a call could use.
/// </summary>
public sealed class HostCompletionSources(IOptionsMonitor<AwsOptions> aws, IOptionsMonitor<PolicyOptions> policyOptions, ToolPolicy policy)
{
    // The commercial regions; AwsMcp:Policy:AllowedRegions narrows them, and a region outside it would be refused anyway.
    private static readonly string[] CommercialRegions =
    [
        "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1",
        "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
        "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1",
        "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ];

    /// <summary>The values of host source <paramref name="source"/>, or null when it is not one of the host's.</summary>
    public IEnumerable<string>? Values(string source) => source switch
    {
        CompletionSources.Regions => policyOptions.CurrentValue.AllowedRegions is { Count: > 0 } allowed ? allowed : CommercialRegions,
        CompletionSources.Accounts => aws.CurrentValue.Accounts.Keys.Where(account => policy.EvaluateTarget(null, account) is not { Rule: "account" }),
        _ => null,
    };
}
