namespace AwsMcp.Aws.Protocol.Signing;

/// <summary>Signer switches; the defaults are what every service but S3 expects.</summary>
public sealed record SigV4SigningOptions
{
    public static SigV4SigningOptions Default { get; } = new();

    /// <summary>Remove '.' and '..' segments and empty segments from the canonical path (every service but S3).</summary>
    public bool NormalizePath { get; init; } = true;

    /// <summary>Add and sign <c>x-amz-content-sha256</c> with the payload hash.</summary>
    public bool AddContentSha256Header { get; init; }

    /// <summary>Use this instead of the payload's SHA-256 (e.g. <c>UNSIGNED-PAYLOAD</c>).</summary>
    public string? PayloadHashOverride { get; init; }
}
