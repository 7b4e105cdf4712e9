namespace AwsMcp.Storage.Objects;

/// <summary>The rest of an object's listing record.</summary>
/// <param name="ETag">The entity tag.</param>
/// <param name="StorageClass">e.g. STANDARD, GLACIER.</param>
/// <param name="ChecksumAlgorithms">Checksum algorithms stored with the object.</param>
public sealed record S3ObjectListingDetails(string? ETag, string? StorageClass, IReadOnlyList<string> ChecksumAlgorithms);
