using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.Authentication;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.RestXml;

namespace AwsMcp.Sandbox.Services.S3;

/// <summary>ListObjectsV2, HeadObject, GetObject (with a single byte range), PutObject and DeleteObject.</summary>
internal sealed class S3ObjectOperations
{
    private const string ListObjectsListing = "s3:ListObjectsV2";
    private const int DefaultMaxKeys = 1000;

    public SandboxResponse ListObjectsV2(S3Call call)
    {
        var bucket = call.ExistingBucket;
        var prefix = call.Query("prefix") ?? "";
        var delimiter = call.Query("delimiter") ?? "";
        var startAfter = call.Query("start-after");
        var token = call.Query("continuation-token");
        var urlEncoded = call.Query("encoding-type") == "url";
        var maxKeys = call.Query("max-keys") is { } text
            ? int.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0
                ? Math.Min(parsed, DefaultMaxKeys)
                : throw S3Errors.InvalidArgument("Provided max-keys not an integer or within integer range")
            : DefaultMaxKeys;

        // The token is the last entry returned: a key, or a common prefix whose keys were all rolled up into it.
        var resumeAfter = token is null
            ? startAfter ?? ""
            : PageToken.Decode(ListObjectsListing, token) ?? throw S3Errors.InvalidArgument("The continuation token provided is incorrect");

        // With a delimiter, a returned key never holds it past the prefix, so a token ending in it names a common prefix.
        var skipRolledUp = token is not null && delimiter.Length > 0 && resumeAfter.EndsWith(delimiter, StringComparison.Ordinal);
        var entries = new List<(string Value, S3Object? Object)>();
        var truncated = false;
        lock (bucket.Gate)
        {
            foreach (var (key, stored) in bucket.Objects)
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal) || string.CompareOrdinal(key, resumeAfter) <= 0
                    || (skipRolledUp && key.StartsWith(resumeAfter, StringComparison.Ordinal)))
                {
                    continue;
                }

                var cut = delimiter.Length == 0 ? -1 : key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                var entry = cut < 0 ? (key, stored) : (key[..(cut + delimiter.Length)], (S3Object?)null);
                if (entries.Count > 0 && entry.Item2 is null && entries[^1].Value == entry.Item1)
                {
                    continue;
                }

                if (entries.Count == maxKeys)
                {
                    truncated = true;
                    break;
                }

                entries.Add(entry);
            }
        }

        string Encode(string value) => urlEncoded ? SigV4Signer.UriEncode(value, encodeSlash: false) : value;
        return S3RestXmlProtocol.Xml(new XElement(
            "ListBucketResult",
            new XElement("Name", bucket.Name),
            new XElement("Prefix", Encode(prefix)),
            delimiter.Length == 0 ? null : new XElement("Delimiter", Encode(delimiter)),
            new XElement("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture)),
            urlEncoded ? new XElement("EncodingType", "url") : null,
            new XElement("KeyCount", entries.Count.ToString(CultureInfo.InvariantCulture)),
            new XElement("IsTruncated", XmlBody.Boolean(truncated)),
            token is null ? null : new XElement("ContinuationToken", token),
            truncated ? new XElement("NextContinuationToken", PageToken.Encode(ListObjectsListing, entries[^1].Value)) : null,
            startAfter is null ? null : new XElement("StartAfter", Encode(startAfter)),
            entries.Where(e => e.Object is not null).Select(e => new XElement(
                "Contents",
                new XElement("Key", Encode(e.Value)),
                new XElement("LastModified", XmlBody.Timestamp(e.Object!.LastModified)),
                new XElement("ETag", e.Object.ETag),
                new XElement("Size", e.Object.Data.Length.ToString(CultureInfo.InvariantCulture)),
                new XElement("StorageClass", "STANDARD"))),
            entries.Where(e => e.Object is null).Select(e => new XElement("CommonPrefixes", new XElement("Prefix", Encode(e.Value))))));
    }

    public SandboxResponse HeadObject(S3Call call)
    {
        var stored = Find(call);
        return new SandboxResponse(200, stored.ContentType, []) { Headers = Headers(stored, stored.Data.Length) };
    }

    /// <summary>Answers the object, or one byte range of it (<c>Range: bytes=a-b</c>, <c>a-</c> or <c>-n</c>) with 206.</summary>
    public SandboxResponse GetObject(S3Call call)
    {
        var stored = Find(call);
        var range = call.Header("Range");
        if (range is null)
        {
            return new SandboxResponse(200, stored.ContentType, stored.Data) { Headers = Headers(stored, stored.Data.Length) };
        }

        var (first, last) = ParseRange(range, stored.Data.Length);
        var headers = Headers(stored, last - first + 1);
        headers["Content-Range"] = $"bytes {first}-{last}/{stored.Data.Length}";
        return new SandboxResponse(206, stored.ContentType, stored.Data[first..(last + 1)]) { Headers = headers };
    }

    public SandboxResponse PutObject(S3Call call)
    {
        var bucket = call.ExistingBucket;
        var body = call.Request.Body;
        if (call.Header("Content-MD5") is { } md5 && md5 != Convert.ToBase64String(MD5.HashData(body)))
        {
            throw new SandboxServiceException(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }

        var headers = call.Request.Http.Headers;
        var metadata = headers
            .Where(h => h.Key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key["x-amz-meta-".Length..].ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var checksums = headers
            .Where(h => h.Key.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("x-amz-checksum-algorithm", StringComparison.OrdinalIgnoreCase))
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.ToString()))
            .Concat(call.Request.Trailers.Where(t => t.Key.StartsWith("x-amz-checksum-", StringComparison.Ordinal)))
            .ToDictionary(StringComparer.Ordinal);

        var contentType = call.Request.Http.ContentType ?? "binary/octet-stream";
        S3Object stored;
        lock (bucket.Gate)
        {
            var versionId = bucket.VersioningStatus == "Enabled" ? RandomNumberGenerator.GetHexString(32, lowercase: true) : null;
            stored = S3Object.Create(call.Key, body, contentType, call.Now, metadata, checksums, versionId);
            bucket.Objects[call.Key] = stored;
        }

        var responseHeaders = new Dictionary<string, string>(checksums, StringComparer.Ordinal) { ["ETag"] = stored.ETag };
        if (stored.VersionId is not null)
        {
            responseHeaders["x-amz-version-id"] = stored.VersionId;
        }

        return S3RestXmlProtocol.Empty() with { Headers = responseHeaders };
    }

    /// <summary>Deleting a missing key succeeds, as on S3.</summary>
    public SandboxResponse DeleteObject(S3Call call)
    {
        var bucket = call.ExistingBucket;
        lock (bucket.Gate)
        {
            bucket.Objects.Remove(call.Key);
        }

        return S3RestXmlProtocol.Empty(204);
    }

    private static S3Object Find(S3Call call)
    {
        var bucket = call.ExistingBucket;
        lock (bucket.Gate)
        {
            return bucket.Objects.GetValueOrDefault(call.Key) ?? throw S3Errors.NoSuchKey();
        }
    }

    private static Dictionary<string, string> Headers(S3Object stored, long contentLength)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Length"] = contentLength.ToString(CultureInfo.InvariantCulture),
            ["ETag"] = stored.ETag,
            ["Last-Modified"] = stored.LastModified.ToString("R", CultureInfo.InvariantCulture),
            ["Accept-Ranges"] = "bytes",
            ["x-amz-server-side-encryption"] = "AES256",
        };
        foreach (var (name, value) in stored.Metadata)
        {
            headers["x-amz-meta-" + name] = value;
        }

        if (stored.VersionId is not null)
        {
            headers["x-amz-version-id"] = stored.VersionId;
        }

        return headers;
    }

    private static (int First, int Last) ParseRange(string range, int length)
    {
        static SandboxServiceException Unsatisfiable() => new(416, "InvalidRange", "The requested range is not satisfiable");

        var spec = range.StartsWith("bytes=", StringComparison.Ordinal) ? range["bytes=".Length..] : throw Unsatisfiable();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || spec.Contains(',', StringComparison.Ordinal))
        {
            throw Unsatisfiable();
        }

        var startText = spec[..dash];
        var endText = spec[(dash + 1)..];
        if (startText.Length == 0)
        {
            return int.TryParse(endText, CultureInfo.InvariantCulture, out var suffix) && suffix > 0 && length > 0
                ? (Math.Max(0, length - suffix), length - 1)
                : throw Unsatisfiable();
        }

        if (!int.TryParse(startText, CultureInfo.InvariantCulture, out var first) || first >= length)
        {
            throw Unsatisfiable();
        }

        var last = endText.Length == 0 ? length - 1 : int.TryParse(endText, CultureInfo.InvariantCulture, out var end) && end >= first ? Math.Min(end, length - 1) : throw Unsatisfiable();
        return (first, last);
    }
}
