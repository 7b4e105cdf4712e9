using System.Text;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.S3;

/// <summary>
/// The seeded buckets. Account 123456789012: in us-east-1 a locked-down web bucket (public access block), a bucket with
/// a public policy and a 30-object data lake (prefixes, a text, a JSON and a 3 MiB binary object); in eu-west-1 a
/// versioned, KMS-encrypted audit bucket; in ap-southeast-2 a legacy bucket without default encryption and a media
/// bucket. Account 210987654321 owns one bucket, so that a taken name and cross-account denial can be shown.
/// </summary>
internal static class S3SeedBuckets
{
    public const string WebAssets = "acme-prod-web-assets";
    public const string PublicDownloads = "acme-public-downloads";
    public const string DataLake = "acme-data-lake";
    public const string AuditLogs = "acme-audit-logs-eu";
    public const string LegacyBackups = "acme-legacy-backups-syd";
    public const string Media = "acme-media-syd";
    public const string PartnerShared = "partner-shared-exchange";

    /// <summary>The size of <c>exports/snapshot.bin</c> in the data lake: larger than a typical tool's read cap.</summary>
    public const int LargeObjectSize = 3 * 1024 * 1024;

    public static IEnumerable<S3Bucket> Create(DateTimeOffset seedTime)
    {
        var account = SandboxIdentities.DefaultAccount;

        var web = new S3Bucket(WebAssets, account, "us-east-1", seedTime.AddDays(-400))
        {
            PublicAccessBlock = S3PublicAccessBlock.All,
            Tags = [new("Environment", "prod"), new("Owner", "platform-team")],
        };
        Add(web, "index.html", "text/html", "<html><body>Acme</body></html>", seedTime.AddDays(-3));
        Add(web, "css/site.css", "text/css", "body { font-family: sans-serif; }", seedTime.AddDays(-3));
        yield return web;

        var downloads = new S3Bucket(PublicDownloads, account, "us-east-1", seedTime.AddDays(-250))
        {
            Policy = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{PublicDownloads}}/*"}]}""",
            Tags = [new("Environment", "prod"), new("Owner", "marketing")],
        };
        Add(downloads, "downloads/brochure.txt", "text/plain", "Acme product brochure.\n", seedTime.AddDays(-30));
        yield return downloads;

        yield return DataLakeBucket(account, seedTime);

        var audit = new S3Bucket(AuditLogs, account, "eu-west-1", seedTime.AddDays(-500))
        {
            PublicAccessBlock = S3PublicAccessBlock.All,
            VersioningStatus = "Enabled",
            Encryption = new S3BucketEncryption("aws:kms", $"arn:aws:kms:eu-west-1:{account}:key/0b7c2f7e-4d1a-4f7e-9c1e-5a2b8d0e6f11", true),
            Policy = $$$$"""{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::{{{{AuditLogs}}}}","arn:aws:s3:::{{{{AuditLogs}}}}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""",
            Tags = [new("Environment", "prod"), new("Owner", "security-team"), new("DataClassification", "confidential")],
        };
        Add(audit, "cloudtrail/2026/11/24/trail.json.gz", "application/gzip", "fake-gzip-bytes", seedTime.AddDays(-1));
        yield return audit;

        yield return new S3Bucket(LegacyBackups, account, "ap-southeast-2", seedTime.AddDays(-2000)) { Encryption = null };

        var media = new S3Bucket(Media, account, "ap-southeast-2", seedTime.AddDays(-90)) { Tags = [new("Environment", "dev")] };
        Add(media, "videos/intro.txt", "text/plain", "placeholder for a video", seedTime.AddDays(-10));
        yield return media;

        yield return new S3Bucket(PartnerShared, SandboxIdentities.SecondAccount, "us-east-1", seedTime.AddDays(-60));
    }

    private static S3Bucket DataLakeBucket(string account, DateTimeOffset seedTime)
    {
        var lake = new S3Bucket(DataLake, account, "us-east-1", seedTime.AddDays(-300))
        {
            PublicAccessBlock = S3PublicAccessBlock.All,
            Tags = [new("Environment", "prod"), new("Owner", "data-team")],
        };
        for (var month = 1; month <= 11; month++)
        {
            Add(lake, $"reports/2026-{month:00}.csv", "text/csv", $"service,cost\nEC2,{1000 + (month * 37)}\nS3,{200 + month}\n", seedTime.AddDays(-30 * (12 - month)));
        }

        for (var part = 0; part < 10; part++)
        {
            Add(lake, $"raw/events/2026/11/part-{part:00000}.json", "application/json", $$"""{"part":{{part}},"events":[]}""", seedTime.AddHours(-part));
        }

        for (var part = 0; part < 5; part++)
        {
            Add(lake, $"raw/events/2026/10/part-{part:00000}.json", "application/json", $$"""{"part":{{part}},"events":[]}""", seedTime.AddDays(-30).AddHours(-part));
        }

        Add(lake, "notes/readme.txt", "text/plain", "The data lake holds monthly cost reports and raw events.\n", seedTime.AddDays(-100));
        Add(lake, "config/settings.json", "application/json", """{"retentionDays":365,"owner":"data-team","compress":true}""", seedTime.AddDays(-50));
        Add(lake, "manifest.json", "application/json", """{"tables":["reports","events"]}""", seedTime.AddDays(-2));

        // Deterministic bytes that are not text, so size caps and binary handling can be tested.
        var snapshot = new byte[LargeObjectSize];
        new Random(20261125).NextBytes(snapshot);
        lake.Objects["exports/snapshot.bin"] = S3Object.Create("exports/snapshot.bin", snapshot, "application/octet-stream", seedTime.AddDays(-7));
        return lake;
    }

    private static void Add(S3Bucket bucket, string key, string contentType, string text, DateTimeOffset lastModified) =>
        bucket.Objects[key] = S3Object.Create(key, Encoding.UTF8.GetBytes(text), contentType, lastModified, versionId: bucket.VersioningStatus is null ? null : VersionId(key));

    private static string VersionId(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
}
