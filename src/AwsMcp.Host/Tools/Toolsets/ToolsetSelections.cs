using System.Collections.Concurrent;
using System.Collections.Immutable;
using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Tools.Toolsets;

/// <summary>
/// With <c>AwsMcp:Tools:DynamicToolsets</c>, the toolsets each caller has enabled (<see cref="ToolsetTools"/>): per
/// caller rather than per session, so that a stateless client (Copilot Studio) sees them on its next <c>tools/list</c>
/// and on any replica that saw the call. Kept in memory until the process ends.
/// </summary>
public sealed class ToolsetSelections(IOptionsMonitor<ToolOptions> options)
{
    // Bounded: past this many callers the oldest choices are forgotten wholesale (they enable their toolsets again).
    private const int MaxCallers = 10_000;

    private readonly ConcurrentDictionary<string, ImmutableSortedSet<string>> _enabled = new(StringComparer.Ordinal);

    public bool Dynamic => options.CurrentValue.DynamicToolsets;

    public ImmutableSortedSet<string> Enabled(CallerIdentity caller) =>
        _enabled.TryGetValue(Key(caller), out var enabled) ? enabled : ImmutableSortedSet<string>.Empty;

    /// <summary>Enables <paramref name="toolset"/> for <paramref name="caller"/>; false when it already was.</summary>
    public bool Enable(CallerIdentity caller, string toolset)
    {
        if (_enabled.Count >= MaxCallers)
        {
            _enabled.Clear();
        }

        var before = Enabled(caller);
        var after = _enabled.AddOrUpdate(Key(caller), _ => [toolset], (_, current) => current.Add(toolset));
        return after.Count != before.Count;
    }

    private static string Key(CallerIdentity caller) => $"{caller.AuthenticationMethod}:{caller.Id}";
}
