using System.Text.RegularExpressions;

namespace AwsMcp.Sandbox.Core.Authentication;

/// <summary>
/// A parsed <c>Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ec2/aws4_request,
/// SignedHeaders=host;x-amz-date, Signature=…</c> header.
/// </summary>
internal sealed partial record SigV4AuthorizationHeader(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    /// <summary>The credential scope, <c>{date}/{region}/{service}/aws4_request</c>.</summary>
    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    /// <summary>Parses the header; null when it is not a well-formed SigV4 header.</summary>
    public static SigV4AuthorizationHeader? TryParse(string header)
    {
        var match = Format().Match(header);
        if (!match.Success)
        {
            return null;
        }

        return new SigV4AuthorizationHeader(
            match.Groups["key"].Value,
            match.Groups["date"].Value,
            match.Groups["region"].Value,
            match.Groups["service"].Value,
            match.Groups["headers"].Value.Split(';'),
            match.Groups["signature"].Value);
    }

    /// <summary>The scope's service and region even when the rest is malformed, so the error can be rendered in the right protocol.</summary>
    public static (string? Service, string? Region) TryReadScope(string header)
    {
        var match = LooseScope().Match(header);
        return match.Success ? (match.Groups["service"].Value, match.Groups["region"].Value) : (null, null);
    }

    [GeneratedRegex(
        @"^AWS4-HMAC-SHA256 Credential=(?<key>[A-Za-z0-9]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request,\s*SignedHeaders=(?<headers>[a-z0-9;_-]+),\s*Signature=(?<signature>[0-9a-f]{64})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Format();

    [GeneratedRegex(@"Credential=[^/,\s]+/\d{8}/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/", RegexOptions.CultureInvariant)]
    private static partial Regex LooseScope();
}
