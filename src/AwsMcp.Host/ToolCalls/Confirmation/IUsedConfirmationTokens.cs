namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>
/// The confirmation tokens already honoured, so that one token makes one change. In this process and a file
/// (<see cref="ConfirmationReplayCache"/>) for a single server; in the store the replicas share
/// (<c>SharedState/Redis/RedisUsedConfirmationTokens</c>) with <c>AwsMcp:SharedState:Redis</c>. Fails closed: anything
/// but <see cref="TokenUse.First"/> refuses the call.
/// </summary>
public interface IUsedConfirmationTokens
{
    /// <summary>Records <paramref name="tokenId"/> as used until <paramref name="expires"/>, unless it was used before.</summary>
    ValueTask<TokenUse> TryConsumeAsync(string tokenId, DateTimeOffset expires, CancellationToken cancellationToken);
}
