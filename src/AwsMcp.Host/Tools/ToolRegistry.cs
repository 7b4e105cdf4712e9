using System.Collections.Immutable;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.Tools;

/// <summary>
/// The tools being served right now, by name, with the prompts, resources and completion sources the packs declare
/// (one name space: every kind runs as a call, <see cref="ServedTool.Kind"/> says which). Readers see an immutable snapshot, so a call that started before a
/// plugin was replaced finishes on the version it found.
/// </summary>
public sealed class ToolRegistry
{
    private readonly Lock _gate = new();
    private ImmutableSortedDictionary<string, ServedTool> _tools = ImmutableSortedDictionary.Create<string, ServedTool>(StringComparer.Ordinal);

    private Action<ToolRegistryChange>? _changed;

    /// <summary>Everything served, every kind.</summary>
    public IReadOnlyCollection<ServedTool> All => _tools.Values.ToList();

    /// <summary>The tools (<see cref="ToolKind.Tool"/>) only: what <c>tools/list</c> and <c>tools/call</c> see.</summary>
    public IReadOnlyList<ServedTool> Tools => OfKind(ToolKind.Tool);

    public IReadOnlyList<ServedTool> OfKind(ToolKind kind) => [.. _tools.Values.Where(tool => tool.Kind == kind)];

    /// <summary>The entry named <paramref name="name"/> of any kind (names are unique across kinds).</summary>
    public bool TryGet(string name, out ServedTool tool) => _tools.TryGetValue(name, out tool!);

    /// <summary>
    /// Calls <paramref name="handler"/> with every current tool as "added", then with every later change, on the
    /// thread that makes it. Both happen under the registry's lock, so a subscriber never misses or reorders a change.
    /// </summary>
    public void Subscribe(Action<ToolRegistryChange> handler)
    {
        lock (_gate)
        {
            handler(new ToolRegistryChange([.. _tools.Values], []));
            _changed += handler;
        }
    }

    /// <summary>Swaps <paramref name="removed"/> for <paramref name="added"/> in one step and tells subscribers.</summary>
    public void Replace(IReadOnlyList<ServedTool> removed, IReadOnlyList<ServedTool> added)
    {
        if (removed.Count == 0 && added.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            var builder = _tools.ToBuilder();
            foreach (var tool in removed)
            {
                builder.Remove(tool.Name);
            }

            foreach (var tool in added)
            {
                builder[tool.Name] = tool;
            }

            _tools = builder.ToImmutable();
            _changed?.Invoke(new ToolRegistryChange(added, removed));
        }
    }
}
