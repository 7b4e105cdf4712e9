using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>EC2 resource ids (<c>i-</c>, <c>r-</c>, <c>ami-</c>, <c>vpc-</c>… followed by 17 hex digits): new, seeded, and well-formed checks.</summary>
internal static partial class Ec2Ids
{
    public static string New(string prefix) => prefix + "-" + RandomNumberGenerator.GetHexString(17, lowercase: true);

    /// <summary>A stable id for seeded resources, so the demo estate looks the same on every run.</summary>
    public static string Seeded(string prefix, string name) =>
        prefix + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prefix + "/" + name)))[..17];

    /// <summary>True for ids of the form <c>{prefix}-</c> plus 8 or 17 hex digits, as EC2 accepts.</summary>
    public static bool IsWellFormed(string prefix, string id) =>
        id.StartsWith(prefix + "-", StringComparison.Ordinal) && HexSuffix().IsMatch(id.AsSpan(prefix.Length + 1));

    [GeneratedRegex("^(?:[0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex HexSuffix();
}
