using System.Collections.Concurrent;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Security.RequestFiltering;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security.Authentication;

/// <summary>
/// Failed authentications per client address in the current minute (<c>AwsMcp:Security:FailedAuthenticationsPerMinute</c>):
/// past the limit, the address is blocked from presenting credentials until its minute is over
/// (<see cref="RequestFiltering.FailedAuthenticationThrottle"/>).
/// </summary>
public sealed class AuthenticationFailures(IOptionsMonitor<SecurityOptions> options, TimeProvider time)
{
    private const string Recorded = "awsmcp.authentication-failure-recorded";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Bounded: an address's entry goes when its window is over; a flood of new addresses is cleared wholesale.
    private const int MaxAddresses = 100_000;

    private readonly ConcurrentDictionary<string, Failures> _addresses = new(StringComparer.Ordinal);

    /// <summary>Counts a failed authentication of this request (once, however many handlers saw it).</summary>
    public void Record(HttpContext context)
    {
        if (options.CurrentValue.FailedAuthenticationsPerMinute == 0 || !context.Items.TryAdd(Recorded, true))
        {
            return;
        }

        if (_addresses.Count >= MaxAddresses)
        {
            _addresses.Clear();
        }

        var now = time.GetUtcNow();
        _addresses.AddOrUpdate(
            ClientAddress.Of(context),
            _ => new Failures(now, 1),
            (_, current) => now - current.Since >= Window ? new Failures(now, 1) : current with { Count = current.Count + 1 });
    }

    /// <summary>How long this address stays blocked, or null when it may present credentials.</summary>
    public TimeSpan? Blocked(HttpContext context)
    {
        var limit = options.CurrentValue.FailedAuthenticationsPerMinute;
        var address = ClientAddress.Of(context);
        if (limit == 0 || !_addresses.TryGetValue(address, out var failures))
        {
            return null;
        }

        var left = failures.Since + Window - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            _addresses.TryRemove(KeyValuePair.Create(address, failures));
            return null;
        }

        return failures.Count >= limit ? left : null;
    }

    private sealed record Failures(DateTimeOffset Since, int Count);
}
