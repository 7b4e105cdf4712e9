using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace AwsMcp.Host.Tools.Toolsets;

/// <summary>
/// <see cref="IToolsetSelectionStore"/> in this process, until it ends: a single server's store, and what a replica
/// remembers while the shared store is unreachable.
/// </summary>
public sealed class MemoryToolsetSelectionStore : IToolsetSelectionStore
{
    // Bounded: past this many callers the oldest choices are forgotten wholesale (they enable their toolsets again).
    private const int MaxCallers = 10_000;

    private readonly ConcurrentDictionary<string, ImmutableSortedSet<string>> _enabled = new(StringComparer.Ordinal);

    public ImmutableSortedSet<string> Enabled(string caller) =>
        _enabled.TryGetValue(caller, out var enabled) ? enabled : ImmutableSortedSet<string>.Empty;

    public ValueTask EnableAsync(string caller, string toolset, CancellationToken cancellationToken)
    {
        if (_enabled.Count >= MaxCallers)
        {
            _enabled.Clear();
        }

        _enabled.AddOrUpdate(caller, _ => [toolset], (_, current) => current.Add(toolset));
        return ValueTask.CompletedTask;
    }
}
