using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.S3;

/// <summary>One S3 operation call: the request, what it addresses, the bucket when it exists and is the caller's, and the time.</summary>
internal sealed record S3Call(SandboxRequest Request, S3RequestTarget Target, S3Bucket? Bucket, DateTimeOffset Now)
{
    /// <summary>The addressed bucket, which the emulator has checked exists and belongs to the caller.</summary>
    public S3Bucket ExistingBucket => Bucket ?? throw new InvalidOperationException("The operation needs a bucket.");

    public string Key => Target.Key ?? throw new InvalidOperationException("The operation needs a key.");

    public string? Query(string name) => Request.Http.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public string? Header(string name) => Request.Http.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
