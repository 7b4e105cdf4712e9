using System.ComponentModel.DataAnnotations;
using Amazon.S3.Model;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Redaction;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Tools;
using AwsMcp.Storage.Buckets;

namespace AwsMcp.Storage.Objects;

/// <summary>S3 object tools: list, head and read small text objects. Requests go to the bucket's own region.</summary>
[Toolset("s3")]
[AwsTarget]
public sealed class ObjectTools(ToolPackContext pack)
{
    /// <summary>
    /// The largest object the resource template returns: under the host's default output limit (60 KB) even as
    /// base64, which makes binary content a third larger.
    /// </summary>
    public const int MaxResourceBytes = 40 * 1024;

    private readonly AwsClientFactory _aws = AwsClientFactory.For(pack);
    private readonly BucketRegions _regions = BucketRegions.For(pack);

    /// <summary>The region locator of these tools: the bucket's own region.</summary>
    public Task<string> LocateBucketAsync(ToolContext ctx, string bucketName) => _regions.RegionOfAsync(ctx, bucketName);

    /// <summary>
    /// Lists objects under a prefix. Use for keys and sizes.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="bucketName"></param>
    /// <param name="prefix"></param>
    /// <param name="delimiter">Usually /; groups keys as common_prefixes.</param>
    /// <param name="detail">Add ETag and class.</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [AwsTarget(RegionLocator = nameof(LocateBucketAsync))]
    [Tool("list_s3_objects", Title = "List S3 objects", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<S3ObjectPage> ListObjectsAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(BucketNames.ExistingBucketPattern)] string bucketName,
        [Narrows] string? prefix = null,
        [StringLength(1, MinimumLength = 1)] string? delimiter = null,
        bool detail = false,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        ctx.Audit.Resource(BucketNames.Arn(bucketName));
        // One request: S3 fills a page up to MaxKeys (objects and prefixes together) unless the listing ends.
        var request = new ListObjectsV2Request
        {
            BucketName = bucketName,
            Prefix = prefix,
            Delimiter = delimiter,
            MaxKeys = limit,
            ContinuationToken = string.IsNullOrEmpty(nextToken) ? null : nextToken,
        };
        var response = await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "s3", "ListObjectsV2"), ct => _aws.S3(ctx).ListObjectsV2Async(request, ct));
        var items = response.S3Objects.OrEmpty()
            .Select(item => new S3ObjectSummary(
                item.Key,
                item.Size,
                UtcTimes.FromSdk(item.LastModified),
                detail ? new S3ObjectListingDetails(item.ETag, item.StorageClass?.Value, [.. item.ChecksumAlgorithm.OrEmpty()]) : null))
            .ToList();
        var next = response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken) ? response.NextContinuationToken : null;
        return new S3ObjectPage(items, response.CommonPrefixes.OrEmpty(), next);
    }

    /// <summary>
    /// Gets an object's metadata. Use before reading or to check it exists.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="bucketName"></param>
    /// <param name="key"></param>
    /// <param name="versionId"></param>
    [AwsTarget(RegionLocator = nameof(LocateBucketAsync))]
    [Tool("get_s3_object_info", Title = "Get S3 object info", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<S3ObjectInfo> GetObjectInfoAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(BucketNames.ExistingBucketPattern)] string bucketName,
        [StringLength(1024, MinimumLength = 1)] string key,
        string? versionId = null)
    {
        var head = await HeadAsync(ctx, bucketName, key, versionId);
        var note = TextObjects.WhyNotText(key, head.Headers.ContentType, head.ContentLength);
        return new S3ObjectInfo(
            bucketName,
            key,
            head.ContentLength,
            head.Headers.ContentType,
            UtcTimes.FromSdk(head.LastModified),
            head.ETag,
            head.StorageClass?.Value is { Length: > 0 } storageClass ? storageClass : "STANDARD",
            head.VersionId,
            head.ServerSideEncryptionMethod?.Value is { Length: > 0 } sse ? sse : null,
            head.ServerSideEncryptionKeyManagementServiceKeyId,
            head.Headers.ContentEncoding,
            head.Headers.CacheControl,
            head.Metadata.Keys.ToDictionary(
                name => name,
                name => SecretRedactor.IsSecretName(name) ? SecretRedactor.Mask : SecretRedactor.RedactText(head.Metadata[name] ?? string.Empty),
                StringComparer.Ordinal),
            note is null,
            note is null ? null : $"Not readable as text: {note}.");
    }

    /// <summary>
    /// Reads a text object (≤ 256 KB) a window at a time. Use for config files or reports.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="bucketName"></param>
    /// <param name="key"></param>
    /// <param name="offset">Byte offset (next_offset).</param>
    /// <param name="maxBytes">Bytes to read.</param>
    /// <param name="versionId"></param>
    [AwsTarget(RegionLocator = nameof(LocateBucketAsync))]
    [Tool("read_s3_object_text", Title = "Read a text object from S3", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<S3ObjectText> ReadObjectTextAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(BucketNames.ExistingBucketPattern)] string bucketName,
        [StringLength(1024, MinimumLength = 1)] string key,
        [Narrows, Range(0, TextObjects.MaxObjectBytes)] long offset = 0,
        [Narrows, Range(1, TextObjects.MaxWindowBytes)] int maxBytes = TextObjects.DefaultWindowBytes,
        string? versionId = null)
    {
        var head = await HeadAsync(ctx, bucketName, key, versionId);
        var size = head.ContentLength;
        if (TextObjects.WhyNotText(key, head.Headers.ContentType, size) is { } reason)
        {
            throw new ToolException($"Object s3://{bucketName}/{key} cannot be read as text: {reason}. get_s3_object_info shows its metadata.");
        }

        if (offset > size || (offset == size && size > 0))
        {
            throw new ToolArgumentException("offset", $"{offset} is at or past the end of the object ({size} bytes).");
        }

        var window = await ReadBytesAsync(ctx, bucketName, key, versionId, offset, Math.Min(size, offset + maxBytes) - offset);
        var end = offset + window.Length >= size;
        var (text, used) = TextObjects.Decode(window, end, key);
        var next = offset + used;
        return new S3ObjectText(bucketName, key, head.Headers.ContentType, size, offset, used, SecretRedactor.RedactText(text), next < size, next < size ? next : null);
    }

    /// <summary>
    /// An S3 object's content, text or binary (at most 40 KB): use to attach a small object, such as a config file,
    /// a report or an image, to a conversation.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    [ResourceTemplate("aws://s3/{bucket}/{+key}", Name = "s3_object", Title = "S3 object")]
    public async Task<ResourceContent> ReadObjectAsync(
        ToolContext ctx,
        [Complete("buckets"), RegularExpression(BucketNames.ExistingBucketPattern)] string bucket,
        [StringLength(1024, MinimumLength = 1)] string key)
    {
        // A template has no region locator: the call starts in the default region and moves to the bucket's own,
        // which the host's policy authorises and the audit record names, as for the tools' located region.
        var here = ctx.Retarget(await _regions.RegionOfAsync(ctx, bucket));
        var head = await HeadAsync(here, bucket, key, versionId: null);
        var size = head.ContentLength;
        if (size > MaxResourceBytes)
        {
            throw new ToolException(
                $"Object s3://{bucket}/{key} is {size:N0} bytes, more than the {MaxResourceBytes:N0} bytes a resource returns. get_s3_object_info shows its metadata; read_s3_object_text reads a text object a window at a time.");
        }

        var content = await ReadBytesAsync(here, bucket, key, versionId: null, 0, size);
        var contentType = head.Headers.ContentType;
        return TextObjects.WhyNotText(key, contentType, size) is null && TextObjects.TryDecode(content, out var text)
            ? ResourceContent.FromText(SecretRedactor.RedactText(text), TextObjects.TextMimeType(contentType))
            : ResourceContent.FromBytes(content, string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType);
    }

    /// <summary>Bytes [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="count"/>) of the object; none for a count of 0.</summary>
    private async Task<byte[]> ReadBytesAsync(ToolContext ctx, string bucketName, string key, string? versionId, long offset, long count)
    {
        if (count <= 0)
        {
            return [];
        }

        // A range, not the whole object: an object that grew since HEAD cannot blow the caller's bound.
        var request = new GetObjectRequest { BucketName = bucketName, Key = key, VersionId = versionId, ByteRange = new ByteRange(offset, offset + count - 1) };
        using var response = await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "s3", "GetObject"), ct => _aws.S3(ctx).GetObjectAsync(request, ct));
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, ctx.CancellationToken);
        return buffer.ToArray();
    }

    private async Task<GetObjectMetadataResponse> HeadAsync(ToolContext ctx, string bucketName, string key, string? versionId)
    {
        ctx.Audit.Resource($"{BucketNames.Arn(bucketName)}/{key}");
        var request = new GetObjectMetadataRequest { BucketName = bucketName, Key = key, VersionId = versionId };
        try
        {
            return await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "s3", "HeadObject"), ct => _aws.S3(ctx).GetObjectMetadataAsync(request, ct));
        }
        catch (ToolException error) when (error.AwsErrorCode() is "NotFound" or "NoSuchKey" or "404")
        {
            // HEAD answers carry no body, so AWS's "no such key" arrives as a bare 404.
            throw new ToolException($"Object s3://{bucketName}/{key} does not exist{(versionId is null ? string.Empty : $" in version {versionId}")}.", error);
        }
    }
}
