using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Authorization;

/// <summary>
/// The one place that decides what a caller may see and call, fail-closed. Per tool and caller
/// (<see cref="Evaluate"/>, which also filters <c>tools/list</c>, so a hidden tool is also uncallable): an
/// unauthenticated caller gets nothing; deny globs, allow globs, the tool sets of the caller's scopes, and read-only
/// by default. Per call (<see cref="EvaluateCall"/>): the target account and region, and how many resources one
/// mutating call may change.
/// </summary>
public sealed class ToolPolicy
{
    private readonly ToolRegistry _registry;
    private Rules _rules;

    public ToolPolicy(ToolRegistry registry, IOptionsMonitor<ToolOptions> tools, IOptionsMonitor<PolicyOptions> policy)
    {
        _registry = registry;
        _rules = new Rules(tools.CurrentValue, policy.CurrentValue);
        tools.OnChange(changed => _rules = new Rules(changed, policy.CurrentValue));
        policy.OnChange(changed => _rules = new Rules(tools.CurrentValue, changed));
    }

    public PolicyDecision Evaluate(ServedTool tool, CallerIdentity caller)
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

        if (rules.Allow.Count > 0 && !rules.Allow.Any(g => g.IsMatch(tool.Name)))
        {
            return PolicyDecision.Refuse("allow-list", $"Tool '{tool.Name}' is not enabled on this server (not in AwsMcp:Tools:Allow).");
        }

        if (rules.ScopeTools.Count > 0 && caller.AuthenticationMethod != CallerIdentity.Local.AuthenticationMethod
            && !caller.Scopes.Any(scope => rules.ScopeTools.TryGetValue(scope, out var globs) && globs.Any(g => g.IsMatch(tool.Name))))
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

    /// <summary><see cref="Evaluate"/>, then the checks that depend on the call's arguments and target.</summary>
    public PolicyDecision EvaluateCall(ToolCall call)
    {
        var decision = Evaluate(call.Tool, call.Request.Caller);
        if (!decision.Allowed)
        {
            return decision;
        }

        var rules = _rules;
        if (call.Account is { } account && rules.AllowedAccounts.Count > 0 && !rules.AllowedAccounts.Contains(account))
        {
            return PolicyDecision.Refuse("account", $"Account '{account}' is not allowed on this server (AwsMcp:Policy:AllowedAccounts).");
        }

        if (rules.AllowedRegions.Count > 0 && (call.Region is not { } region || !rules.AllowedRegions.Contains(region)))
        {
            return PolicyDecision.Refuse(
                "region",
                $"Region '{call.Region ?? "(none)"}' is not allowed on this server; use one of: {string.Join(", ", rules.AllowedRegions)}.");
        }

        if (call.Tool.IsMutating && ResourceCount(call.Arguments) is var count && count > rules.MaxResourcesPerCall)
        {
            return PolicyDecision.Refuse(
                "resource-cap",
                $"'{call.Tool.Name}' would change {count} resources in one call; this server allows at most {rules.MaxResourcesPerCall} " +
                "(AwsMcp:Policy:MaxResourcesPerCall). Split the request into smaller calls.");
        }

        return decision;
    }

    /// <summary>The tools <paramref name="caller"/> may see, by name.</summary>
    public IReadOnlyList<ServedTool> VisibleTools(CallerIdentity caller) =>
        [.. _registry.All.Where(tool => Evaluate(tool, caller).Allowed)];

    // By convention every AwsMcp tool names the resources it acts on in *_ids arrays (instance_ids, snapshot_ids).
    private static int ResourceCount(JsonElement arguments) =>
        arguments.ValueKind != JsonValueKind.Object
            ? 0
            : arguments.EnumerateObject()
                .Where(p => p.Name.EndsWith("_ids", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.Array)
                .Sum(p => p.Value.GetArrayLength());

    private sealed class Rules(ToolOptions tools, PolicyOptions policy)
    {
        public bool WritesEnabled { get; } = tools.WritesEnabled;

        public IReadOnlyList<GlobPattern> Allow { get; } = [.. tools.Allow.Select(g => new GlobPattern(g))];

        public IReadOnlyList<GlobPattern> Deny { get; } = [.. tools.Deny.Select(g => new GlobPattern(g))];

        public IReadOnlyDictionary<string, GlobPattern[]> ScopeTools { get; } =
            policy.Scopes.ToDictionary(s => s.Key, s => s.Value.Select(g => new GlobPattern(g)).ToArray(), StringComparer.Ordinal);

        public IReadOnlySet<string> AllowedAccounts { get; } = policy.AllowedAccounts.ToHashSet(StringComparer.Ordinal);

        public IReadOnlySet<string> AllowedRegions { get; } = policy.AllowedRegions.ToHashSet(StringComparer.Ordinal);

        public int MaxResourcesPerCall { get; } = policy.MaxResourcesPerCall;
    }
}
