using System.Security.Cryptography;
using System.Text;

namespace AwsMcp.ScaleOut.Tests.Infrastructure;

/// <summary>An API-key caller of the cluster: its name (the caller id in audit records and rate limits) and its key.</summary>
internal sealed record Caller(string Name)
{
    public string Key => $"scale-out-test-key-{Name}-0123456789abcdef";

    /// <summary>What the replicas are configured with: the key's SHA-256, never the key.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));
}
