using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using AwsMcp.Host.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security.Authentication;

/// <summary>
/// Authenticates a caller by an API key sent as <c>Authorization: Bearer &lt;key&gt;</c> or in the configured header
/// (<c>AwsMcp:Security:ApiKeyHeader</c>). The key's SHA-256 is compared in constant time with every configured hash;
/// the caller becomes the key's name with its scopes.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<SecurityOptions> security,
    AuthenticationFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var settings = security.CurrentValue;
        var presented = PresentedKey(Request, settings);
        if (presented is null || settings.ApiKeys.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyOptions? match = null;

        // Compare with every key, not just until the first match, so timing does not tell which entry matched.
        foreach (var key in settings.ApiKeys)
        {
            if (ApiKeyHash.Matches(hash, key.Hash))
            {
                match ??= key;
            }
        }

        if (match is null)
        {
            failures.Record(Context);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, match.Name), new Claim(ClaimTypes.Name, match.Name), .. match.Scopes.Select(s => new Claim("scope", s))],
            CallerAuthenticationSchemes.ApiKeyMethod);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>The key in an API-key header, else a bearer token (which may turn out to be a JWT instead).</summary>
    public static string? PresentedKey(HttpRequest request, SecurityOptions settings)
    {
        foreach (var header in settings.ApiKeyHeaders)
        {
            if (request.Headers[header].FirstOrDefault() is { Length: > 0 } key)
            {
                return key.Trim();
            }
        }

        return BearerToken(request);
    }

    /// <summary>Whether the request carries credentials of any kind (valid or not).</summary>
    public static bool PresentsCredentials(HttpRequest request, SecurityOptions settings) =>
        request.Headers.Authorization.Count > 0 || settings.ApiKeyHeaders.Any(request.Headers.ContainsKey);

    public static string? BearerToken(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault() is { } authorization
        && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && authorization[7..].Trim() is { Length: > 0 } token
            ? token
            : null;
}
