using AwsMcp.Aws.Accounts;
using AwsMcp.Aws.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace AwsMcp.Aws.Tests.Accounts;

public sealed class AssumedRoleCredentialCacheTests
{
    private static readonly AwsAccountOptions Prod =
        new("prod", "arn:aws:iam::111122223333:role/ReadOnly", null, null, TimeSpan.FromHours(1));

    private static readonly AwsAccountOptions Dev =
        new("dev", "arn:aws:iam::444455556666:role/ReadOnly", null, null, TimeSpan.FromHours(1));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Session_is_reused_until_five_minutes_before_expiry()
    {
        var assumer = new FakeRoleAssumer(_time);
        var cache = new AssumedRoleCredentialCache(assumer, _time);

        var first = await cache.GetAsync(Prod, "alice", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await cache.GetAsync(Prod, "alice", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var refreshed = await cache.GetAsync(Prod, "alice", CancellationToken.None);

        Assert.Same(first, stillCached);
        Assert.NotSame(first, refreshed);
        Assert.Equal(2, assumer.Calls);
        Assert.Equal("ASIA0002", refreshed.Credentials.AccessKey);
    }

    [Fact]
    public async Task Sessions_are_kept_per_account_and_caller()
    {
        var assumer = new FakeRoleAssumer(_time);
        var cache = new AssumedRoleCredentialCache(assumer, _time);

        await cache.GetAsync(Prod, "alice", CancellationToken.None);
        await cache.GetAsync(Prod, "bob", CancellationToken.None);
        await cache.GetAsync(Dev, "alice", CancellationToken.None);
        await cache.GetAsync(Prod with { Name = "PROD" }, "alice", CancellationToken.None);

        Assert.Equal([("prod", "alice"), ("prod", "bob"), ("dev", "alice")], assumer.Requests);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_assume_role()
    {
        var assumer = new FakeRoleAssumer(_time);
        var cache = new AssumedRoleCredentialCache(assumer, _time);

        var sessions = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => cache.GetAsync(Prod, "alice", CancellationToken.None))));

        Assert.Equal(1, assumer.Calls);
        Assert.All(sessions, session => Assert.Same(sessions[0], session));
    }

    [Fact]
    public async Task Failed_assume_role_is_not_cached()
    {
        var failing = new ThrowingOnceAssumer(new FakeRoleAssumer(_time));
        var cache = new AssumedRoleCredentialCache(failing, _time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(Prod, "alice", CancellationToken.None));
        var session = await cache.GetAsync(Prod, "alice", CancellationToken.None);

        Assert.Equal("ASIA0001", session.Credentials.AccessKey);
    }

    private sealed class ThrowingOnceAssumer(IRoleAssumer inner) : IRoleAssumer
    {
        private int _calls;

        public Task<AssumedRoleSession> AssumeRoleAsync(AwsAccountOptions account, string callerId, CancellationToken ct) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("STS is down")
                : inner.AssumeRoleAsync(account, callerId, ct);
    }
}
