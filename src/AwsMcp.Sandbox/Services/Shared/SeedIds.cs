using System.Security.Cryptography;
using System.Text;

namespace AwsMcp.Sandbox.Services.Shared;

/// <summary>Deterministic, AWS-shaped identifiers for seeded resources (role ids, key ids, hashes): the same seed gives the same ids every run.</summary>
public static class SeedIds
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>e.g. <c>Of("AROA", "role/AwsMcpOperator", 21)</c> → <c>AROA</c> followed by 17 upper-case base32 characters.</summary>
    public static string Of(string prefix, string seed, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var builder = new StringBuilder(prefix, length);
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append(Base32[hash[i % hash.Length] % 32]);
        }

        return builder.ToString();
    }

    public static string Hex(string seed, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..length];

    public static string Base64Hash(string seed) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
}
