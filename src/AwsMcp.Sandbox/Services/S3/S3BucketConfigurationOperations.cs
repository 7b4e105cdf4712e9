using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.RestXml;

namespace AwsMcp.Sandbox.Services.S3;

/// <summary>
/// Bucket configuration: public access block, policy and policy status, default encryption, versioning and tagging.
/// Each "not configured" case answers S3's own 404 code (e.g. <c>NoSuchPublicAccessBlockConfiguration</c>).
/// </summary>
internal sealed class S3BucketConfigurationOperations
{
    public SandboxResponse GetPublicAccessBlock(S3Call call)
    {
        var block = Locked(call, b => b.PublicAccessBlock)
            ?? throw S3Errors.NotFound("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found");
        return S3RestXmlProtocol.Xml(new XElement(
            "PublicAccessBlockConfiguration",
            new XElement("BlockPublicAcls", XmlBody.Boolean(block.BlockPublicAcls)),
            new XElement("IgnorePublicAcls", XmlBody.Boolean(block.IgnorePublicAcls)),
            new XElement("BlockPublicPolicy", XmlBody.Boolean(block.BlockPublicPolicy)),
            new XElement("RestrictPublicBuckets", XmlBody.Boolean(block.RestrictPublicBuckets))));
    }

    public SandboxResponse PutPublicAccessBlock(S3Call call)
    {
        var document = S3RequestXml.Required(call.Request.Body, "PublicAccessBlockConfiguration");
        var block = new S3PublicAccessBlock(
            S3RequestXml.Flag(document, "BlockPublicAcls"),
            S3RequestXml.Flag(document, "IgnorePublicAcls"),
            S3RequestXml.Flag(document, "BlockPublicPolicy"),
            S3RequestXml.Flag(document, "RestrictPublicBuckets"));
        Locked(call, b => b.PublicAccessBlock = block);
        return S3RestXmlProtocol.Empty();
    }

    public SandboxResponse DeletePublicAccessBlock(S3Call call)
    {
        Locked(call, b => b.PublicAccessBlock = null);
        return S3RestXmlProtocol.Empty(204);
    }

    public SandboxResponse GetBucketPolicy(S3Call call) =>
        new(200, "application/json", Encoding.UTF8.GetBytes(Locked(call, b => b.Policy) ?? throw NoSuchBucketPolicy()));

    /// <summary>Stores a policy; a public one is refused while the bucket's public access block blocks public policies, as on S3.</summary>
    public SandboxResponse PutBucketPolicy(S3Call call)
    {
        var policy = Encoding.UTF8.GetString(call.Request.Body);
        var isPublic = IsPublic(policy) ?? throw new SandboxServiceException(400, "MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'");
        Locked(call, bucket =>
        {
            if (isPublic && bucket.PublicAccessBlock?.BlockPublicPolicy == true)
            {
                throw S3Errors.AccessDenied();
            }

            bucket.Policy = policy;
            return policy;
        });
        return S3RestXmlProtocol.Empty(204);
    }

    public SandboxResponse DeleteBucketPolicy(S3Call call)
    {
        Locked(call, b => b.Policy = null);
        return S3RestXmlProtocol.Empty(204);
    }

    public SandboxResponse GetBucketPolicyStatus(S3Call call)
    {
        var policy = Locked(call, b => b.Policy) ?? throw NoSuchBucketPolicy();
        return S3RestXmlProtocol.Xml(new XElement("PolicyStatus", new XElement("IsPublic", XmlBody.Boolean(IsPublic(policy) == true))));
    }

    public SandboxResponse GetBucketEncryption(S3Call call)
    {
        var encryption = Locked(call, b => b.Encryption) ?? throw S3Errors.NotFound(
            "ServerSideEncryptionConfigurationNotFoundError",
            "The server side encryption configuration was not found");
        return S3RestXmlProtocol.Xml(new XElement(
            "ServerSideEncryptionConfiguration",
            new XElement(
                "Rule",
                new XElement(
                    "ApplyServerSideEncryptionByDefault",
                    new XElement("SSEAlgorithm", encryption.Algorithm),
                    encryption.KmsKeyId is null ? null : new XElement("KMSMasterKeyID", encryption.KmsKeyId)),
                new XElement("BucketKeyEnabled", XmlBody.Boolean(encryption.BucketKeyEnabled)))));
    }

    /// <summary>A bucket that never had versioning configured answers an empty configuration.</summary>
    public SandboxResponse GetBucketVersioning(S3Call call)
    {
        var status = Locked(call, b => b.VersioningStatus);
        return S3RestXmlProtocol.Xml(new XElement("VersioningConfiguration", status is null ? null : new XElement("Status", status)));
    }

    public SandboxResponse PutBucketVersioning(S3Call call)
    {
        var status = S3RequestXml.Value(S3RequestXml.Required(call.Request.Body, "VersioningConfiguration"), "Status");
        if (status is not ("Enabled" or "Suspended"))
        {
            throw S3Errors.MalformedXml();
        }

        Locked(call, b => b.VersioningStatus = status);
        return S3RestXmlProtocol.Empty();
    }

    public SandboxResponse GetBucketTagging(S3Call call)
    {
        var tags = Locked(call, b => b.Tags) ?? throw S3Errors.NotFound("NoSuchTagSet", "The TagSet does not exist");
        return S3RestXmlProtocol.Xml(new XElement(
            "Tagging",
            new XElement("TagSet", tags.Select(t => new XElement("Tag", new XElement("Key", t.Key), new XElement("Value", t.Value))))));
    }

    public SandboxResponse PutBucketTagging(S3Call call)
    {
        var tagSet = S3RequestXml.Children(S3RequestXml.Required(call.Request.Body, "Tagging"), "TagSet").SingleOrDefault() ?? throw S3Errors.MalformedXml();
        var tags = S3RequestXml.Children(tagSet, "Tag")
            .Select(t => new KeyValuePair<string, string>(S3RequestXml.Value(t, "Key") ?? throw S3Errors.MalformedXml(), S3RequestXml.Value(t, "Value") ?? ""))
            .ToList();
        if (tags.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count() != tags.Count)
        {
            throw S3Errors.InvalidArgument("Cannot provide multiple Tags with the same key");
        }

        Locked(call, b => b.Tags = tags);
        return S3RestXmlProtocol.Empty(204);
    }

    public SandboxResponse DeleteBucketTagging(S3Call call)
    {
        Locked(call, b => b.Tags = null);
        return S3RestXmlProtocol.Empty(204);
    }

    /// <summary>
    /// Whether a policy grants anything to everyone (an Allow for Principal <c>*</c> without conditions) — the gist of
    /// S3's own public-policy rule; null when the policy is not a JSON object.
    /// </summary>
    private static bool? IsPublic(string policy)
    {
        try
        {
            using var document = JsonDocument.Parse(policy);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (!document.RootElement.TryGetProperty("Statement", out var statements))
            {
                return false;
            }

            var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
            return list.Any(s =>
                s.TryGetProperty("Effect", out var effect) && effect.GetString() == "Allow"
                && !s.TryGetProperty("Condition", out _)
                && s.TryGetProperty("Principal", out var principal)
                && (principal.ValueKind == JsonValueKind.String ? principal.GetString() == "*"
                    : principal.TryGetProperty("AWS", out var aws) && aws.ValueKind == JsonValueKind.String && aws.GetString() == "*"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SandboxServiceException NoSuchBucketPolicy() => S3Errors.NotFound("NoSuchBucketPolicy", "The bucket policy does not exist");

    private static T Locked<T>(S3Call call, Func<S3Bucket, T> read)
    {
        var bucket = call.ExistingBucket;
        lock (bucket.Gate)
        {
            return read(bucket);
        }
    }
}
