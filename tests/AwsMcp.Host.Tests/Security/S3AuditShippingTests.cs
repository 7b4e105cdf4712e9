using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
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
        var options = Options.Create(new AuditOptions { Path = _folder, S3Bucket = Bucket, S3BatchSize = 3 });
        using var sink = new JsonLinesAuditSink(options, TimeProvider.System);
        var shipper = new S3AuditShipper(options, _s3, TimeProvider.System, new Hosting.BackgroundHealth(TimeProvider.System), NullLogger<S3AuditShipper>.Instance);
        for (var i = 0; i < 4; i++)
        {
            await sink.WriteAsync(AuditLogTests.Record(i), CancellationToken.None);
        }

        Assert.Equal(4, await shipper.ShipPendingAsync(CancellationToken.None));

        _sandbox.Faults.FailAlways("s3", "PutObject", SandboxFault.ServiceUnavailable);
        for (var i = 4; i < 11; i++)
        {
            await sink.WriteAsync(AuditLogTests.Record(i), CancellationToken.None);
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
        var options = Options.Create(new AuditOptions { Path = _folder, S3Bucket = Bucket, S3IntervalSeconds = 1 });
        using var sink = new JsonLinesAuditSink(options, time);
        using var shipper = new S3AuditShipper(options, _s3, time, new Hosting.BackgroundHealth(time), NullLogger<S3AuditShipper>.Instance);
        await sink.WriteAsync(AuditLogTests.Record(0), CancellationToken.None);
        await sink.WriteAsync(AuditLogTests.Record(1), CancellationToken.None);
        _sandbox.Faults.FailAlways("s3", "PutObject", SandboxFault.ServiceUnavailable);

        await shipper.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _sandbox.RequestLog.Any(e => e.Operation == "PutObject" && e.InjectedFault), "a first upload that S3 refuses");
        _sandbox.Faults.Clear();
        var segment = sink.CurrentPath!;

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
}
