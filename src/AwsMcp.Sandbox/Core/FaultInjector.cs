namespace AwsMcp.Sandbox.Core;

/// <summary>
/// Makes chosen operations fail or slow down, for reliability tests. Rules match a service's signing name and an
/// operation name or <c>*</c>, and optionally one region (the request's credential scope: one target of a fan-out
/// call fails while the others answer); the first matching failure rule answers (oldest first), and every matching latency
/// rule adds its delay. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    public const string AnyOperation = "*";

    private readonly Lock _gate = new();
    private readonly List<Rule> _rules = [];

    /// <summary>Fails the next <paramref name="times"/> calls of the operation with <paramref name="fault"/>.</summary>
    public void FailNext(string service, string operation, SandboxFault fault, int times = 1, string? region = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        Add(new Rule(service, operation, fault, TimeSpan.Zero, times, region));
    }

    /// <summary>Fails every call of the operation (in <paramref name="region"/> only, when given) with <paramref name="fault"/> until <see cref="Clear()"/>.</summary>
    public void FailAlways(string service, string operation, SandboxFault fault, string? region = null) =>
        Add(new Rule(service, operation, fault, TimeSpan.Zero, RemainingCalls: null, region));

    /// <summary>
    /// Delays calls of the operation (in <paramref name="region"/> only, when given) by <paramref name="delay"/>: the
    /// next <paramref name="times"/> calls, or all until cleared when null.
    /// </summary>
    public void AddLatency(string service, string operation, TimeSpan delay, int? times = null, string? region = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Add(new Rule(service, operation, Fault: null, delay, times, region));
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Removes the rules of one service (and operation, or all of its operations when null).</summary>
    public void Clear(string service, string? operation = null)
    {
        lock (_gate)
        {
            _rules.RemoveAll(r => string.Equals(r.Service, service, StringComparison.OrdinalIgnoreCase)
                && (operation is null || string.Equals(r.Operation, operation, StringComparison.Ordinal)));
        }
    }

    /// <summary>Consumes the rules matching one call: the total delay to add and the fault to answer with, if any.</summary>
    internal (TimeSpan Delay, SandboxFault? Fault) Take(string service, string operation, string region)
    {
        lock (_gate)
        {
            var delay = TimeSpan.Zero;
            SandboxFault? fault = null;
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (!rule.Matches(service, operation, region) || (rule.Fault is not null && fault is not null))
                {
                    continue;
                }

                delay += rule.Delay;
                fault ??= rule.Fault;
                if (rule.RemainingCalls is { } remaining)
                {
                    if (remaining <= 1)
                    {
                        _rules.RemoveAt(i--);
                    }
                    else
                    {
                        _rules[i] = rule with { RemainingCalls = remaining - 1 };
                    }
                }
            }

            return (delay, fault);
        }
    }

    private void Add(Rule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    private sealed record Rule(string Service, string Operation, SandboxFault? Fault, TimeSpan Delay, int? RemainingCalls, string? Region = null)
    {
        public bool Matches(string service, string operation, string region) =>
            string.Equals(Service, service, StringComparison.OrdinalIgnoreCase)
            && (Operation == AnyOperation || string.Equals(Operation, operation, StringComparison.Ordinal))
            && (Region is null || string.Equals(Region, region, StringComparison.Ordinal));
    }
}
