using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Protocol;

namespace AwsMcp.Aws.Tools;

/// <summary>
/// Names the AWS call a tool is about to make, in the call's region and account, for <see cref="AwsCall"/>. One place
/// so that audit records and error messages name calls the same way in every tool pack.
/// </summary>
public static class AwsTargets
{
    /// <summary>A call to a regional service, in the region the call resolves to.</summary>
    public static AwsCallTarget Target(this AwsClientFactory aws, ToolContext ctx, string service, string operation)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(ctx);
        return new(service, operation, aws.Region(ctx), ctx.Account);
    }

    /// <summary>
    /// A call through the protocol client: services with one endpoint per partition (IAM, Budgets, Cost Explorer) are
    /// named in the region they sign with, since that is where the request goes whatever region the call names.
    /// </summary>
    public static AwsCallTarget Target(this AwsClientFactory aws, ToolContext ctx, AwsServiceModel model, string operation)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(model);
        return new(model.SigningName, operation, model.GlobalRegion ?? aws.Region(ctx), ctx.Account);
    }
}
