using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.ManagementEvents;
using AwsMcp.Sandbox.Protocols.RestXml;
using Microsoft.AspNetCore.Http;

namespace AwsMcp.Sandbox.Services.S3;

/// <summary>
/// S3 over REST-XML, path style or virtual-host style. Buckets are global by name and belong to one account: another
/// account's bucket answers <c>AccessDenied</c>; read-only role sessions may read but not change anything.
/// The endpoint region a request was signed for is not checked against the bucket's region.
/// </summary>
internal sealed class S3Emulator : IServiceEmulator, IManagementWrites
{
    /// <summary>The bucket subresources the sandbox knows, in the order they are recognised in a query string.</summary>
    private static readonly string[] Subresources = ["location", "publicAccessBlock", "policyStatus", "policy", "encryption", "versioning", "tagging"];

    /// <summary>
    /// The bucket changes CloudTrail records as write management events; object writes (PutObject, DeleteObject) are
    /// data events, which it does not.
    /// </summary>
    private static readonly HashSet<string> BucketWrites = new(StringComparer.Ordinal)
    {
        "CreateBucket", "DeleteBucket", "PutPublicAccessBlock", "DeletePublicAccessBlock", "PutBucketPolicy", "DeleteBucketPolicy",
        "PutBucketVersioning", "PutBucketTagging", "DeleteBucketTagging",
    };

    private readonly SandboxContext _context;
    private readonly S3Estate _estate;
    private readonly Dictionary<string, Func<S3Call, SandboxResponse>> _operations;

    public S3Emulator(SandboxContext context)
    {
        _context = context;
        _estate = new S3Estate(context);
        var buckets = new S3BucketOperations(_estate);
        var configuration = new S3BucketConfigurationOperations();
        var objects = new S3ObjectOperations();
        _operations = new Dictionary<string, Func<S3Call, SandboxResponse>>(StringComparer.Ordinal)
        {
            ["ListBuckets"] = buckets.ListBuckets,
            ["CreateBucket"] = buckets.CreateBucket,
            ["DeleteBucket"] = buckets.DeleteBucket,
            ["HeadBucket"] = buckets.HeadBucket,
            ["GetBucketLocation"] = buckets.GetBucketLocation,
            ["GetPublicAccessBlock"] = configuration.GetPublicAccessBlock,
            ["PutPublicAccessBlock"] = configuration.PutPublicAccessBlock,
            ["DeletePublicAccessBlock"] = configuration.DeletePublicAccessBlock,
            ["GetBucketPolicy"] = configuration.GetBucketPolicy,
            ["PutBucketPolicy"] = configuration.PutBucketPolicy,
            ["DeleteBucketPolicy"] = configuration.DeleteBucketPolicy,
            ["GetBucketPolicyStatus"] = configuration.GetBucketPolicyStatus,
            ["GetBucketEncryption"] = configuration.GetBucketEncryption,
            ["GetBucketVersioning"] = configuration.GetBucketVersioning,
            ["PutBucketVersioning"] = configuration.PutBucketVersioning,
            ["GetBucketTagging"] = configuration.GetBucketTagging,
            ["PutBucketTagging"] = configuration.PutBucketTagging,
            ["DeleteBucketTagging"] = configuration.DeleteBucketTagging,
            ["ListObjectsV2"] = objects.ListObjectsV2,
            ["HeadObject"] = objects.HeadObject,
            ["GetObject"] = objects.GetObject,
            ["PutObject"] = objects.PutObject,
            ["DeleteObject"] = objects.DeleteObject,
        };
    }

    public string SigningName => "s3";

    public string? ResolveOperation(SandboxRequest request)
    {
        var http = request.Http;
        var target = S3RequestTarget.From(http);
        if (target.Bucket is null)
        {
            return HttpMethods.IsGet(http.Method) ? "ListBuckets" : null;
        }

        if (target.Key is not null)
        {
            return http.Method switch
            {
                "GET" => "GetObject",
                "HEAD" => "HeadObject",
                "PUT" when !http.Headers.ContainsKey("x-amz-copy-source") => "PutObject",
                "DELETE" => "DeleteObject",
                _ => null,
            };
        }

        var subresource = Subresources.FirstOrDefault(http.Query.ContainsKey);
        return (http.Method, subresource) switch
        {
            ("GET", null) => http.Query["list-type"] == "2" ? "ListObjectsV2" : null,
            ("PUT", null) => "CreateBucket",
            ("DELETE", null) => "DeleteBucket",
            ("HEAD", null) => "HeadBucket",
            ("GET", "location") => "GetBucketLocation",
            ("GET", "policyStatus") => "GetBucketPolicyStatus",
            ("GET", "encryption") => "GetBucketEncryption",
            ("GET", "publicAccessBlock" or "policy" or "versioning" or "tagging") => "Get" + OperationNoun(subresource),
            ("PUT", "publicAccessBlock" or "policy" or "versioning" or "tagging") => "Put" + OperationNoun(subresource),
            ("DELETE", "publicAccessBlock" or "policy" or "tagging") => "Delete" + OperationNoun(subresource),
            _ => null,
        };
    }

    public ValueTask<SandboxResponse> HandleAsync(SandboxRequest request, string operation, CancellationToken cancellationToken)
    {
        var principal = request.Principal;
        if (principal.IsReadOnly && (operation.StartsWith("Put", StringComparison.Ordinal)
            || operation.StartsWith("Delete", StringComparison.Ordinal) || operation == "CreateBucket"))
        {
            throw S3Errors.AccessDenied();
        }

        var target = S3RequestTarget.From(request.Http);
        S3Bucket? bucket = null;
        if (operation is not ("ListBuckets" or "CreateBucket"))
        {
            bucket = _estate.Find(target.Bucket!) ?? throw S3Errors.NoSuchBucket();
            if (bucket.OwnerAccount != principal.Account)
            {
                throw S3Errors.AccessDenied();
            }
        }

        var response = _operations[operation](new S3Call(request, target, bucket, _context.Time.GetUtcNow()));
        var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["x-amz-id-2"] = S3RestXmlProtocol.HostId(request.RequestId),
        };
        return ValueTask.FromResult(response with { Headers = headers });
    }

    public SandboxResponse RenderError(SandboxRequest request, SandboxServiceException error) =>
        S3RestXmlProtocol.Error(request, error, request.Http.Path.Value);

    public ManagementWrite? DescribeWrite(SandboxRequest request, string operation, SandboxResponse? answer)
    {
        if (!BucketWrites.Contains(operation))
        {
            return null;
        }

        var bucket = S3RequestTarget.From(request.Http).Bucket!;
        var parameters = new JsonObject { ["bucketName"] = bucket };
        foreach (var subresource in Subresources.Where(request.Http.Query.ContainsKey))
        {
            parameters[subresource] = "";
        }

        return new ManagementWrite([new TrailResource("AWS::S3::Bucket", bucket)], parameters);
    }

    /// <summary>The name a subresource has in its operations: <c>publicAccessBlock</c> → <c>PublicAccessBlock</c>, <c>policy</c> → <c>BucketPolicy</c>.</summary>
    private static string OperationNoun(string subresource) => subresource switch
    {
        "publicAccessBlock" => "PublicAccessBlock",
        "policy" => "BucketPolicy",
        "versioning" => "BucketVersioning",
        _ => "BucketTagging",
    };
}
