namespace AwsMcp.Host.Configuration;

/// <summary>Who may call over HTTP and how destructive calls are confirmed (<c>AwsMcp:Security</c>).</summary>
public sealed class SecurityOptions : IValidatableOptions
{
    /// <summary>The smallest confirmation key accepted: HMAC-SHA256 wants at least its output size.</summary>
    public const int MinConfirmationKeyBytes = 32;

    public static string Section => ConfigurationSections.Security;

    /// <summary>API keys, stored as SHA-256 hashes (<c>awsmcp keys hash</c>); the keys themselves are never configured.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>The headers every server accepts a key in: the one the docs used first and the one Copilot Studio users type.</summary>
    public static readonly IReadOnlyList<string> StandardApiKeyHeaders = ["X-Api-Key", "Api-Key"];

    /// <summary>
    /// One more header an API key may come in, besides <c>Authorization: Bearer</c> and <see cref="StandardApiKeyHeaders"/>
    /// (a connector may insist on a name of its own).
    /// </summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>Every header a key is read from, in order.</summary>
    public IEnumerable<string> ApiKeyHeaders => StandardApiKeyHeaders.Contains(ApiKeyHeader, StringComparer.OrdinalIgnoreCase)
        ? StandardApiKeyHeaders
        : [ApiKeyHeader, .. StandardApiKeyHeaders];

    /// <summary>OAuth 2.0 / JWT bearer tokens (Entra ID and other OpenID Connect providers).</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Ask for a confirmation token before running a destructive tool.</summary>
    public bool ConfirmDestructive { get; set; } = true;

    /// <summary>
    /// Base64 key (at least 32 bytes) that signs confirmation tokens. Every replica needs the same key; without one
    /// the process makes its own and tokens only work against the process that issued them.
    /// </summary>
    public string? ConfirmationKey { get; set; }

    /// <summary>How long a confirmation token stays valid.</summary>
    public int ConfirmationTtlSeconds { get; set; } = 300;

    /// <summary>
    /// Failed authentications (a key or token that is not valid) allowed per client address per minute; beyond it
    /// every request from that address that presents credentials is answered 429 until the minute is over, so keys
    /// cannot be guessed at speed. 0 turns it off.
    /// </summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 20;

    /// <summary>True when HTTP callers must authenticate.</summary>
    public bool AuthenticationEnabled => ApiKeys.Count > 0 || Jwt.Enabled;

    /// <summary>The decoded <see cref="ConfirmationKey"/>, or null when none is configured or it is not base64.</summary>
    public byte[]? ConfirmationKeyBytes()
    {
        if (string.IsNullOrEmpty(ConfirmationKey))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(ConfirmationKey);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public IEnumerable<string> Validate()
    {
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            foreach (var problem in ApiKeys[i].Validate())
            {
                yield return $"ApiKeys:{i}: {problem}";
            }
        }

        foreach (var duplicate in ApiKeys.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"ApiKeys: the name '{duplicate.Key}' is used by {duplicate.Count()} keys; names identify callers in the audit log.";
        }

        if (string.IsNullOrWhiteSpace(ApiKeyHeader))
        {
            yield return "ApiKeyHeader must name a header (e.g. X-Api-Key).";
        }

        foreach (var problem in Jwt.Validate())
        {
            yield return $"Jwt: {problem}";
        }

        if (ConfirmationKey is { Length: > 0 } && ConfirmationKeyBytes() is not { Length: >= MinConfirmationKeyBytes })
        {
            yield return $"ConfirmationKey must be base64 of at least {MinConfirmationKeyBytes} random bytes (e.g. `openssl rand -base64 32`).";
        }

        if (FailedAuthenticationsPerMinute < 0)
        {
            yield return $"FailedAuthenticationsPerMinute must be 0 (off) or more (was {FailedAuthenticationsPerMinute}).";
        }

        if (ConfirmationTtlSeconds is < 10 or > 3600)
        {
            yield return $"ConfirmationTtlSeconds must be between 10 and 3600 (was {ConfirmationTtlSeconds}).";
        }
    }
}
