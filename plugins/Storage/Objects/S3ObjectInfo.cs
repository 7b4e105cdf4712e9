namespace AwsMcp.Storage.Objects;

/// <summary>An object's metadata (from a HEAD request; the content is not read).</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The key.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ContentType">The stored content type.</param>
/// <param name="LastModified">Last change (UTC).</param>
/// <param name="ETag">The entity tag.</param>
/// <param name="StorageClass">Storage class (STANDARD when AWS omits it).</param>
/// <param name="VersionId">The version, for versioned buckets.</param>
/// <param name="ServerSideEncryption">AES256, aws:kms or aws:kms:dsse.</param>
/// <param name="KmsKeyId">The KMS key, for KMS encryption.</param>
/// <param name="ContentEncoding">e.g. gzip.</param>
/// <param name="CacheControl">The Cache-Control header stored with it.</param>
/// <param name="Metadata">User metadata (x-amz-meta-*), with credential-shaped values redacted.</param>
/// <param name="ReadableAsText">Whether read_s3_object_text can read it.</param>
/// <param name="TextNote">Why it cannot be read as text, when it cannot.</param>
public sealed record S3ObjectInfo(
    string Bucket,
    string Key,
    long? Size,
    string? ContentType,
    DateTimeOffset? LastModified,
    string? ETag,
    string StorageClass,
    string? VersionId,
    string? ServerSideEncryption,
    string? KmsKeyId,
    string? ContentEncoding,
    string? CacheControl,
    IReadOnlyDictionary<string, string> Metadata,
    bool ReadableAsText,
    string? TextNote);
