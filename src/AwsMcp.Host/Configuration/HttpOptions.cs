using System.Net;

namespace AwsMcp.Host.Configuration;

/// <summary>Where the HTTP transport listens and what requests it accepts (<c>AwsMcp:Http</c>).</summary>
public sealed class HttpOptions : IValidatableOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5000";

    public static string Section => ConfigurationSections.Http;

    /// <summary>Semicolon-separated listen URLs.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>
    /// Allow binding to a non-loopback address without authentication (<c>--insecure</c>). With API keys or JWT
    /// configured a non-loopback bind needs no such flag.
    /// </summary>
    public bool AllowNonLoopback { get; set; }

    /// <summary>
    /// <c>Host</c> header values accepted (DNS-rebinding protection), besides the loopback names and the hosts of
    /// <see cref="Urls"/>. Add the public host name behind a load balancer; <c>*</c> accepts any host.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Browser origins (<c>https://app.example.com</c>) allowed to call; CORS answers are sent for these only.
    /// Empty (the default): any request carrying an <c>Origin</c> header is refused with 403.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Behind a TLS-terminating proxy, tunnel or load balancer: take the scheme and client address from
    /// <c>X-Forwarded-Proto</c> / <c>X-Forwarded-For</c>, so that OAuth metadata URLs say https and rate limits see
    /// the real client. Only headers from <see cref="TrustedProxies"/> are believed.
    /// </summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Proxies whose forwarded headers are believed: addresses or CIDR networks (10.0.0.0/8). Empty: loopback only.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Largest request body accepted (413 above it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Requests per minute per authenticated caller (per client address for an anonymous caller off loopback) on
    /// the MCP endpoints, as a token bucket: a burst of this many, then this many a minute evenly (429 with
    /// Retry-After beyond it). 0 turns the limit off. Size it per caller: an agent turn makes a few calls, a
    /// conformance run or a batch a few hundred in a minute.
    /// </summary>
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>
    /// The same for anonymous callers on loopback, which are the local operator: 0 (the default) is no limit, since
    /// whoever can reach loopback can run the server's tools anyway.
    /// </summary>
    public int LoopbackRateLimitPerMinute { get; set; }

    /// <summary>The hosts of <see cref="Urls"/>; wildcard binds (<c>*</c>, <c>+</c>, 0.0.0.0) are left out.</summary>
    public IEnumerable<string> ListenHosts() =>
        SplitUrls().Select(url => TryGetHost(url, out var host) ? host : null)
            .OfType<string>()
            .Where(host => host != WildcardHost && host != "0.0.0.0" && host != "[::]");

    /// <summary>True when some listen URL is reachable from other machines.</summary>
    public bool ListensBeyondLoopback() =>
        SplitUrls().Any(url => TryGetHost(url, out var host) && !IsLoopback(host));

    /// <summary>
    /// The <see cref="AllowedHosts"/> that are not loopback names: a loopback server that answers to them (or to
    /// <see cref="ForwardedHeaders"/>) has a tunnel or proxy bringing other machines to it.
    /// </summary>
    public IReadOnlyList<string> RelayedHosts() => [.. AllowedHosts.Where(host => !IsLoopback(host))];

    /// <summary>True when other machines can reach the server: directly, or relayed by a tunnel or proxy.</summary>
    public bool ReachableBeyondLoopback() => ListensBeyondLoopback() || ForwardedHeaders || RelayedHosts().Count > 0;

    public IEnumerable<string> Validate()
    {
        foreach (var url in SplitUrls().Where(url => !TryGetHost(url, out _)))
        {
            yield return $"Urls: '{url}' is not an http(s) URL.";
        }

        foreach (var origin in AllowedOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/"))
        {
            yield return $"AllowedOrigins: '{origin}' must be a scheme, host and optional port (https://app.example.com); wildcards are not accepted.";
        }

        if (MaxRequestBodyBytes is < 1024 or > 100 * 1024 * 1024)
        {
            yield return $"MaxRequestBodyBytes must be between 1024 and 104857600 (was {MaxRequestBodyBytes}).";
        }

        foreach (var proxy in TrustedProxies.Where(proxy => !IPNetwork.TryParse(proxy, out _) && !IPAddress.TryParse(proxy, out _)))
        {
            yield return $"TrustedProxies: '{proxy}' is neither an IP address nor a CIDR network such as 10.0.0.0/8.";
        }

        if (RateLimitPerMinute < 0)
        {
            yield return $"RateLimitPerMinute must be 0 (off) or more (was {RateLimitPerMinute}).";
        }

        if (LoopbackRateLimitPerMinute < 0)
        {
            yield return $"LoopbackRateLimitPerMinute must be 0 (off) or more (was {LoopbackRateLimitPerMinute}).";
        }
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private const string WildcardHost = "wildcard.invalid";

    private IEnumerable<string> SplitUrls() => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryGetHost(string url, out string host)
    {
        // Kestrel accepts wildcard hosts ("http://*:5000", "http://+:5000") that Uri does not parse.
        var normalised = url.Replace("://*", "://" + WildcardHost, StringComparison.Ordinal)
            .Replace("://+", "://" + WildcardHost, StringComparison.Ordinal);
        if (Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            host = uri.Host;
            return true;
        }

        host = "";
        return false;
    }
}
