using System.Collections.Immutable;
using AwsMcp.Abstractions;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tools;
using AwsMcp.Host.Tools.Toolsets;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Authorization;

/// <summary>
/// The one place that decides what a caller may see and call, fail-closed. Per tool and caller
/// (<see cref="Evaluate"/>, which also filters <c>tools/list</c>, so a hidden tool is also uncallable): an
/// unauthenticated caller gets nothing; the served toolsets, deny globs, allow globs, the tool sets of the caller's
/// scopes, read-only by default, and in dynamic-toolset mode the toolsets the caller enabled. Per call (<see cref="EvaluateCall"/>), on what the call declares and really targets, never on argument
/// names: the account and region it acts in (a located region included, and every further region the tool
/// retargets to, <see cref="EvaluateTarget"/>), and how many resources one mutating call may change.
/// </summary>
public sealed class ToolPolicy
{
    private readonly ToolRegistry _registry;
    private readonly ToolsetSelections _selections;
    private Rules _rules;
    private int _generation;

    public ToolPolicy(ToolRegistry registry, ToolsetSelections selections, IOptionsMonitor<ToolOptions> tools, IOptionsMonitor<PolicyOptions> policy)
    {
        _registry = registry;
        _selections = selections;
        _rules = new Rules(tools.CurrentValue, policy.CurrentValue);
        tools.OnChange(changed => Update(new Rules(changed, policy.CurrentValue)));
        policy.OnChange(changed => Update(new Rules(tools.CurrentValue, changed)));
    }

    /// <summary>Changes whenever the rules do, so that caches of what callers may see can tell they are stale.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public PolicyDecision Evaluate(ServedTool tool, CallerIdentity caller) => EvaluateWith(tool, caller, EnabledToolsets(caller));

    // Read once per list or call: with replicas sharing a store, each read is a round trip.
    private ImmutableSortedSet<string>? EnabledToolsets(CallerIdentity caller) => _selections.Dynamic ? _selections.Enabled(caller) : null;

    private PolicyDecision EvaluateWith(ServedTool tool, CallerIdentity caller, ImmutableSortedSet<string>? enabled)
    {
        var decision = EvaluateRules(tool, caller);
        if (decision.Allowed && enabled is not null && tool.PluginName != ToolsetTools.PluginName && !enabled.Contains(tool.Toolset))
        {
            return PolicyDecision.Refuse(
                "toolset-not-enabled",
                $"Tool '{tool.Name}' is in toolset '{tool.Toolset}', which you have not enabled: call {ToolsetTools.EnableName} with toolset '{tool.Toolset}' first.");
        }

        return decision;
    }

    /// <summary>The tools <paramref name="caller"/> could call once their toolsets are enabled (all the rules but that one).</summary>
    public IEnumerable<ServedTool> AvailableTools(CallerIdentity caller) => _registry.Tools.Where(tool => EvaluateRules(tool, caller).Allowed);

    private PolicyDecision EvaluateRules(ServedTool tool, CallerIdentity caller)
    {
        var rules = _rules;
        if (caller.AuthenticationMethod == CallerIdentityResolver.AnonymousMethod)
        {
            return PolicyDecision.Refuse("authentication-required", "This server requires authentication (an API key or an OAuth token).");
        }

        if (rules.Deny.FirstOrDefault(g => g.IsMatch(tool.Name)) is { } denied)
        {
            return PolicyDecision.Refuse("deny-list", $"Tool '{tool.Name}' is disabled on this server (AwsMcp:Tools:Deny '{denied.Pattern}').");
        }

        // The toolset tools show only what the other rules allow, so no toolset or scope rule hides them.
        var toolsetTool = tool.PluginName == ToolsetTools.PluginName;
        if (!toolsetTool && rules.Toolsets.Count > 0 && !rules.Toolsets.Contains(tool.Toolset))
        {
            return PolicyDecision.Refuse(
                "toolset", $"Tool '{tool.Name}' belongs to toolset '{tool.Toolset}', which this server does not serve (AwsMcp:Tools:Toolsets).");
        }

        if (rules.Allow.Count > 0 && !rules.Allow.Any(g => g.IsMatch(tool.Name)))
        {
            return PolicyDecision.Refuse("allow-list", $"Tool '{tool.Name}' is not enabled on this server (not in AwsMcp:Tools:Allow).");
        }

        if (!toolsetTool && rules.ScopeTools.Count > 0 && caller.AuthenticationMethod != CallerIdentity.Local.AuthenticationMethod
            && !caller.Scopes.Any(scope => rules.ScopeTools.TryGetValue(scope, out var entries) && entries.Any(entry => entry.Matches(tool))))
        {
            return PolicyDecision.Refuse(
                "scope",
                $"Tool '{tool.Name}' is not in the tool set of your scopes ({(caller.Scopes.Count == 0 ? "none" : string.Join(", ", caller.Scopes))}).");
        }

        if (tool.IsMutating && !rules.WritesEnabled)
        {
            return PolicyDecision.Refuse(
                "writes-disabled",
                $"Tool '{tool.Name}' changes AWS resources and this server is read-only (an operator can set AwsMcp:Tools:WritesEnabled=true).");
        }

        return PolicyDecision.Allow(tool.IsMutating ? "writes-enabled" : "read-only");
    }

    /// <summary>
    /// <see cref="Evaluate"/>, then the checks on what the call really does: its target (resolved, located) and, for a
    /// mutating tool, the resources it declares it changes (every <c>[TargetResource]</c> item and <c>[ResourceCount]</c>).
    /// </summary>
    public PolicyDecision EvaluateCall(ToolCall call)
    {
        var tool = call.Tool!;
        var decision = Evaluate(tool, call.Caller);
        if (!decision.Allowed)
        {
            return decision;
        }

        if (EvaluateTarget(call.Region, call.Account) is { Allowed: false } target)
        {
            return target;
        }

        var rules = _rules;
        if (tool.IsMutating && call.Bound?.ResourceCount is { } count && count > rules.MaxResourcesPerCall)
        {
            return PolicyDecision.Refuse(
                "resource-cap",
                $"'{tool.Name}' would change {count} resources in one call; this server allows at most {rules.MaxResourcesPerCall} " +
                "(AwsMcp:Policy:MaxResourcesPerCall). Split the request into smaller calls.");
        }

        return decision;
    }

    /// <summary>Whether a call may act in <paramref name="region"/> as <paramref name="account"/>; null when it may.</summary>
    public PolicyDecision? EvaluateTarget(string? region, string? account)
    {
        var rules = _rules;
        if (account is not null && rules.AllowedAccounts.Count > 0 && !rules.AllowedAccounts.Contains(account))
        {
            return PolicyDecision.Refuse("account", $"Account '{account}' is not allowed on this server (AwsMcp:Policy:AllowedAccounts).");
        }

        if (rules.AllowedRegions.Count > 0 && (region is null || !rules.AllowedRegions.Contains(region)))
        {
            return PolicyDecision.Refuse(
                "region",
                $"Region '{region ?? "(none)"}' is not allowed on this server; use one of: {string.Join(", ", rules.AllowedRegions)}.");
        }

        return null;
    }

    /// <summary>Whether calls may act as <paramref name="account"/> (what <c>accounts: ["*"]</c> keeps of the configured ones).</summary>
    public bool AllowsAccount(string account) => _rules.AllowedAccounts is var allowed && (allowed.Count == 0 || allowed.Contains(account));

    /// <summary>Whether calls may act in <paramref name="region"/> (what <c>regions: ["all"]</c> keeps of the fleet).</summary>
    public bool AllowsRegion(string region) => _rules.AllowedRegions is var allowed && (allowed.Count == 0 || allowed.Contains(region));

    /// <summary>The tools <paramref name="caller"/> may see, by name.</summary>
    public IReadOnlyList<ServedTool> VisibleTools(CallerIdentity caller) => Visible(ToolKind.Tool, caller);

    /// <summary>The prompts, resources, templates or completion sources <paramref name="caller"/> may see, by name.</summary>
    public IReadOnlyList<ServedTool> Visible(ToolKind kind, CallerIdentity caller)
    {
        var enabled = EnabledToolsets(caller);
        return [.. _registry.OfKind(kind).Where(tool => EvaluateWith(tool, caller, enabled).Allowed)];
    }

    /// <summary>
    /// What decides which tools <paramref name="caller"/> may see: callers with the same key see the same tools
    /// (until <see cref="Generation"/> or the registry changes).
    /// </summary>
    public string VisibilityKey(CallerIdentity caller) =>
        _selections.Dynamic ? $"{BaseVisibilityKey(caller)}|{string.Join(",", _selections.Enabled(caller))}" : BaseVisibilityKey(caller);

    private static string BaseVisibilityKey(CallerIdentity caller) =>
        caller.AuthenticationMethod == CallerIdentityResolver.AnonymousMethod ? "anonymous"
        : caller.AuthenticationMethod == CallerIdentity.Local.AuthenticationMethod ? "local"
        : caller.Scopes.Count == 0 ? "authenticated"
        : "scopes:" + string.Join(" ", caller.Scopes.Order(StringComparer.Ordinal));

    private void Update(Rules rules)
    {
        _rules = rules;
        Interlocked.Increment(ref _generation);
    }

    private sealed class Rules(ToolOptions tools, PolicyOptions policy)
    {
        public bool WritesEnabled { get; } = tools.WritesEnabled;

        public IReadOnlyList<GlobPattern> Allow { get; } = [.. tools.Allow.Select(g => new GlobPattern(g))];

        public IReadOnlyList<GlobPattern> Deny { get; } = [.. tools.Deny.Select(g => new GlobPattern(g))];

        public IReadOnlySet<string> Toolsets { get; } = tools.Toolsets.ToHashSet(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, ScopeEntry[]> ScopeTools { get; } =
            policy.Scopes.ToDictionary(s => s.Key, s => s.Value.Select(ScopeEntry.Parse).ToArray(), StringComparer.Ordinal);

        public IReadOnlySet<string> AllowedAccounts { get; } = policy.AllowedAccounts.ToHashSet(StringComparer.Ordinal);

        public IReadOnlySet<string> AllowedRegions { get; } = policy.AllowedRegions.ToHashSet(StringComparer.Ordinal);

        public int MaxResourcesPerCall { get; } = policy.MaxResourcesPerCall;
    }
}
