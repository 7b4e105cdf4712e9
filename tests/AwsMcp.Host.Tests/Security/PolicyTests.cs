using AwsMcp.Abstractions;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;

namespace AwsMcp.Host.Tests.Security;

/// <summary>Policy refuses before a tool runs, fail-closed, and every refusal is audited.</summary>
public sealed class PolicyTests
{
    [Fact]
    public async Task Writes_are_refused_in_read_only_mode_and_the_refusal_is_audited()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins);

        var result = await server.CallAsync("tag_thing", """{"thing_id":"t-1"}""");

        Assert.True(result.IsError);
        Assert.Contains("read-only", result.Text);
        var record = Assert.Single(server.Audit.Records, r => r.Tool == "tag_thing");
        Assert.Equal((false, "writes-disabled", ToolCallOutcome.Refused), (record.Allowed, record.PolicyRule, record.Outcome));
        Assert.Contains("read-only", record.Reason);
    }

    [Fact]
    public async Task Only_served_toolsets_are_callable_and_a_scope_may_be_limited_to_toolsets()
    {
        using var plugins = new PluginFolder().WithEcho();
        var ops = new CallerIdentity("ci", "CI", "api-key", ["ops"]);
        var audit = new CallerIdentity("auditor", "Auditor", "api-key", ["audit"]);
        await using (var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?>
        {
            // The Echo pack declares no toolset, so its tools are in the one named after the pack.
            ["AwsMcp:Policy:Scopes:ops:0"] = "toolset:echo",
            ["AwsMcp:Policy:Scopes:audit:0"] = "toolset:iam",
        }))
        {
            Assert.False((await server.CallAsync("echo", """{"text":"echo me"}""", ops)).IsError);
            var refused = await server.CallAsync("echo", """{"text":"not me"}""", audit);
            Assert.True(refused.IsError);
            Assert.Equal("scope", server.Audit.Records.Last(r => r.Tool == "echo").PolicyRule);
        }

        await using (var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Tools:Toolsets:0"] = "s3" }))
        {
            var refused = await server.CallAsync("echo", """{"text":"x"}""");
            Assert.True(refused.IsError);
            Assert.Contains("toolset 'echo'", refused.Text, StringComparison.Ordinal);
            Assert.Equal("toolset", server.Audit.Records.Single(r => r.Tool == "echo").PolicyRule);
            Assert.Empty(server.Service<AwsMcp.Host.ToolCalls.Authorization.ToolPolicy>().VisibleTools(CallerIdentity.Local));
        }
    }

    [Fact]
    public async Task Only_allowed_accounts_and_regions_may_be_targeted()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?>
        {
            ["AwsMcp:Aws:Region"] = "eu-west-1",
            ["AwsMcp:Policy:AllowedRegions:0"] = "eu-west-1",
            ["AwsMcp:Policy:AllowedAccounts:0"] = "prod",
        });

        var otherRegion = await server.CallAsync("describe_things", """{"thing_ids":["t-1"],"region":"us-east-1"}""");
        var otherAccount = await server.CallAsync("describe_things", """{"thing_ids":["t-1"],"account":"dev"}""");
        var allowed = await server.CallAsync("describe_things", """{"thing_ids":["t-1"]}""");

        Assert.Contains("Region 'us-east-1' is not allowed", otherRegion.Text);
        Assert.Contains("Account 'dev' is not allowed", otherAccount.Text);
        Assert.Equal("1 thing(s) in eu-west-1 (own account)", allowed.Text);
        Assert.Equal(["region", "account", "read-only"], server.Audit.Records.Where(r => r.Tool == "describe_things").Select(r => r.PolicyRule));
    }

    [Fact]
    public async Task One_call_may_change_at_most_the_configured_number_of_resources()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?>
        {
            ["AwsMcp:Tools:WritesEnabled"] = "true",
            ["AwsMcp:Policy:MaxResourcesPerCall"] = "3",
        });

        var tooMany = await server.CallAsync("tag_things", """{"thing_ids":["t-1","t-2","t-3","t-4"]}""");
        var enough = await server.CallAsync("tag_things", """{"thing_ids":["t-1","t-2","t-3"]}""");

        Assert.True(tooMany.IsError);
        Assert.Contains("would change 4 resources in one call; this server allows at most 3", tooMany.Text);
        Assert.Equal("tagged 3 thing(s)", enough.Text);
    }

    [Fact]
    public async Task An_unauthenticated_caller_gets_nothing()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins);

        var result = await server.CallAsync("echo", """{"text":"hi"}""", CallerIdentityResolver.Anonymous);

        Assert.True(result.IsError);
        Assert.Contains("requires authentication", result.Text);
        Assert.Empty(server.Service<ToolCalls.Authorization.ToolPolicy>().VisibleTools(CallerIdentityResolver.Anonymous));
    }
}
