using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Hosting.Startup;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Cli.Doctor;

/// <summary>What <c>awsmcp doctor</c> checks, on a started command host (configuration already validated, plugins loaded).</summary>
public static class DoctorChecks
{
    public static async Task<IReadOnlyList<DoctorFinding>> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var findings = new List<DoctorFinding> { DoctorFinding.Ok("configuration", "valid (appsettings.json, AWSMCP__* variables, options)") };
        findings.AddRange(Plugins(services));
        findings.AddRange(await AwsAsync(services, cancellationToken));
        findings.Add(Audit(services.GetRequiredService<IOptions<AuditOptions>>().Value));
        findings.AddRange(Exposure(services.GetRequiredService<IOptions<HttpOptions>>().Value, services.GetRequiredService<IOptions<SecurityOptions>>().Value));
        return findings;
    }

    private static IEnumerable<DoctorFinding> Plugins(IServiceProvider services)
    {
        var catalog = services.GetRequiredService<PluginCatalog>();
        var registry = services.GetRequiredService<ToolRegistry>();
        var policy = services.GetRequiredService<ToolPolicy>();
        if (catalog.Loaded.Count == 0)
        {
            yield return DoctorFinding.Fail(
                "plugins", $"no tool pack loaded from {catalog.PluginsPath}",
                "point --plugins (AWSMCP__Plugins__Path) at a folder of tool packs, or install one: awsmcp plugins install <pack.nupkg>");
        }
        else
        {
            var served = registry.Tools.Count(tool => policy.Evaluate(tool, CallerIdentity.Local).Allowed);
            yield return DoctorFinding.Ok(
                "plugins", $"{catalog.Loaded.Count} loaded from {catalog.PluginsPath}: {string.Join(", ", catalog.Loaded.Select(p => p.Name))}; {served} of {registry.Tools.Count} tools served");
        }

        foreach (var failure in catalog.Failures)
        {
            yield return DoctorFinding.Fail($"plugin {failure.Name}", $"failed at {failure.Stage}: {failure.Reason}", "fix or remove it: awsmcp plugins remove " + failure.Name);
        }
    }

    private static async Task<IEnumerable<DoctorFinding>> AwsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var identity = await AwsIdentityProbe.ProbeAsync(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<ILoggerFactory>(), cancellationToken);
        var region = identity.Region is { } name
            ? DoctorFinding.Ok("region", name)
            : DoctorFinding.Fail("region", "none configured", "set AWSMCP__Aws__Region (or AWS_REGION), or run with --sandbox");
        var credentials = identity.Problem is { } problem
            ? DoctorFinding.Fail("credentials", problem, "see the message; then run awsmcp doctor again")
            : DoctorFinding.Ok("credentials", $"sts:GetCallerIdentity says {identity.Arn} (account {identity.Account})");
        return identity.Region is null && identity.Problem is not null ? [region] : [region, credentials];
    }

    private static DoctorFinding Audit(AuditOptions audit)
    {
        if (!audit.Enabled)
        {
            return DoctorFinding.Warn("audit", "off (AwsMcp:Audit:Enabled=false)", "turn it on for production: nothing should change in AWS without a record");
        }

        try
        {
            Directory.CreateDirectory(audit.FullPath);
            var probe = Path.Combine(audit.FullPath, $".doctor-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return DoctorFinding.Ok(
                "audit", $"writable: {audit.FullPath}, replica '{audit.Replica().Id}'" + (audit.ChainKey is null ? " (chain not keyed)" : " (keyed chain)"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DoctorFinding.Fail("audit", $"cannot write {audit.FullPath}: {ex.Message}", "make it writable for this user, or set AWSMCP__Audit__Path to a folder that is");
        }
    }

    private static IEnumerable<DoctorFinding> Exposure(HttpOptions http, SecurityOptions security)
    {
        // An exposure the operator did not allow with --insecure never gets here: the options validation refused it.
        var urls = http.Urls;
        if (http.ReachableBeyondLoopback() && !security.AuthenticationEnabled)
        {
            yield return DoctorFinding.Warn(
                "exposure", $"{urls} is reachable from other machines (directly or through a tunnel or proxy) with no authentication (--insecure)",
                "configure API keys (awsmcp keys generate; AWSMCP__Security__ApiKeys__0__Hash) or OAuth, or serve loopback only");
        }
        else
        {
            yield return DoctorFinding.Ok(
                "exposure", security.AuthenticationEnabled ? $"{urls}, callers authenticate ({(security.ApiKeys.Count > 0 ? "API keys" : "OAuth")})" : $"{urls}, loopback only");
        }

        if (security.ConfirmationKey is null)
        {
            yield return DoctorFinding.Warn(
                "confirmation key", "not set: confirmation and page tokens stop working after a restart and on other replicas",
                "set AWSMCP__Security__ConfirmationKey to `openssl rand -base64 32`, the same on every replica");
        }
    }
}
