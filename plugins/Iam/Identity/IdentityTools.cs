using Amazon.SecurityToken.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Iam.Identity;

/// <summary>Who the server acts as in AWS.</summary>
[Toolset("iam")]
[AwsTarget]
public sealed class IdentityTools(ToolPackContext context)
{
    private readonly AwsClientFactory _aws = AwsClientFactory.For(context);

    /// <summary>
    /// Shows the AWS identity the server acts as. Use to check which account a call runs in.
    /// </summary>
    [AwsTarget(Region = false)]
    [Tool("whoami", Title = "Show the server's AWS identity", ReadOnly = true, Idempotent = true)]
    public async Task<CallerIdentityReport> WhoAmIAsync(ToolContext ctx)
    {
        var target = _aws.Target(ctx, "sts", "GetCallerIdentity");
        var sts = _aws.Sts(ctx);
        var identity = await AwsCall.SdkAsync(ctx, target, ct => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct));
        var principal = PrincipalArn.Parse(identity.Arn);
        var roleArn = ctx.Account is null ? null : _aws.Options.Accounts[ctx.Account].RoleArn;
        return new CallerIdentityReport(
            identity.Account, identity.Arn, principal.Type, principal.Name, principal.SessionName, ctx.Account, roleArn);
    }
}
