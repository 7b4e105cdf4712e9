namespace AwsMcp.Host.Configuration;

/// <summary>OAuth 2.0 bearer tokens (<c>AwsMcp:Security:Jwt</c>): the server is a resource server for <see cref="Audience"/>.</summary>
public sealed class JwtOptions
{
    /// <summary>The issuer's base URL (OpenID Connect discovery), e.g. <c>https://login.microsoftonline.com/&lt;tenant&gt;/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for (this server's application id URI or client id).</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Scopes advertised in the protected-resource metadata; when set, a token must carry at least one of them
    /// (<c>scp</c> or <c>scope</c> claim).
    /// </summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Fetch discovery documents over https only. Off only for a local test issuer.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(Audience);

    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            yield return "Authority must be the token issuer's absolute URL.";
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return "Audience is required: tokens issued for another resource must be refused.";
        }
    }
}
