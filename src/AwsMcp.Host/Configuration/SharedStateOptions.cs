using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace AwsMcp.Host.Configuration;

/// <summary>
/// The store replicas share (<c>AwsMcp:SharedState</c>): used confirmation tokens, rate-limit counts, dynamic toolset
/// choices and the packs' caches. Without one, each process keeps them itself, as a single server should.
/// </summary>
public sealed class SharedStateOptions : IValidatableOptions
{
    public static string Section => ConfigurationSections.SharedState;

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>redis.internal:6379,password=...,ssl=true</c>); empty keeps the
    /// state in this process. Every replica of one deployment needs the same store and the same <see cref="KeyPrefix"/>.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every key this server writes, so that several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "awsmcp:";

    /// <summary>True when replicas share a store.</summary>
    public bool Shared => !string.IsNullOrWhiteSpace(Redis);

    /// <summary>
    /// The parsed <see cref="Redis"/> string, made to start and reconnect on its own: a store that is down at start
    /// degrades the server (see <c>SharedState/</c>) instead of stopping it.
    /// </summary>
    public ConfigurationOptions RedisConfiguration()
    {
        var configuration = ConfigurationOptions.Parse(Redis!);
        configuration.AbortOnConnectFail = false;
        return configuration;
    }

    public IEnumerable<string> Validate()
    {
        if (!Shared)
        {
            yield break;
        }

        var problem = RedisProblem();
        if (problem is not null)
        {
            yield return problem;
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(KeyPrefix, "^[A-Za-z0-9:._{}-]{1,64}$"))
        {
            yield return $"KeyPrefix must be 1 to 64 letters, digits or ':', '.', '_', '-', '{{', '}}' (was '{KeyPrefix}').";
        }
    }

    // Apart from Validate, whose iterator would otherwise load StackExchange.Redis at every start, Redis or not.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private string? RedisProblem()
    {
        try
        {
            return RedisConfiguration().EndPoints.Count == 0 ? "Redis names no endpoint (host:port)." : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException)
        {
            // The parser's message names the keyword, never the password.
            return $"Redis is not a StackExchange.Redis configuration string (host:port[,option=value...]): {e.Message}";
        }
    }
}
