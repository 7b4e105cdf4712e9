using System.Collections.Immutable;
using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Tools.Toolsets;

/// <summary>
/// With <c>AwsMcp:Tools:DynamicToolsets</c>, the toolsets each caller has enabled (<see cref="ToolsetTools"/>): per
/// caller rather than per session, so that a stateless client (Copilot Studio) sees them on its next <c>tools/list</c>.
/// Kept by an <see cref="IToolsetSelectionStore"/>: this process's, or the one the replicas share.
/// </summary>
public sealed class ToolsetSelections(IOptionsMonitor<ToolOptions> options, IToolsetSelectionStore store)
{
    public bool Dynamic => options.CurrentValue.DynamicToolsets;

    public ImmutableSortedSet<string> Enabled(CallerIdentity caller) => store.Enabled(Key(caller));

    /// <summary>Enables <paramref name="toolset"/> for <paramref name="caller"/>.</summary>
    public ValueTask EnableAsync(CallerIdentity caller, string toolset, CancellationToken cancellationToken) =>
        store.EnableAsync(Key(caller), toolset, cancellationToken);

    private static string Key(CallerIdentity caller) => $"{caller.AuthenticationMethod}:{caller.Id}";
}
