using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Targeting;

/// <summary>
/// Decides, before policy, confirmation and audit see a call, where it really acts: the account it asked for (the
/// server's own when none), and the region its tool locates (an S3 bucket's own region), else the one it asked for,
/// else the account's or the server's default. Only declared roles are read, never argument names.
/// </summary>
public sealed class CallTargets(IOptionsMonitor<AwsOptions> options)
{
    /// <summary>Sets <see cref="ToolCall.Region"/> and <see cref="ToolCall.Account"/> for a bound call.</summary>
    /// <param name="call">The call, with its arguments bound.</param>
    /// <param name="locatorContext">The context a region locator runs with (read-only requests, the default region).</param>
    /// <exception cref="ToolException">The locator could not find the region (no such bucket, access denied, ...).</exception>
    public async ValueTask ResolveAsync(ToolCall call, Func<ToolCall, ToolContext> locatorContext)
    {
        var bound = call.Bound!;
        var aws = options.CurrentValue;
        call.Account = bound.Account;
        call.Region = bound.Region ?? aws.DefaultRegion(bound.Account);
        if (bound.LocatesRegion)
        {
            call.Region = await bound.LocateRegionAsync(locatorContext(call));
        }
    }
}
