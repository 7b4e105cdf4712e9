namespace AwsMcp.Sandbox.Services.S3;

/// <summary>A stored object (the latest version only).</summary>
/// <param name="ETag">The quoted MD5 of the content, as S3 returns it for single-part uploads.</param>
/// <param name="Metadata">User metadata (<c>x-amz-meta-*</c>), names without the prefix, in lower case.</param>
/// <param name="Checksums">Additional checksums the uploader sent (e.g. <c>x-amz-checksum-crc32</c>), echoed on PutObject.</param>
internal sealed record S3Object(
    string Key,
    byte[] Data,
    string ContentType,
    string ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyDictionary<string, string> Checksums,
    string? VersionId)
{
    private static readonly Dictionary<string, string> None = new(StringComparer.Ordinal);

    /// <summary>An object with its ETag computed from the content.</summary>
    public static S3Object Create(
        string key,
        byte[] data,
        string contentType,
        DateTimeOffset lastModified,
        IReadOnlyDictionary<string, string>? metadata = null,
        IReadOnlyDictionary<string, string>? checksums = null,
        string? versionId = null) =>
        new(key, data, contentType, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(data))}\"", lastModified, metadata ?? None, checksums ?? None, versionId);
}
