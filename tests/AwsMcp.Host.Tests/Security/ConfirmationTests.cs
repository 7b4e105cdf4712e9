using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Security;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;
using AwsMcp.Host.ToolCalls.Confirmation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AwsMcp.Host.Tests.Security;

/// <summary>Destructive tools answer with a plan and a token first; only that caller, with exactly those arguments, once and in time, can confirm.</summary>
public sealed class ConfirmationTests : IAsyncLifetime
{
    private const string Arguments = """{"thing_id":"t-1"}""";
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());

    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private InProcessServer _server = null!;

    public async Task InitializeAsync() => _server = await StartAsync();

    private Task<InProcessServer> StartAsync() => InProcessServer.StartAsync(
        _plugins,
        new Dictionary<string, string?>
        {
            ["AwsMcp:Tools:WritesEnabled"] = "true",
            ["AwsMcp:Aws:Region"] = "eu-west-1",
            ["AwsMcp:Security:ConfirmationKey"] = Key,
        },
        builder => builder.Services.AddSingleton<TimeProvider>(_time));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _plugins.Dispose();
    }

    [Fact]
    public async Task The_first_call_returns_a_plan_and_the_confirmed_call_runs_once()
    {
        var plan = await _server.CallAsync("delete_thing", Arguments, TestCallers.Alice);
        var token = TokenOf(plan);
        var confirmed = await _server.CallAsync("delete_thing", WithToken(Arguments, token), TestCallers.Alice);
        var replayed = await _server.CallAsync("delete_thing", WithToken(Arguments, token), TestCallers.Alice);

        Assert.False(plan.IsError);
        using (var document = JsonDocument.Parse(plan.Text))
        {
            var root = document.RootElement;
            Assert.Equal("confirmation_required", root.GetProperty("status").GetString());
            Assert.Equal("eu-west-1", root.GetProperty("region").GetString());
            Assert.Equal("t-1", root.GetProperty("targets")[0].GetString());
            Assert.Contains("call 'delete_thing' again", root.GetProperty("next_step").GetString());
        }

        Assert.Equal("deleted t-1", confirmed.Text);
        Assert.True(replayed.IsError);
        Assert.Contains("already been used", replayed.Text);
        Assert.Equal(
            [(ToolCallOutcome.ConfirmationRequired, "writes-enabled"), (ToolCallOutcome.Succeeded, "writes-enabled+confirmed"), (ToolCallOutcome.Refused, "confirmation-refused")],
            _server.Audit.Records.Where(r => r.Tool == "delete_thing" && r.Kind != AuditRecordKind.Intent).Select(r => (r.Outcome, r.PolicyRule)));
    }

    [Fact]
    public async Task A_declared_dry_run_needs_no_confirmation_and_is_audited_as_one()
    {
        var checkedOnly = await _server.CallAsync("delete_thing", """{"thing_id":"t-1","dry_run":true}""", TestCallers.Alice);

        Assert.Equal("would delete t-1", checkedOnly.Text);
        var record = _server.Audit.Records.Single(r => r.Tool == "delete_thing" && r.Kind != AuditRecordKind.Intent);
        Assert.Equal((ToolCallOutcome.Succeeded, "writes-enabled+dry-run"), (record.Outcome, record.PolicyRule));

        // Not a dry run: the plan comes first, as ever.
        var plan = await _server.CallAsync("delete_thing", """{"thing_id":"t-1","dry_run":false}""", TestCallers.Alice);
        Assert.Contains("confirmation_required", plan.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_used_token_stays_used_after_a_restart_until_it_expires()
    {
        var token = TokenOf(await _server.CallAsync("delete_thing", Arguments, TestCallers.Alice));
        var unused = TokenOf(await _server.CallAsync("delete_thing", """{"thing_id":"t-2"}""", TestCallers.Alice));
        Assert.Equal("deleted t-1", (await _server.CallAsync("delete_thing", WithToken(Arguments, token), TestCallers.Alice)).Text);

        // Same key, same audit folder, new process state: the use was recorded on disk before the call ran.
        await _server.DisposeAsync();
        _server = await StartAsync();
        var replayed = await _server.CallAsync("delete_thing", WithToken(Arguments, token), TestCallers.Alice);
        Assert.True(replayed.IsError);
        Assert.Contains("already been used", replayed.Text);
        Assert.Equal("deleted t-2", (await _server.CallAsync("delete_thing", WithToken("""{"thing_id":"t-2"}""", unused), TestCallers.Alice)).Text);

        // Expired ids are dropped from the file when it is next read.
        _time.Advance(TimeSpan.FromHours(2));
        await _server.DisposeAsync();
        _server = await StartAsync();
        var fresh = TokenOf(await _server.CallAsync("delete_thing", """{"thing_id":"t-3"}""", TestCallers.Alice));
        Assert.Equal("deleted t-3", (await _server.CallAsync("delete_thing", WithToken("""{"thing_id":"t-3"}""", fresh), TestCallers.Alice)).Text);
        Assert.Single(File.ReadAllLines(Assert.Single(Directory.GetFiles(_plugins.AuditPath, ConfirmationReplayCache.FileName("*")))));
    }

    [Fact]
    public async Task Tampered_expired_changed_and_borrowed_tokens_are_refused()
    {
        var tampered = await RedeemAsync(token => token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1]);
        var forged = await RedeemAsync(token =>
        {
            var parts = token.Split('.');
            return $"{parts[0]}.{parts[1][..^1]}{(parts[1][^1] == 'A' ? 'B' : 'A')}.{parts[2]}";
        });
        var otherArguments = await RedeemAsync(token => token, arguments: """{"thing_id":"t-2"}""");
        var otherCaller = await RedeemAsync(token => token, caller: TestCallers.Bob);
        var expired = await RedeemAsync(token =>
        {
            _time.Advance(TimeSpan.FromMinutes(6));
            return token;
        });

        Assert.Contains("altered", tampered.Text);
        Assert.Contains("altered", forged.Text);
        Assert.Contains("arguments differ", otherArguments.Text);
        Assert.Contains("another caller", otherCaller.Text);
        Assert.Contains("expired", expired.Text);
        Assert.All([tampered, forged, otherArguments, otherCaller, expired], result => Assert.True(result.IsError));
        Assert.DoesNotContain(_server.Audit.Records, r => r.Outcome == ToolCallOutcome.Succeeded);
    }

    [Fact]
    public async Task Any_replica_with_the_same_key_verifies_a_token_and_one_with_another_key_does_not()
    {
        using var document = JsonDocument.Parse(Arguments);
        var arguments = document.RootElement;
        var issued = Tokens(Key).Issue(TestCallers.Alice, "delete_thing", arguments, "eu-west-1 / prod").Token;

        Assert.Null(await Tokens(Key).RedeemAsync(issued, TestCallers.Alice, "delete_thing", arguments, "eu-west-1 / prod", CancellationToken.None));
        Assert.Contains("not issued by this server", (await Tokens(Convert.ToBase64String(new byte[32]))
            .RedeemAsync(issued, TestCallers.Alice, "delete_thing", arguments, "eu-west-1 / prod", CancellationToken.None))!.Message);
        Assert.Contains("now acts in", (await Tokens(Key).RedeemAsync(
            Tokens(Key).Issue(TestCallers.Alice, "delete_thing", arguments, "eu-west-1 / prod").Token, TestCallers.Alice, "delete_thing", arguments, "us-east-1 / prod", CancellationToken.None))!.Message);
    }

    [Fact]
    public async Task Destructive_tools_advertise_the_token_argument_and_the_flow_works_over_mcp()
    {
        await using var client = await _server.ConnectAsync("2025-06-18");
        var tool = (await client.ListToolsAsync()).Single(t => t.Name == "delete_thing");
        var plan = await client.CallToolAsync("delete_thing", new Dictionary<string, object?> { ["thing_id"] = "t-9" });
        var token = TokenOf(new ToolResult(McpOverHttpTests.Text(plan)));
        var done = await client.CallToolAsync("delete_thing", new Dictionary<string, object?> { ["thing_id"] = "t-9", ["confirmation_token"] = token });

        Assert.Equal("string", tool.JsonSchema.GetProperty("properties").GetProperty("confirmation_token").GetProperty("type").GetString());
        Assert.NotEqual(true, plan.IsError);
        Assert.Equal("deleted t-9", McpOverHttpTests.Text(done));
    }

    private async Task<ToolResult> RedeemAsync(Func<string, string> change, string arguments = Arguments, CallerIdentity? caller = null)
    {
        var token = TokenOf(await _server.CallAsync("delete_thing", Arguments, TestCallers.Alice));
        return await _server.CallAsync("delete_thing", WithToken(arguments, change(token)), caller ?? TestCallers.Alice);
    }

    private ConfirmationTokens Tokens(string key)
    {
        var security = Options.Create(new SecurityOptions { ConfirmationKey = key });
        return new(
            security,
            _time,
            ReplayCache(Options.Create(new AuditOptions { Path = _plugins.AuditPath })),
            new ServerKey(security, NullLogger<ServerKey>.Instance));
    }

    private ConfirmationReplayCache ReplayCache(IOptions<AuditOptions> audit) =>
        new(_time, audit, new AuditReplica(audit, NullLogger<AuditReplica>.Instance), NullLogger<ConfirmationReplayCache>.Instance);

    private static string TokenOf(ToolResult plan)
    {
        using var document = JsonDocument.Parse(plan.Text);
        return document.RootElement.GetProperty("confirmation_token").GetString()!;
    }

    private static string WithToken(string arguments, string token) => arguments.TrimEnd('}') + $",\"confirmation_token\":\"{token}\"}}";
}
