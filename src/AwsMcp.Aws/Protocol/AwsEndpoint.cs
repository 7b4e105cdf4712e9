namespace AwsMcp.Aws.Protocol;

/// <summary>Where a request goes and the region it is signed for.</summary>
/// <param name="Url">Base URL (scheme, host, port, optional base path).</param>
/// <param name="SigningRegion">The SigV4 credential-scope region.</param>
/// <param name="IsOverride">True when the URL came from configuration rather than the partition's default.</param>
public sealed record AwsEndpoint(Uri Url, string SigningRegion, bool IsOverride);
