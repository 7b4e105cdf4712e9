using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Security.RequestFiltering;
using AwsMcp.Host.SharedState;
using AwsMcp.Host.Tools.Toolsets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AwsMcp.Host.Tests.SharedState;

/// <summary>The single-server stores (no <c>AwsMcp:SharedState:Redis</c>): what every server had before, behind the new seams.</summary>
public sealed class LocalStoresTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_memory_pack_cache_answers_until_the_lifetime_is_over_and_stores_nothing_for_no_lifetime()
    {
        var cache = new MemoryToolPackCache(_time);
        await cache.SetAsync("a", new byte[] { 1 }, TimeSpan.FromSeconds(10), CancellationToken.None);
        await cache.SetAsync("never", new byte[] { 2 }, TimeSpan.Zero, CancellationToken.None);

        var fresh = await cache.GetAsync("a", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(new byte[] { 1 }, fresh);
        Assert.Null(await cache.GetAsync("a", CancellationToken.None));
        Assert.Null(await cache.GetAsync("never", CancellationToken.None));
    }

    [Fact]
    public async Task The_memory_pack_cache_is_bounded_and_drops_the_oldest_first()
    {
        var cache = new MemoryToolPackCache(_time);
        for (var i = 0; i <= MemoryToolPackCache.MaxEntries; i++)
        {
            await cache.SetAsync($"k{i}", new byte[] { 0 }, TimeSpan.FromHours(1), CancellationToken.None);
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Null(await cache.GetAsync("k0", CancellationToken.None));
        Assert.NotNull(await cache.GetAsync($"k{MemoryToolPackCache.MaxEntries}", CancellationToken.None));
    }

    [Fact]
    public async Task Toolset_choices_are_per_caller()
    {
        var store = new MemoryToolsetSelectionStore();
        await store.EnableAsync("api-key:alice", "s3", CancellationToken.None);
        await store.EnableAsync("api-key:alice", "ec2", CancellationToken.None);
        await store.EnableAsync("api-key:alice", "s3", CancellationToken.None);

        Assert.Equal(["ec2", "s3"], store.Enabled("api-key:alice"));
        Assert.Empty(store.Enabled("api-key:bob"));
    }

    [Fact]
    public async Task The_local_rate_limiter_allows_a_burst_of_the_limit_per_partition_then_says_when_to_retry()
    {
        using var limiter = new LocalCallerRateLimiter();
        var alice = new List<RateLimitVerdict>();
        for (var i = 0; i < 4; i++)
        {
            alice.Add(await limiter.AcquireAsync("api-key:alice", 3, CancellationToken.None));
        }

        var bob = await limiter.AcquireAsync("api-key:bob", 3, CancellationToken.None);

        Assert.Equal([true, true, true, false], alice.Select(v => v.Allowed));
        Assert.InRange(alice[3].RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.True(bob.Allowed);
    }

    [Fact]
    public void Without_a_shared_store_every_seam_gets_the_single_server_store()
    {
        using var services = Services(new Dictionary<string, string?>());

        Assert.IsType<ToolCalls.Confirmation.ConfirmationReplayCache>(services.GetRequiredService<ToolCalls.Confirmation.IUsedConfirmationTokens>());
        Assert.IsType<LocalCallerRateLimiter>(services.GetRequiredService<ICallerRateLimiter>());
        Assert.IsType<MemoryToolsetSelectionStore>(services.GetRequiredService<IToolsetSelectionStore>());
        Assert.IsType<MemoryToolPackCache>(services.GetRequiredService<IToolPackCaches>().For("Billing"));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddAwsMcpOptions(configuration);
        services.AddSingleton<Hosting.BackgroundHealth>();

        // The single-server token store writes into this replica's audit files, so it needs the replica's claim.
        services.AddSingleton<ToolCalls.Audit.JsonLines.AuditReplica>();
        services.AddSharedState(configuration);
        return services.BuildServiceProvider();
    }
}
