using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Authorization;

/// <summary>
/// The one place that decides what a caller may see and call, fail-closed. Today: deny globs, allow globs, and
/// read-only by default (tools not declared read-only are hidden and refused until <c>AwsMcp:Tools:WritesEnabled</c>).
/// The same decision filters <c>tools/list</c> and guards <c>tools/call</c>, so a hidden tool is also uncallable.
/// </summary>
public sealed class ToolPolicy
{
    private readonly ToolRegistry _registry;
    private Rules _rules;

    public ToolPolicy(ToolRegistry registry, IOptionsMonitor<ToolOptions> options)
    {
        _registry = registry;
        _rules = new Rules(options.CurrentValue);
        options.OnChange(changed => _rules = new Rules(changed));
    }

    public PolicyDecision Evaluate(ServedTool tool, CallerIdentity caller)
    {
        var rules = _rules;
        if (rules.Deny.FirstOrDefault(g => g.IsMatch(tool.Name)) is { } denied)
        {
            return PolicyDecision.Refuse("deny-list", $"Tool '{tool.Name}' is disabled on this server (AwsMcp:Tools:Deny '{denied.Pattern}').");
        }

        if (rules.Allow.Count > 0 && !rules.Allow.Any(g => g.IsMatch(tool.Name)))
        {
            return PolicyDecision.Refuse("allow-list", $"Tool '{tool.Name}' is not enabled on this server (not in AwsMcp:Tools:Allow).");
        }

        if (tool.IsMutating && !rules.WritesEnabled)
        {
            return PolicyDecision.Refuse(
                "writes-disabled",
                $"Tool '{tool.Name}' changes AWS resources and this server is read-only (an operator can set AwsMcp:Tools:WritesEnabled=true).");
        }

        return PolicyDecision.Allow(tool.IsMutating ? "writes-enabled" : "read-only");
    }

    /// <summary>The tools <paramref name="caller"/> may see, by name.</summary>
    public IReadOnlyList<ServedTool> VisibleTools(CallerIdentity caller) =>
        [.. _registry.All.Where(tool => Evaluate(tool, caller).Allowed)];

    private sealed class Rules(ToolOptions options)
    {
        public bool WritesEnabled { get; } = options.WritesEnabled;

        public IReadOnlyList<GlobPattern> Allow { get; } = [.. options.Allow.Select(g => new GlobPattern(g))];

        public IReadOnlyList<GlobPattern> Deny { get; } = [.. options.Deny.Select(g => new GlobPattern(g))];
    }
}
