namespace AwsMcp.Sandbox.Core.Authentication;

/// <summary>An aws-chunked body's payload and its trailing headers (e.g. <c>x-amz-checksum-crc32</c>), names in lower case.</summary>
internal sealed record DecodedBody(byte[] Payload, IReadOnlyDictionary<string, string> Trailers);
