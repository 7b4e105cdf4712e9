using AwsMcp.Host.Security.RequestFiltering;
using StackExchange.Redis;

namespace AwsMcp.Host.SharedState.Redis;

/// <summary>
/// <see cref="ICallerRateLimiter"/> that all replicas count in: a sliding-window counter per caller partition (this
/// minute's count plus last minute's weighted by how much of it the window still covers), checked and taken in one
/// script on the store's clock, so no replica's clock and no interleaving lets more than the limit through. While the
/// store is unreachable, each replica limits on its own (<see cref="LocalCallerRateLimiter"/>): degraded, not open.
/// </summary>
public sealed class RedisCallerRateLimiter(RedisStore store, LocalCallerRateLimiter local) : ICallerRateLimiter
{
    private const long WindowMilliseconds = 60_000;

    // KEYS[1]: the partition's hash {w: window index, c: its count, p: the previous window's count}.
    // ARGV[1]: the limit per window; ARGV[2]: the window in ms. Returns {1, 0} when taken, {0, ms to wait} when not.
    private const string SlidingWindow = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local index = math.floor(now / window)
        local state = redis.call('HMGET', KEYS[1], 'w', 'c', 'p')
        local w = tonumber(state[1]) or index
        local c = tonumber(state[2]) or 0
        local p = tonumber(state[3]) or 0
        if w == index - 1 then p = c; c = 0 elseif w < index - 1 then p = 0; c = 0 end
        local into = now % window
        local weight = (window - into) / window
        if p * weight + c + 1 > limit then
          local wait = window - into
          if c + 1 <= limit and p > 0 then
            wait = math.ceil(window * (1 - (limit - c - 1) / p)) - into
          end
          redis.call('HSET', KEYS[1], 'w', index, 'c', c, 'p', p)
          redis.call('PEXPIRE', KEYS[1], window * 2)
          return {0, math.max(wait, 1)}
        end
        redis.call('HSET', KEYS[1], 'w', index, 'c', c + 1, 'p', p)
        redis.call('PEXPIRE', KEYS[1], window * 2)
        return {1, 0}
        """;

    public async ValueTask<RateLimitVerdict> AcquireAsync(string partition, int perMinute, CancellationToken cancellationToken)
    {
        if (store.Database() is not { } database)
        {
            return await local.AcquireAsync(partition, perMinute, cancellationToken);
        }

        try
        {
            var answer = (RedisResult[])(await database.ScriptEvaluateAsync(SlidingWindow, [new RedisKey($"ratelimit:{partition}")], [perMinute, WindowMilliseconds]))!;
            store.Succeeded();
            return (int)answer[0] == 1 ? RateLimitVerdict.Allow : new RateLimitVerdict(false, TimeSpan.FromMilliseconds((long)answer[1]));
        }
        catch (Exception e) when (RedisStore.IsStoreFailure(e))
        {
            store.Failed(e);
            return await local.AcquireAsync(partition, perMinute, cancellationToken);
        }
    }
}
