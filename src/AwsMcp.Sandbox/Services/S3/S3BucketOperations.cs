using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.RestXml;

namespace AwsMcp.Sandbox.Services.S3;

/// <summary>ListBuckets, CreateBucket (with S3's LocationConstraint rules), DeleteBucket, HeadBucket and GetBucketLocation.</summary>
internal sealed partial class S3BucketOperations(S3Estate estate)
{
    private const string ListBucketsListing = "s3:ListBuckets";

    public SandboxResponse ListBuckets(S3Call call)
    {
        var maxBuckets = call.Query("max-buckets") is { } text
            ? int.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= 10000
                ? parsed
                : throw S3Errors.InvalidArgument("Argument max-buckets must be an integer between 1 and 10000.")
            : 10000;
        var after = call.Query("continuation-token") is { } token
            ? PageToken.Decode(ListBucketsListing, token) ?? throw S3Errors.InvalidArgument("The continuation token provided is incorrect")
            : "";
        var prefix = call.Query("prefix") ?? "";
        var region = call.Query("bucket-region");

        var buckets = estate.OwnedBy(call.Request.Principal.Account)
            .Where(b => string.CompareOrdinal(b.Name, after) > 0 && b.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(b => region is null || b.Region == region)
            .ToList();
        var page = buckets.Take(maxBuckets).ToList();
        var next = buckets.Count > page.Count ? PageToken.Encode(ListBucketsListing, page[^1].Name) : null;
        return S3RestXmlProtocol.Xml(new XElement(
            "ListAllMyBucketsResult",
            Owner(call.Request.Principal.Account),
            new XElement("Buckets", page.Select(b => new XElement(
                "Bucket",
                new XElement("Name", b.Name),
                new XElement("CreationDate", XmlBody.Timestamp(b.CreationDate)),
                new XElement("BucketRegion", b.Region)))),
            next is null ? null : new XElement("ContinuationToken", next),
            prefix.Length == 0 ? null : new XElement("Prefix", prefix)));
    }

    public SandboxResponse CreateBucket(S3Call call)
    {
        var name = call.Target.Bucket!;
        var endpointRegion = call.Request.Region;
        var configuration = S3RequestXml.Parse(call.Request.Body);
        if (configuration is not null && configuration.Name.LocalName != "CreateBucketConfiguration")
        {
            throw S3Errors.MalformedXml();
        }

        var constraint = configuration is null ? null : S3RequestXml.Value(configuration, "LocationConstraint");
        // "EU" is S3's legacy name for eu-west-1, and what the .NET SDK still sends for it.
        constraint = constraint switch
        {
            null or "" => null,
            "EU" => "eu-west-1",
            _ => constraint,
        };
        if (endpointRegion == "us-east-1" && constraint == "us-east-1")
        {
            throw new SandboxServiceException(400, "InvalidLocationConstraint", "The specified location-constraint is not valid");
        }

        if ((constraint ?? "us-east-1") != endpointRegion)
        {
            throw new SandboxServiceException(
                400,
                "IllegalLocationConstraintException",
                $"The {constraint ?? "unspecified"} location constraint is incompatible for the region specific endpoint this request was sent to.");
        }

        if (!IsValidBucketName(name))
        {
            throw new SandboxServiceException(400, "InvalidBucketName", "The specified bucket is not valid.");
        }

        var account = call.Request.Principal.Account;
        var created = new S3Bucket(name, account, endpointRegion, call.Now);
        var holder = estate.GetOrAdd(created);
        if (!ReferenceEquals(holder, created))
        {
            throw holder.OwnerAccount == account
                ? new SandboxServiceException(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.")
                : new SandboxServiceException(
                    409,
                    "BucketAlreadyExists",
                    "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.");
        }

        return S3RestXmlProtocol.Empty() with { Headers = new Dictionary<string, string> { ["Location"] = "/" + name } };
    }

    public SandboxResponse DeleteBucket(S3Call call)
    {
        var bucket = call.ExistingBucket;
        lock (bucket.Gate)
        {
            if (bucket.Objects.Count > 0)
            {
                throw new SandboxServiceException(409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
            }

            estate.Remove(bucket);
        }

        return S3RestXmlProtocol.Empty(204);
    }

    public SandboxResponse HeadBucket(S3Call call) =>
        S3RestXmlProtocol.Empty() with
        {
            Headers = new Dictionary<string, string>
            {
                ["x-amz-bucket-region"] = call.ExistingBucket.Region,
                ["x-amz-access-point-alias"] = "false",
            },
        };

    /// <summary>us-east-1 answers an empty constraint, as S3 does for historical reasons.</summary>
    public SandboxResponse GetBucketLocation(S3Call call)
    {
        var region = call.ExistingBucket.Region;
        return S3RestXmlProtocol.Xml(new XElement("LocationConstraint", region == "us-east-1" ? null : region));
    }

    /// <summary>The canonical user id S3 shows as an account's owner id (stable per account).</summary>
    public static XElement Owner(string account) =>
        new(
            "Owner",
            new XElement("ID", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("canonical/" + account)))),
            new XElement("DisplayName", "sandbox-" + account));

    /// <summary>S3's general-purpose bucket naming rules: 3–63 of lower-case letters, digits, dots and hyphens, not shaped like an IP address.</summary>
    private static bool IsValidBucketName(string name) =>
        BucketName().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal) && !IpShaped().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketName();

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex IpShaped();
}
