using Amazon.SecurityToken.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Iam.Identity;

/// <summary>Who the server acts as in AWS.</summary>
[AwsTarget]
public sealed class IdentityTools(ToolPackContext context)
{
    private readonly AwsClientFactory _aws = AwsClientFactory.For(context);

    /// <summary>
    /// Shows the AWS identity the server uses: account id, ARN, whether it is a user or an assumed role, and, when
    /// <c>account</c> names a configured account, the role assumed there. Use when you need to know which account or
    /// principal a tool call runs as before acting, or to check that an account is reachable. Never returns secrets.
    /// </summary>
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
