using AwsMcp.Host.ToolCalls.Confirmation;
using StackExchange.Redis;

namespace AwsMcp.Host.SharedState.Redis;

/// <summary>
/// <see cref="IUsedConfirmationTokens"/> that all replicas share: one <c>SET NX</c> per token id, kept until the token
/// expires, so exactly one replica's <c>SET</c> succeeds and the token is honoured once across them all. Fails closed:
/// when the store cannot say, the call is refused (<see cref="TokenUse.SharedStoreUnreachable"/>) and audited so.
/// </summary>
public sealed class RedisUsedConfirmationTokens(RedisStore store, TimeProvider time) : IUsedConfirmationTokens
{
    // Replicas' clocks differ a little: a replica whose clock is behind still accepts a token for that long after
    // another's idea of its expiry, so the record outlives the expiry by a margin well beyond any sane skew.
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(5);

    public async ValueTask<TokenUse> TryConsumeAsync(string tokenId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        if (await store.DatabaseAsync(cancellationToken) is not { } database)
        {
            return TokenUse.SharedStoreUnreachable;
        }

        var keep = expires - time.GetUtcNow() + ClockSkewMargin;
        try
        {
            var first = await database.StringSetAsync($"confirmation:used:{tokenId}", "1", keep, When.NotExists);
            store.Succeeded();
            return first ? TokenUse.First : TokenUse.Again;
        }
        catch (Exception e) when (RedisStore.IsStoreFailure(e))
        {
            store.Failed(e);
            return TokenUse.SharedStoreUnreachable;
        }
    }
}
