namespace AwsMcp.Sandbox.Services.S3;

/// <summary>
/// A bucket, its configuration and its objects (sorted by key, as S3 lists them). Names are global across accounts;
/// <see cref="Gate"/> serialises every read and change of one bucket.
/// </summary>
internal sealed class S3Bucket(string name, string ownerAccount, string region, DateTimeOffset creationDate)
{
    public Lock Gate { get; } = new();

    public string Name { get; } = name;

    public string OwnerAccount { get; } = ownerAccount;

    public string Region { get; } = region;

    public DateTimeOffset CreationDate { get; } = creationDate;

    public SortedDictionary<string, S3Object> Objects { get; } = new(StringComparer.Ordinal);

    public S3PublicAccessBlock? PublicAccessBlock { get; set; }

    /// <summary>The bucket policy document (JSON), or null when there is none.</summary>
    public string? Policy { get; set; }

    /// <summary><c>Enabled</c> or <c>Suspended</c>; null while versioning has never been configured.</summary>
    public string? VersioningStatus { get; set; }

    /// <summary>Default encryption; null only for seeded legacy buckets (S3 has encrypted every new bucket since 2023).</summary>
    public S3BucketEncryption? Encryption { get; set; } = S3BucketEncryption.SseS3;

    /// <summary>The bucket's tags, or null when it has no tag set.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Tags { get; set; }
}
