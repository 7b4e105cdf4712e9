namespace AwsMcp.Sandbox.Core.Authentication;

/// <summary>
/// The error each service answers a failed authentication with. The codes differ by service on the real wire
/// (S3 and EC2 have their own), and SDK callers map errors by code, so the sandbox keeps them apart.
/// </summary>
internal static class AuthenticationErrors
{
    public static SandboxServiceException For(string? service, SignatureCheck check) => (service, check) switch
    {
        ("s3", SignatureCheck.Missing) => new(403, "AccessDenied", "Access Denied"),
        (_, SignatureCheck.Missing) => new(403, "MissingAuthenticationToken", "Request is missing Authentication Token"),
        ("s3", SignatureCheck.Malformed) => new(400, "AuthorizationHeaderMalformed", "The authorization header is malformed."),
        (_, SignatureCheck.Malformed) => new(400, "IncompleteSignature", "The request signature does not conform to AWS standards."),
        ("s3", SignatureCheck.UnknownKey) => new(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."),
        ("ec2", SignatureCheck.UnknownKey or SignatureCheck.Mismatch) =>
            new(401, "AuthFailure", "AWS was not able to validate the provided access credentials"),
        (_, SignatureCheck.UnknownKey) => new(403, "InvalidClientTokenId", "The security token included in the request is invalid."),
        ("s3", SignatureCheck.Expired) => new(400, "ExpiredToken", "The provided token has expired."),
        (_, SignatureCheck.Expired) => new(400, "ExpiredToken", "The security token included in the request is expired"),
        ("s3", SignatureCheck.RequestExpired) => new(403, "AccessDenied", "Request has expired"),
        (_, SignatureCheck.RequestExpired) => new(403, "AccessDeniedException", "Signature expired"),
        ("s3", SignatureCheck.BadSessionToken) => new(400, "InvalidToken", "The provided token is malformed or otherwise invalid."),
        (_, SignatureCheck.BadSessionToken) => new(403, "InvalidClientTokenId", "The security token included in the request is invalid."),
        ("s3", SignatureCheck.BadPayload) => new(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed."),
        (_, SignatureCheck.BadPayload) => new(400, "InvalidParameterValue", "The request payload does not match its x-amz-content-sha256 header."),
        _ => new(403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."),
    };
}
