namespace AwsMcp.Abstractions;

/// <summary>
/// A cache the host gives every tool pack (<see cref="ToolPackContext.Cache"/>) for answers that are expensive to
/// compute and the same for every replica (a billed AWS query). Bytes, so that no pack type crosses the boundary and a
/// pack can unload; the host keeps them in this process, or in the store its replicas share. Best effort: a miss, an
/// expired entry and an unreachable store all read as <c>null</c>, and the pack computes the answer itself.
/// </summary>
public interface IToolPackCache
{
    /// <summary>The bytes stored under <paramref name="key"/>, or null when there are none (or they expired).</summary>
    ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> for <paramref name="lifetime"/>.</summary>
    ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan lifetime, CancellationToken cancellationToken);
}
