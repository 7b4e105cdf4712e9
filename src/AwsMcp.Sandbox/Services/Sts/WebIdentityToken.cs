using System.Buffers.Text;
using System.Text.Json;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Sts;

/// <summary>
/// The claims STS reads from the OIDC token of AssumeRoleWithWebIdentity (EKS service-account tokens, GitHub Actions
/// tokens): issuer, subject and audience, and that it has not expired. The sandbox has no identity providers to fetch signing keys from, so
/// it checks the token's shape and claims but not its signature.
/// </summary>
/// <param name="Audience">The first <c>aud</c> entry (a string or a list of them): the client id STS reports back.</param>
public sealed record WebIdentityToken(string Issuer, string Subject, string Audience)
{
    /// <summary>Reads a compact JWT (<c>header.payload.signature</c>, base64url); throws STS's own errors for anything else.</summary>
    public static WebIdentityToken Parse(string token, DateTimeOffset now)
    {
        var parts = token.Trim().Split('.');
        if (parts.Length != 3 || parts.Any(part => part.Length == 0) || Decode(parts[1]) is not { } payload)
        {
            throw Invalid("The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
        }

        using var claims = payload;
        var root = claims.RootElement;
        var issuer = Text(root, "iss") ?? throw Invalid("The ID Token has no iss (issuer) claim.");
        var subject = Text(root, "sub") ?? throw Invalid("The ID Token has no sub (subject) claim.");
        var audience = root.TryGetProperty("aud", out var aud) && aud.ValueKind == JsonValueKind.Array
            ? aud.EnumerateArray().Select(entry => entry.ValueKind == JsonValueKind.String ? entry.GetString() : null).FirstOrDefault(entry => !string.IsNullOrEmpty(entry))
            : Text(root, "aud");
        if (audience is null)
        {
            throw Invalid("Incorrect token audience: the ID Token has no aud claim.");
        }

        DateTimeOffset? expires = root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        if (expires <= now)
        {
            throw new SandboxServiceException(
                400,
                "ExpiredTokenException",
                $"Token expired: current date/time {now.ToUnixTimeSeconds()} must be before the expiration date/time {expires.Value.ToUnixTimeSeconds()}");
        }

        return new WebIdentityToken(issuer, subject, audience);
    }

    /// <summary>The IAM OIDC provider STS names as the <c>Provider</c>: <c>arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH</c> for issuer <c>https://HOST/PATH</c>.</summary>
    public string ProviderArn(string account) =>
        $"arn:aws:iam::{account}:oidc-provider/{(Issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? Issuer["https://".Length..] : Issuer)}";

    private static JsonDocument? Decode(string segment)
    {
        if (!Base64Url.IsValid(segment))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(Base64Url.DecodeFromChars(segment));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static SandboxServiceException Invalid(string message) => new(400, "InvalidIdentityToken", message);
}
