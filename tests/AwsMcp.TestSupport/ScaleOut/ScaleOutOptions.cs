namespace AwsMcp.TestSupport.ScaleOut;

/// <summary>How a <see cref="ScaleOutCluster"/> is made.</summary>
public sealed class ScaleOutOptions
{
    /// <summary>The built host, <c>awsmcp.dll</c>, with its built-in packs in <c>plugins/</c> beside it.</summary>
    public required string HostAssembly { get; init; }

    public int Replicas { get; init; } = 3;

    /// <summary>Give the replicas a real Redis to share (<c>AwsMcp:SharedState:Redis</c>); off: each keeps its own state.</summary>
    public bool SharedState { get; init; } = true;

    /// <summary>Settings every replica gets, as configuration keys under <c>AwsMcp:</c> (<c>Tools:WritesEnabled</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
