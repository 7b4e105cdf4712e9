using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Tools;

namespace AwsMcp.ToolPacks.Shared;

/// <summary>Names the AWS call a tool is about to make, in the call's region and account, for <see cref="AwsCall"/>.</summary>
internal static class AwsTargets
{
    public static AwsCallTarget Target(this AwsClientFactory aws, ToolContext ctx, string service, string operation) =>
        new(service, operation, aws.Region(ctx), ctx.Account);
}
