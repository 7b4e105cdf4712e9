namespace AwsMcp.Sandbox.Core.Authentication;

/// <summary>How the SigV4 check of one request ended; recorded in the request log.</summary>
public enum SignatureCheck
{
    /// <summary>The signature was recomputed from the received request and matched.</summary>
    Verified,

    /// <summary>Signature checking is off (<see cref="SandboxOptions.VerifySignatures"/>); the header format and the key were still checked.</summary>
    NotChecked,

    /// <summary>No Authorization header and no presigned query.</summary>
    Missing,

    /// <summary>No signature, on an operation AWS serves unsigned (<see cref="IUnsignedOperations"/>); the operation checks its own token.</summary>
    NotRequired,

    /// <summary>The Authorization header is not well-formed SigV4, or breaks a SigV4 rule (scope date, signed headers).</summary>
    Malformed,

    /// <summary>The access key id is not known to the sandbox.</summary>
    UnknownKey,

    /// <summary>Temporary credentials that have expired.</summary>
    Expired,

    /// <summary>A presigned URL used after its <c>X-Amz-Expires</c>.</summary>
    RequestExpired,

    /// <summary>Temporary credentials without their session token (or with another one).</summary>
    BadSessionToken,

    /// <summary>The recomputed signature differs (wrong secret, or the request was altered).</summary>
    Mismatch,

    /// <summary>The payload does not match its declared SHA-256, or an aws-chunked body is corrupt.</summary>
    BadPayload,
}
