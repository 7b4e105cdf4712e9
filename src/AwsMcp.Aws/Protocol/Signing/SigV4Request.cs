namespace AwsMcp.Aws.Protocol.Signing;

/// <summary>The parts of an HTTP request that SigV4 signs.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The path as sent on the wire (percent-encoded where the wire needs it).</param>
/// <param name="Query">The query string as sent, without '?' (may be empty).</param>
/// <param name="Headers">Headers to sign, including <c>host</c>; a name may repeat.</param>
/// <param name="Body">The payload.</param>
public sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);
