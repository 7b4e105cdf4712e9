namespace AwsMcp.Aws.Protocol.Signing;

/// <summary>The result of signing: the headers to add to the request, plus the intermediate strings for tests.</summary>
/// <param name="CanonicalRequest">Task 1 of SigV4.</param>
/// <param name="StringToSign">Task 2.</param>
/// <param name="Signature">Hex signature.</param>
/// <param name="Authorization">The full <c>Authorization</c> header value.</param>
/// <param name="HeadersToAdd">Headers the signer added and signed (x-amz-date, x-amz-security-token, x-amz-content-sha256).</param>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string Authorization,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd);
