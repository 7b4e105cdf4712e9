using System.Net;

namespace AwsMcp.Host.Configuration;

/// <summary>Where the HTTP transport listens (<c>AwsMcp:Http</c>).</summary>
public sealed class HttpOptions : IValidatableOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5000";

    public static string Section => ConfigurationSections.Http;

    /// <summary>Semicolon-separated listen URLs.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>
    /// Allow binding to a non-loopback address. There is no authentication yet, so the server refuses to be reachable
    /// from other machines unless the operator says so (<c>--insecure</c>).
    /// </summary>
    public bool AllowNonLoopback { get; set; }

    public IEnumerable<string> Validate()
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryGetHost(url, out var host))
            {
                yield return $"Urls: '{url}' is not an http(s) URL.";
            }
            else if (!AllowNonLoopback && !IsLoopback(host))
            {
                yield return $"Urls: '{url}' is not a loopback address and the server has no authentication yet; " +
                    "bind to 127.0.0.1, or pass --insecure (AwsMcp:Http:AllowNonLoopback=true) to expose it anyway.";
            }
        }
    }

    private static bool TryGetHost(string url, out string host)
    {
        // Kestrel accepts wildcard hosts ("http://*:5000", "http://+:5000") that Uri does not parse.
        var normalised = url.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal)
            .Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        if (Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            host = uri.Host;
            return true;
        }

        host = "";
        return false;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
