using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Security;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>
/// Issues and checks confirmation tokens: <c>v2.&lt;payload&gt;.&lt;HMAC-SHA256&gt;</c>, base64url, where the payload
/// binds the caller, the tool, the SHA-256 of the canonical arguments, an expiry and a random id. Any replica with
/// the same <c>AwsMcp:Security:ConfirmationKey</c> can verify a token without shared session state.
/// </summary>
public sealed class ConfirmationTokens
{
    private const string Version = "v2";

    private readonly ServerKey _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly IUsedConfirmationTokens _honoured;

    public ConfirmationTokens(IOptions<SecurityOptions> options, TimeProvider time, IUsedConfirmationTokens honoured, ServerKey key)
    {
        _time = time;
        _honoured = honoured;
        _key = key;
        _lifetime = TimeSpan.FromSeconds(options.Value.ConfirmationTtlSeconds);
    }

    /// <summary>
    /// A token for <paramref name="caller"/> to run <paramref name="tool"/> once with exactly <paramref name="arguments"/>,
    /// in exactly the <paramref name="target"/> the plan named.
    /// </summary>
    public (string Token, DateTimeOffset Expires) Issue(CallerIdentity caller, string tool, JsonElement arguments, string target)
    {
        var expires = _time.GetUtcNow().Add(_lifetime);
        var payload = new Payload(
            Base64Url(RandomNumberGenerator.GetBytes(16)), CallerKey(caller), tool, CanonicalJson.Sha256Hex(arguments), target, expires.ToUnixTimeSeconds());
        var body = $"{Version}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload, ConfirmationJsonContext.Default.Payload))}";
        return ($"{body}.{Base64Url(Sign(body))}", DateTimeOffset.FromUnixTimeSeconds(payload.Exp));
    }

    /// <summary>Checks a token for this exact call and marks it used; the refusal says why, in words a caller can act on.</summary>
    public async ValueTask<TokenRefusal?> RedeemAsync(
        string token, CallerIdentity caller, string tool, JsonElement arguments, string target, CancellationToken cancellationToken)
    {
        if (Check(token, caller, tool, arguments, target, out var payload) is { } refusal)
        {
            return new TokenRefusal(TokenRefusal.Refused, refusal);
        }

        return await _honoured.TryConsumeAsync(payload.Jti, DateTimeOffset.FromUnixTimeSeconds(payload.Exp), cancellationToken) switch
        {
            TokenUse.First => null,
            TokenUse.Again => new TokenRefusal(
                TokenRefusal.Refused, "The confirmation token has already been used. Call the tool again without confirmation_token to get a new plan and token."),
            TokenUse.SharedStoreUnreachable => new TokenRefusal(
                TokenRefusal.StoreUnreachable,
                "Nothing was changed: the store the server's replicas share (AwsMcp:SharedState:Redis) is unreachable, so no replica can tell " +
                "whether this confirmation token was already used. Try again with the same token once it is back; the operator sees it in /health/ready."),
            _ => new TokenRefusal(
                TokenRefusal.Refused,
                "The server could not record that the confirmation token is used, so nothing was changed. Try again with the same token; " +
                "if it keeps failing, the operator must make the audit folder writable."),
        };
    }

    // Everything a token must be for this call, before its one use is recorded.
    private string? Check(string token, CallerIdentity caller, string tool, JsonElement arguments, string target, out Payload payload)
    {
        payload = null!;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !TryFromBase64Url(parts[2], out var signature))
        {
            return "The confirmation token is malformed. Call the tool again without confirmation_token to get a new plan and token.";
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign($"{parts[0]}.{parts[1]}")))
        {
            return "The confirmation token was not issued by this server or has been altered. Call the tool again without confirmation_token " +
                "to get a new plan and token (replicas must share AwsMcp:Security:ConfirmationKey).";
        }

        if ((TryFromBase64Url(parts[1], out var json) ? JsonSerializer.Deserialize(json, ConfirmationJsonContext.Default.Payload) : null) is not { } read)
        {
            return "The confirmation token is malformed. Call the tool again without confirmation_token to get a new plan and token.";
        }

        payload = read;
        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        if (_time.GetUtcNow() >= expires)
        {
            return $"The confirmation token expired at {expires:u}. Call the tool again without confirmation_token to get a new plan and token.";
        }

        if (payload.Tool != tool)
        {
            return $"The confirmation token was issued for tool '{payload.Tool}', not '{tool}'.";
        }

        if (payload.Sub != CallerKey(caller))
        {
            return "The confirmation token was issued to another caller; only the caller who received the plan can confirm it.";
        }

        if (payload.Args != CanonicalJson.Sha256Hex(arguments))
        {
            return "The arguments differ from the ones the confirmation token was issued for. Send exactly the planned arguments, " +
                "or call again without confirmation_token to get a plan for the new ones.";
        }

        return payload.Target != target
            ? $"The plan was for {payload.Target}, but the call now acts in {target}. Call again without confirmation_token to get a plan for where it acts now."
            : null;
    }

    private static string CallerKey(CallerIdentity caller) => $"{caller.AuthenticationMethod}:{caller.Id}";

    private byte[] Sign(string body) => HMACSHA256.HashData(_key.Root, Encoding.ASCII.GetBytes(body));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        bytes = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    /// <summary>What a token binds.</summary>
    /// <param name="Jti">Random token id, for replay detection.</param>
    /// <param name="Sub">The caller (authentication method and id).</param>
    /// <param name="Tool">The tool.</param>
    /// <param name="Args">Hex SHA-256 of the canonical arguments.</param>
    /// <param name="Target">Where the plan said the call acts (region and account).</param>
    /// <param name="Exp">Expiry, Unix seconds.</param>
    internal sealed record Payload(string Jti, string Sub, string Tool, string Args, string Target, long Exp);
}
