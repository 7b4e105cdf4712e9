using System.Collections.Concurrent;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.S3;

/// <summary>Every bucket of every account: the bucket namespace is global, as on S3.</summary>
internal sealed class S3Estate
{
    private readonly ConcurrentDictionary<string, S3Bucket> _buckets = new(StringComparer.Ordinal);

    public S3Estate(SandboxContext context)
    {
        foreach (var bucket in S3SeedBuckets.Create(context.SeedTime))
        {
            _buckets[bucket.Name] = bucket;
        }
    }

    public S3Bucket? Find(string name) => _buckets.GetValueOrDefault(name);

    /// <summary>Adds the bucket unless the name is taken; returns the bucket that holds the name.</summary>
    public S3Bucket GetOrAdd(S3Bucket bucket) => _buckets.GetOrAdd(bucket.Name, bucket);

    public void Remove(S3Bucket bucket) => _buckets.TryRemove(new KeyValuePair<string, S3Bucket>(bucket.Name, bucket));

    public IEnumerable<S3Bucket> OwnedBy(string account) =>
        _buckets.Values.Where(b => b.OwnerAccount == account).OrderBy(b => b.Name, StringComparer.Ordinal);
}
