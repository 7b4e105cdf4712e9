using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AwsMcp.Sandbox.Core.Authentication;

/// <summary>
/// Checks a request's SigV4 Authorization header against the sandbox's credentials by recomputing the signature
/// from the request exactly as it arrived (raw target, received headers, declared or computed payload hash).
/// </summary>
internal sealed class RequestAuthenticator(SandboxIdentities identities, bool verifySignatures)
{
    private const string ContentSha256Header = "x-amz-content-sha256";
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    public AuthenticationResult Authenticate(HttpRequest request, byte[] body, DateTimeOffset now)
    {
        var authorization = request.Headers.Authorization.ToString();
        var presignedClaimed = authorization.Length == 0 && SigV4PresignedQuery.IsPresent(request.Query);
        if (authorization.Length == 0 && !presignedClaimed)
        {
            return new(SignatureCheck.Missing, null, null, null, null, null);
        }

        var presigned = presignedClaimed ? SigV4PresignedQuery.TryRead(request.Query) : null;
        var header = presigned?.Authorization ?? (presignedClaimed ? null : SigV4AuthorizationHeader.TryParse(authorization));
        if (header is null)
        {
            var (service, region) = SigV4AuthorizationHeader.TryReadScope(presignedClaimed ? "Credential=" + request.Query["X-Amz-Credential"] : authorization);
            return new(SignatureCheck.Malformed, service, region, null, null, null);
        }

        AuthenticationResult Fail(SignatureCheck check, SandboxPrincipal? principal = null) =>
            new(check, header.Service, header.Region, header.AccessKeyId, principal, null);

        var amzDate = presigned?.AmzDate ?? request.Headers["x-amz-date"].ToString();
        if (!IsWellFormed(header, amzDate, request, dateMustBeSigned: presigned is null))
        {
            return Fail(SignatureCheck.Malformed);
        }

        var principal = identities.Lookup(header.AccessKeyId);
        if (principal is null)
        {
            return Fail(SignatureCheck.UnknownKey);
        }

        if (principal.Expires <= now)
        {
            return Fail(SignatureCheck.Expired, principal);
        }

        if (presigned?.ExpiresAt < now)
        {
            return Fail(SignatureCheck.RequestExpired, principal);
        }

        var sessionToken = presigned?.SessionToken ?? request.Headers["x-amz-security-token"].ToString();
        if ((principal.SessionToken ?? "") != sessionToken)
        {
            return Fail(SignatureCheck.BadSessionToken, principal);
        }

        var declaredPayloadHash = request.Headers[ContentSha256Header].ToString();
        var bodyHash = SigV4Signer.Sha256Hex(body);
        if (IsHexHash(declaredPayloadHash) && !string.Equals(declaredPayloadHash, bodyHash, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(SignatureCheck.BadPayload, principal);
        }

        if (!verifySignatures)
        {
            return new(SignatureCheck.NotChecked, header.Service, header.Region, header.AccessKeyId, principal, null);
        }

        // Presigned S3 URLs sign no payload; everything else signs the declared hash or, failing that, the body's.
        var payloadHash = declaredPayloadHash.Length > 0 ? declaredPayloadHash
            : presigned is not null && header.Service == "s3" ? UnsignedPayload
            : bodyHash;
        var signingKey = SigV4Signer.SigningKey(principal.SecretAccessKey, header.Date, header.Region, header.Service);
        var canonicalRequest = BuildCanonicalRequest(request, header, payloadHash, excludeSignatureParameter: presigned is not null);
        var expected = SigV4Signer.Signature(signingKey, SigV4Signer.StringToSign(amzDate, header.Scope, canonicalRequest));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Signature)))
        {
            return Fail(SignatureCheck.Mismatch, principal);
        }

        return new(
            SignatureCheck.Verified,
            header.Service,
            header.Region,
            header.AccessKeyId,
            principal,
            new SigningContext(signingKey, amzDate, header.Scope, header.Signature));
    }

    /// <summary>
    /// The SigV4 rules a request must keep before it is worth recomputing: a scope dated like the request, host (and,
    /// in a header, the date) signed, names sorted, every signed header present.
    /// </summary>
    private static bool IsWellFormed(SigV4AuthorizationHeader header, string amzDate, HttpRequest request, bool dateMustBeSigned)
    {
        if (amzDate.Length != 16 || !amzDate.StartsWith(header.Date, StringComparison.Ordinal))
        {
            return false;
        }

        var signed = header.SignedHeaders;
        if (!signed.Contains("host") || (dateMustBeSigned && !signed.Contains("x-amz-date")))
        {
            return false;
        }

        for (var i = 1; i < signed.Count; i++)
        {
            if (string.CompareOrdinal(signed[i - 1], signed[i]) >= 0)
            {
                return false;
            }
        }

        return signed.All(name => request.Headers.ContainsKey(name));
    }

    private static string BuildCanonicalRequest(HttpRequest request, SigV4AuthorizationHeader header, string payloadHash, bool excludeSignatureParameter)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget))
        {
            rawTarget = request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        }

        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? "" : rawTarget[(queryStart + 1)..];

        var canonicalHeaders = header.SignedHeaders
            .Select(name => new KeyValuePair<string, string>(name, SigV4Signer.CanonicalHeaderValue(request.Headers[name])))
            .ToList();

        return SigV4Signer.CanonicalRequest(
            request.Method,
            SigV4Signer.CanonicalUri(rawPath, isS3: header.Service == "s3"),
            SigV4Signer.CanonicalQuery(rawQuery, excludeSignatureParameter ? SigV4PresignedQuery.SignatureParameter : null),
            canonicalHeaders,
            payloadHash);
    }

    private static bool IsHexHash(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);
}
