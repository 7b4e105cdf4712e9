namespace AwsMcp.Storage.Objects;

/// <summary>An object in a listing: key, size and last change, plus <see cref="Details"/> when full records were asked for.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="LastModified">Last change (UTC).</param>
/// <param name="Details">ETag, storage class and checksum algorithm (detail=true).</param>
public sealed record S3ObjectSummary(string Key, long? Size, DateTimeOffset? LastModified, S3ObjectListingDetails? Details);
