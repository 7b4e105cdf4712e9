using System.Collections.Concurrent;

namespace AwsMcp.Host.Hosting;

/// <summary>
/// What the server's background work (audit shipping, plugin watching) reports instead of stopping the server: each
/// component is healthy or degraded with a reason. Readiness (<c>/health/ready</c>) reads it.
/// </summary>
public sealed class BackgroundHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ComponentHealth> _components = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ComponentHealth> Components => _components;

    public bool AllHealthy => _components.Values.All(component => component.Healthy);

    public void Healthy(string component, string detail) => _components[component] = new ComponentHealth(true, detail, time.GetUtcNow());

    public void Degraded(string component, string reason) => _components[component] = new ComponentHealth(false, reason, time.GetUtcNow());
}

/// <summary>One background component's state, as last reported.</summary>
/// <param name="Healthy">True when it works as configured.</param>
/// <param name="Detail">What it last did, or why it is degraded.</param>
/// <param name="Since">When it reported this.</param>
public sealed record ComponentHealth(bool Healthy, string Detail, DateTimeOffset Since);
