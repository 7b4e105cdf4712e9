using System.Buffers.Text;
using System.Globalization;
using System.Text;
using AwsMcp.Abstractions;

namespace AwsMcp.Aws.Tools;

/// <summary>
/// The <c>next_token</c> list tools hand out: the AWS token of the page to fetch and how many of its items the caller
/// has already seen. The offset lets a tool stop in the middle of an AWS page (EC2 answers at least 5 instances, a
/// list without AWS paging comes back whole) without losing the rest. <see cref="Scope"/> carries what the tool
/// resolved on the first page and must keep for the next ones (e.g. a default time window ending "now"). Opaque to callers.
/// </summary>
public sealed record ToolPageToken(string? AwsToken, int Skip, string? Scope = null)
{
    private const string Version = "1";

    public static ToolPageToken First { get; } = new(null, 0);

    public static ToolPageToken Parse(string? nextToken, string argumentName = "next_token")
    {
        if (string.IsNullOrEmpty(nextToken))
        {
            return First;
        }

        var parts = TryDecode(nextToken)?.Split('|', 4);
        return parts is [Version, var skipText, var scope, var awsToken] && int.TryParse(skipText, NumberStyles.None, CultureInfo.InvariantCulture, out var skip)
            ? new ToolPageToken(awsToken.Length == 0 ? null : awsToken, skip, scope.Length == 0 ? null : scope)
            : throw new ToolArgumentException(argumentName, "is not a token this tool returned; call the tool again without it to start from the first page.");
    }

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{Skip}|{Scope}|{AwsToken}")));

    private static string? TryDecode(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
