using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AwsMcp.Sandbox.Core.Authentication;

/// <summary>
/// SigV4 carried in the query string (presigned URLs): <c>X-Amz-Algorithm</c>, <c>X-Amz-Credential</c>, <c>X-Amz-Date</c>,
/// <c>X-Amz-Expires</c>, <c>X-Amz-SignedHeaders</c>, <c>X-Amz-Signature</c> and, for temporary credentials, <c>X-Amz-Security-Token</c>.
/// </summary>
internal sealed record SigV4PresignedQuery(SigV4AuthorizationHeader Authorization, string AmzDate, DateTimeOffset ExpiresAt, string SessionToken)
{
    public const string SignatureParameter = "X-Amz-Signature";

    /// <summary>True when the query claims to be presigned (whether or not it is well-formed).</summary>
    public static bool IsPresent(IQueryCollection query) => query.ContainsKey("X-Amz-Algorithm") || query.ContainsKey(SignatureParameter);

    /// <summary>Reads the presigned parameters; null when any is missing or malformed.</summary>
    public static SigV4PresignedQuery? TryRead(IQueryCollection query)
    {
        var expires = query["X-Amz-Expires"].ToString();
        var amzDate = query["X-Amz-Date"].ToString();
        var header = SigV4AuthorizationHeader.TryParse(
            $"{query["X-Amz-Algorithm"]} Credential={query["X-Amz-Credential"]}, SignedHeaders={query["X-Amz-SignedHeaders"]}, Signature={query[SignatureParameter]}");
        if (header is null
            || !int.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 604800
            || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return null;
        }

        return new SigV4PresignedQuery(header, amzDate, signedAt.AddSeconds(seconds), query["X-Amz-Security-Token"].ToString());
    }
}
