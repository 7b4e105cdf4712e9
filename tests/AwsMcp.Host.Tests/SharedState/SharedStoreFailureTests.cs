using System.Text.Json;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Security;
using AwsMcp.Host.Security.RequestFiltering;
using AwsMcp.Host.SharedState;
using AwsMcp.Host.SharedState.Redis;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.Tests.Security;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Confirmation;
using AwsMcp.Host.Tools.Toolsets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Tests.SharedState;

/// <summary>
/// The shared store unreachable: confirmations fail closed (refused, audited, in words that say why), rate limits,
/// toolset choices and pack caches degrade to this replica's own, and readiness and the log say so once per change.
/// </summary>
public sealed class SharedStoreFailureTests
{
    private readonly FailingRedis _redis = new();

    [Fact]
    public async Task A_confirmation_token_is_refused_when_the_shared_store_cannot_say_whether_it_was_used()
    {
        var tokens = Tokens(new RedisUsedConfirmationTokens(_redis.Store, _redis.Time));
        using var document = JsonDocument.Parse("""{"thing_id":"t-1"}""");
        var (token, _) = tokens.Issue(TestCallers.Alice, "delete_thing", document.RootElement, "eu-west-1 / prod");

        var refusal = await tokens.RedeemAsync(token, TestCallers.Alice, "delete_thing", document.RootElement, "eu-west-1 / prod", CancellationToken.None);

        Assert.NotNull(refusal);
        Assert.Equal(TokenRefusal.StoreUnreachable, refusal.Rule);
        Assert.Contains("(AwsMcp:SharedState:Redis) is unreachable", refusal.Message);
        Assert.Contains("Nothing was changed", refusal.Message);
    }

    [Fact]
    public async Task A_destructive_call_with_a_token_is_refused_and_audited_as_such_through_the_pipeline()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(
            plugins,
            new Dictionary<string, string?> { ["AwsMcp:Tools:WritesEnabled"] = "true", ["AwsMcp:Aws:Region"] = "eu-west-1" },
            builder => builder.Services.AddSingleton<IUsedConfirmationTokens>(new RedisUsedConfirmationTokens(_redis.Store, TimeProvider.System)));

        var plan = await server.CallAsync("delete_thing", """{"thing_id":"t-1"}""", TestCallers.Alice);
        string token;
        using (var document = JsonDocument.Parse(plan.Text))
        {
            token = document.RootElement.GetProperty("confirmation_token").GetString()!;
        }

        var refused = await server.CallAsync("delete_thing", $$"""{"thing_id":"t-1","confirmation_token":"{{token}}"}""", TestCallers.Alice);

        Assert.True(refused.IsError);
        Assert.Contains("is unreachable", refused.Text);
        var record = Assert.Single(server.Audit.Records, r => r.Outcome == ToolCallOutcome.Refused);
        Assert.Equal(TokenRefusal.StoreUnreachable, record.PolicyRule);
        Assert.DoesNotContain(server.Audit.Records, r => r.Outcome == ToolCallOutcome.Succeeded);
    }

    [Fact]
    public async Task Rate_limits_fall_back_to_this_replicas_own_limiter()
    {
        using var local = new LocalCallerRateLimiter();
        var limiter = new RedisCallerRateLimiter(_redis.Store, local);

        var verdicts = new List<RateLimitVerdict>();
        for (var i = 0; i < 4; i++)
        {
            verdicts.Add(await limiter.AcquireAsync("api-key:alice", 3, CancellationToken.None));
        }

        Assert.Equal([true, true, true, false], verdicts.Select(v => v.Allowed));
        Assert.True(verdicts[3].RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task Toolset_choices_and_pack_caches_stay_on_this_replica_while_the_store_is_unreachable()
    {
        var toolsets = new RedisToolsetSelectionStore(_redis.Store, new MemoryToolsetSelectionStore());
        var cache = new RedisToolPackCaches(_redis.Store, _redis.Time).For("Billing");

        await toolsets.EnableAsync("api-key:alice", "s3", CancellationToken.None);
        await cache.SetAsync("q", new byte[] { 1, 2, 3 }, TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(["s3"], toolsets.Enabled("api-key:alice"));
        Assert.Empty(toolsets.Enabled("api-key:bob"));
        Assert.Equal(new byte[] { 1, 2, 3 }, await cache.GetAsync("q", CancellationToken.None));
    }

    [Fact]
    public async Task Readiness_and_the_log_say_it_once_per_change_not_per_request()
    {
        var limiter = new RedisCallerRateLimiter(_redis.Store, new LocalCallerRateLimiter());
        for (var i = 0; i < 5; i++)
        {
            await limiter.AcquireAsync("api-key:alice", 100, CancellationToken.None);
        }

        var degraded = _redis.Background.Components[SharedStoreHealth.Component];
        _redis.Health.Succeeded(_redis.Store.Name);
        _redis.Health.Succeeded(_redis.Store.Name);

        Assert.False(degraded.Healthy);
        Assert.Contains("Redis test:6379 unreachable (No connection is active", degraded.Detail);
        Assert.Contains("destructive calls with a confirmation token are refused", degraded.Detail);
        Assert.True(_redis.Background.Components[SharedStoreHealth.Component].Healthy);
        Assert.Single(_redis.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("unreachable"));
        Assert.Single(_redis.Logs.Lines, line => line.Level == LogLevel.Information && line.Message.Contains("reachable"));
    }

    [Fact]
    public async Task A_server_whose_store_is_down_at_start_starts_degraded_and_says_why()
    {
        // Nothing listens on port 1: the connection is made and keeps retrying, the server starts.
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(
            plugins, new Dictionary<string, string?> { ["AwsMcp:SharedState:Redis"] = "127.0.0.1:1,connectTimeout=500" });

        using var ready = await server.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var background = server.Service<Hosting.BackgroundHealth>().Components[SharedStoreHealth.Component];

        Assert.Contains("\"degraded\"", await ready.Content.ReadAsStringAsync());
        Assert.False(background.Healthy);
        Assert.Contains("Redis 127.0.0.1:1 unreachable", background.Detail);
    }

    private static ConfirmationTokens Tokens(IUsedConfirmationTokens used)
    {
        var security = Options.Create(new SecurityOptions { ConfirmationKey = Convert.ToBase64String(new byte[32]) });
        return new ConfirmationTokens(security, TimeProvider.System, used, new ServerKey(security, NullLogger<ServerKey>.Instance));
    }
}
