using System.Security.Cryptography;
using System.Text;

namespace AwsMcp.Aws.Accounts;

/// <summary>
/// Turns a caller id into STS names. RoleSessionName and SourceIdentity allow 2–64 characters of <c>[\w+=,.@-]</c>;
/// other characters become '-', and an id too long keeps a hash of the whole id so two long ids stay distinct.
/// </summary>
public static class CallerNames
{
    private const int MaxLength = 64;
    private const string SessionPrefix = "awsmcp-";

    /// <summary>The SourceIdentity for a caller: the id itself where AWS allows it (it is recorded in CloudTrail).</summary>
    public static string SourceIdentity(string callerId)
    {
        ArgumentNullException.ThrowIfNull(callerId);
        var sanitized = Sanitize(callerId);

        // AWS reserves the "aws:" prefix; sanitizing already turned ':' into '-', so only the length can be wrong.
        return Fit(sanitized.Length < 2 ? sanitized.PadRight(2, '-') : sanitized, callerId);
    }

    /// <summary>The RoleSessionName for a caller: <c>awsmcp-&lt;id&gt;</c>, shown in the assumed-role ARN.</summary>
    public static string RoleSessionName(string callerId)
    {
        ArgumentNullException.ThrowIfNull(callerId);
        return Fit(SessionPrefix + Sanitize(callerId), callerId);
    }

    private static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-' ? c : '-');
        }

        return builder.ToString();
    }

    private static string Fit(string name, string original)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original)))[..8];
        return name[..(MaxLength - hash.Length - 1)] + "-" + hash;
    }
}
