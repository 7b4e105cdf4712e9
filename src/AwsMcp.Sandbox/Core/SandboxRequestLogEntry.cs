using AwsMcp.Sandbox.Core.Authentication;

namespace AwsMcp.Sandbox.Core;

/// <summary>One request the sandbox answered. Carries the access key id but never a secret or session token.</summary>
/// <param name="Service">The SigV4 scope's service, or the service of an unsigned operation; null when neither could be told.</param>
/// <param name="Operation">The operation as AWS names it; null when unknown.</param>
/// <param name="ErrorCode">The AWS error code answered, null on success.</param>
/// <param name="ContentSha256">The <c>x-amz-content-sha256</c> header: a payload hash, <c>UNSIGNED-PAYLOAD</c> or a <c>STREAMING-…</c> aws-chunked mode.</param>
/// <param name="InjectedFault">True when the answer came from the <see cref="FaultInjector"/>.</param>
public sealed record SandboxRequestLogEntry(
    DateTimeOffset Timestamp,
    string RequestId,
    string Method,
    string Path,
    string? Service,
    string? Region,
    string? Operation,
    string? AccessKeyId,
    SignatureCheck SignatureCheck,
    string? ContentSha256,
    int StatusCode,
    string? ErrorCode,
    bool InjectedFault,
    TimeSpan Duration);
