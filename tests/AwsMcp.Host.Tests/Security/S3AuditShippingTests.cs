using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using AwsMcp.Host.Cli;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;
using AwsMcp.Host.ToolCalls.Audit.S3;
using AwsMcp.Sandbox;
using AwsMcp.Sandbox.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AwsMcp.Host.Tests.Security;

/// <summary>The S3 audit sink against the sandbox's S3: an outage loses nothing, and everything ships once S3 answers.</summary>
public sealed class S3AuditShippingTests : IAsyncLifetime
{
    private const string Bucket = "awsmcp-audit-tests";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "awsmcp-audit-tests", Guid.NewGuid().ToString("N"));
    private SandboxServer _sandbox = null!;
    private AmazonS3Client _s3 = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _s3 = new AmazonS3Client(
            new BasicAWSCredentials(SandboxIdentities.OperatorAccessKeyId, SandboxIdentities.OperatorSecretAccessKey),
            new AmazonS3Config { ServiceURL = _sandbox.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        await _s3.PutBucketAsync(Bucket);
    }

    public async Task DisposeAsync()
    {
        _s3.Dispose();
        await _sandbox.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Records_written_during_an_s3_outage_are_kept_and_shipped_in_batches_after_recovery()
    {
        using var sink = new ReplicaSink(new AuditOptions { Path = _folder, S3Bucket = Bucket, S3BatchSize = 3 });
        var shipper = Shipper(sink.Options, TimeProvider.System);
        for (var i = 0; i < 4; i++)
        {
            await sink.WriteAsync(AuditLogTests.Record(i));
        }

        Assert.Equal(4, await shipper.ShipPendingAsync(CancellationToken.None));

        _sandbox.Faults.FailAlways("s3", "PutObject", SandboxFault.ServiceUnavailable);
        for (var i = 4; i < 11; i++)
        {
            await sink.WriteAsync(AuditLogTests.Record(i));
        }

        await Assert.ThrowsAsync<AmazonS3Exception>(() => shipper.ShipPendingAsync(CancellationToken.None));
        _sandbox.Faults.Clear();
        _sandbox.Faults.FailNext("s3", "PutObject", SandboxFault.InternalError);
        await Assert.ThrowsAsync<AmazonS3Exception>(() => shipper.ShipPendingAsync(CancellationToken.None));

        Assert.Equal(7, await shipper.ShipPendingAsync(CancellationToken.None));
        Assert.Equal(0, await shipper.ShipPendingAsync(CancellationToken.None));

        var objects = (await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "awsmcp-audit/" })).S3Objects;
        Assert.Equal(5, objects.Count);
        var shipped = Path.Combine(_folder, "shipped.jsonl");
        foreach (var item in objects.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            using var response = await _s3.GetObjectAsync(Bucket, item.Key);
            using var reader = new StreamReader(response.ResponseStream);
            await File.AppendAllTextAsync(shipped, await reader.ReadToEndAsync());
        }

        var verification = AuditChainVerifier.Verify(shipped);
        Assert.Equal((true, 11), (verification.Intact, verification.Records));
    }

    [Fact]
    public async Task The_background_shipper_backs_off_while_s3_fails_and_catches_up_when_it_recovers()
    {
        var time = new FakeTimeProvider();
        using var sink = new ReplicaSink(new AuditOptions { Path = _folder, S3Bucket = Bucket, S3IntervalSeconds = 1 }, time);
        using var shipper = Shipper(sink.Options, time);
        await sink.WriteAsync(AuditLogTests.Record(0));
        await sink.WriteAsync(AuditLogTests.Record(1));
        _sandbox.Faults.FailAlways("s3", "PutObject", SandboxFault.ServiceUnavailable);

        await shipper.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _sandbox.RequestLog.Any(e => e.Operation == "PutObject" && e.InjectedFault), "a first upload that S3 refuses");
        _sandbox.Faults.Clear();
        var segment = sink.Sink.CurrentPath!;

        // Fake time: each poll moves the clock on, so the backoff delay elapses without the test waiting for it.
        await Poll.UntilAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return File.Exists(segment + ".shipped") && File.ReadAllText(segment + ".shipped") == new FileInfo(segment).Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            },
            "shipping after S3 recovered");
        await shipper.StopAsync(CancellationToken.None);

        Assert.Single((await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket })).S3Objects);
    }

    [Fact(Timeout = 180_000)]
    public async Task Each_replica_ships_under_its_own_prefix_and_the_synced_set_verifies_replica_by_replica()
    {
        using var web0 = new ReplicaSink(new AuditOptions { Path = _folder, ReplicaId = "web-0", S3Bucket = Bucket, S3BatchSize = 4 });
        using var web1 = new ReplicaSink(new AuditOptions { Path = _folder, ReplicaId = "web-1", S3Bucket = Bucket, S3BatchSize = 4 });
        for (var i = 0; i < 10; i++)
        {
            await web0.WriteAsync(AuditLogTests.Record(i));
            await web1.WriteAsync(AuditLogTests.Record(100 + i));
        }

        // While web-1's own shipper holds its chain, web-0's shipper leaves it alone.
        var web1Chain = AuditSegment.List(_folder).First(s => s.Replica == "web-1").Chain;
        using (AuditFileLock.TryTake(Path.Combine(_folder, web1Chain + ".shipper.lock")))
        {
            Assert.Equal(10, await Shipper(web0.Options, TimeProvider.System).ShipPendingAsync(CancellationToken.None));
        }

        // web-1 never ships (its pod was replaced under a new name): whoever shares the folder ships its chain, under web-1's prefix.
        Assert.Equal(10, await Shipper(web0.Options, TimeProvider.System).ShipPendingAsync(CancellationToken.None));
        Assert.Equal(0, await Shipper(web1.Options, TimeProvider.System).ShipPendingAsync(CancellationToken.None));

        var keys = (await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "awsmcp-audit/" })).S3Objects.Select(o => o.Key).ToList();
        Assert.Equal(6, keys.Count);
        foreach (var replica in new[] { "web-0", "web-1" })
        {
            Assert.Equal(3, keys.Count(key => Regex.IsMatch(key, $@"^awsmcp-audit/{replica}/{replica}\.\d{{8}}T\d{{6}}Z/000001-\d{{12}}\.jsonl$")));
        }

        // Down as `aws s3 sync s3://BUCKET/awsmcp-audit/ DIR` lays it out: an object per file, the key's folders as folders.
        using var synced = new ScratchFolder("awsmcp-audit-synced");
        foreach (var key in keys)
        {
            var file = Path.Combine(synced.Path, key["awsmcp-audit/".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using var response = await _s3.GetObjectAsync(Bucket, key);
            await response.WriteResponseStreamToFileAsync(file, append: false, CancellationToken.None);
        }

        var (exit, output, error) = await AuditReplicaTests.VerifyAsync(synced.Path);
        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("replica web-0 (chain web-0.", output, StringComparison.Ordinal);
        Assert.Contains("): OK, 10 record(s) in 3 file(s), 1970-01-01T00:00:00Z to 1970-01-01T00:00:09Z", output, StringComparison.Ordinal);
        Assert.Contains("): OK, 10 record(s) in 3 file(s), 1970-01-01T00:01:40Z to 1970-01-01T00:01:49Z", output, StringComparison.Ordinal);

        // An object removed from web-1's prefix: web-1 is broken at the gap; web-0 still verifies.
        var removed = Directory.GetFiles(Path.Combine(synced.Path, "web-1"), "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ElementAt(1);
        File.Delete(removed);
        (exit, output, error) = await AuditReplicaTests.VerifyAsync(synced.Path);
        Assert.Equal(ExitCodes.AuditBroken, exit);
        Assert.Contains("replica web-1 (chain web-1.", error, StringComparison.Ordinal);
        Assert.Contains("a shipped object is missing", error, StringComparison.Ordinal);
        Assert.Contains("replica web-0 (chain web-0.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("web-1", output, StringComparison.Ordinal);
    }

    private S3AuditShipper Shipper(IOptions<AuditOptions> options, TimeProvider time) =>
        new(options, _s3, time, new Hosting.BackgroundHealth(time), NullLogger<S3AuditShipper>.Instance);
}
