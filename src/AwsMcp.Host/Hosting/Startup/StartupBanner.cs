using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Mcp.Http;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Hosting.Startup;

/// <summary>
/// What an operator needs once the server listens: the mode, the MCP URL, how many tools are served and why others
/// are hidden, the next thing to type; then, without holding up the start, who the server is in AWS (or what to set).
/// </summary>
public sealed partial class StartupBanner(
    IServiceProvider services,
    StartupWork startup,
    ToolRegistry registry,
    ToolPolicy policy,
    IConfiguration configuration,
    IOptions<SecurityOptions> security,
    ILoggerFactory loggerFactory,
    ILogger<StartupBanner> logger) : BackgroundService
{
    /// <summary>Set by <c>serve --sandbox</c>: the emulator's endpoint.</summary>
    public const string SandboxEndpointKey = "AwsMcp:Sandbox:Endpoint";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await startup.WaitForStartAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var sandbox = configuration[SandboxEndpointKey];
        var urls = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(address => address.TrimEnd('/') + McpEndpoint.Path).ToList() ?? [];
        var mcp = urls.Count == 0 ? "stdio (the client that started this process)" : string.Join(", ", urls);
        LogReady(
            logger,
            McpServerVersion,
            sandbox is null ? "AWS (real calls with the server's credentials)" : $"SANDBOX (the built-in AWS emulator at {sandbox}; nothing real changes)",
            mcp,
            Tools(),
            urls.Count == 0 ? "send initialize on stdin, or use `awsmcp call <tool> --sandbox` from a terminal" : NextStep(urls[0]));

        // After the packs warmed up: not in the way of the first requests, and the SDK's files are in the page cache.
        await startup.WarmedUp.WaitAsync(stoppingToken).ConfigureAwait(false);
        var identity = await AwsIdentityProbe.ProbeAsync(configuration, loggerFactory, stoppingToken).ConfigureAwait(false);
        if (identity.Problem is { } problem)
        {
            LogNoIdentity(logger, problem);
        }
        else
        {
            LogIdentity(logger, identity.Arn!, identity.Account!, identity.Region!);
        }
    }

    private static string McpServerVersion => Mcp.McpServerRegistration.ServerVersion;

    private string Tools()
    {
        var decisions = registry.Tools.Select(tool => policy.Evaluate(tool, CallerIdentity.Local)).ToList();
        var hidden = decisions.Where(d => !d.Allowed).GroupBy(d => d.Rule).Select(group => $"{group.Count()} {Why(group.Key)}").ToList();
        return $"{decisions.Count(d => d.Allowed)} served" + (hidden.Count == 0 ? string.Empty : $", {string.Join(", ", hidden)}");
    }

    private static string Why(string rule) => rule switch
    {
        "writes-disabled" => "hidden because they change AWS (set AWSMCP__Tools__WritesEnabled=true to serve them)",
        _ => $"hidden ({rule})",
    };

    private string NextStep(string url)
    {
        var key = security.Value.AuthenticationEnabled ? " --api-key <key>" : string.Empty;
        return $"awsmcp tools list --url {url}{key}   |   awsmcp call whoami --url {url}{key}   |   " +
            $"npx @modelcontextprotocol/inspector --cli --transport http --server-url {url} --method tools/list";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AwsMcp {Version} is ready.\n  Mode:  {Mode}\n  MCP:   {Endpoint}\n  Tools: {Tools}\n  Next:  {Next}")]
    private static partial void LogReady(ILogger logger, string version, string mode, string endpoint, string tools, string next);

    [LoggerMessage(Level = LogLevel.Information, Message = "AWS identity: {Arn} (account {Account}), default region {Region}")]
    private static partial void LogIdentity(ILogger logger, string arn, string account, string region);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS is not reachable with this configuration, so tool calls will fail: {Problem}")]
    private static partial void LogNoIdentity(ILogger logger, string problem);
}
