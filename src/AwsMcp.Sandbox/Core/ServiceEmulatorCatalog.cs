using AwsMcp.Sandbox.Services.Budgets;
using AwsMcp.Sandbox.Services.CloudTrail;
using AwsMcp.Sandbox.Services.CloudWatch;
using AwsMcp.Sandbox.Services.CostExplorer;
using AwsMcp.Sandbox.Services.Ec2;
using AwsMcp.Sandbox.Services.Iam;
using AwsMcp.Sandbox.Services.Lambda;
using AwsMcp.Sandbox.Services.Logs;
using AwsMcp.Sandbox.Services.PodIdentity;
using AwsMcp.Sandbox.Services.S3;
using AwsMcp.Sandbox.Services.Sso;
using AwsMcp.Sandbox.Services.Sts;

namespace AwsMcp.Sandbox.Core;

/// <summary>The emulators the sandbox routes to, one line each. Add a service here and nowhere else.</summary>
internal static class ServiceEmulatorCatalog
{
    public static IReadOnlyList<IServiceEmulator> Create(SandboxContext context) =>
    [
        new Ec2Emulator(context),
        new S3Emulator(context),
        new StsEmulator(context),
        new IamEmulator(context),
        new LambdaEmulator(context),
        new LogsEmulator(context),
        new CloudWatchEmulator(context),
        new CostExplorerEmulator(context),
        new BudgetsEmulator(context),
        new SsoPortalEmulator(context),
        new PodIdentityAgentEmulator(context),
        new CloudTrailEmulator(context),
    ];
}
