using System.Security.Cryptography;
using System.Text;

namespace AwsMcp.Host.Security.Authentication;

/// <summary>
/// API keys are configured as SHA-256 hashes only, so configuration files, environment dumps and logs never hold a
/// usable key. Keys are random (<c>awsmcp keys generate</c>), so an unsalted fast hash is enough.
/// </summary>
public static class ApiKeyHash
{
    /// <summary>The lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public static string Compute(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: 32 bytes, base64url (43 characters).</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Compares a presented key's hash with a configured hash in constant time.</summary>
    public static bool Matches(ReadOnlySpan<byte> presentedHash, string configuredHex) =>
        configuredHex.Length == presentedHash.Length * 2
        && CryptographicOperations.FixedTimeEquals(presentedHash, Convert.FromHexString(configuredHex));
}
