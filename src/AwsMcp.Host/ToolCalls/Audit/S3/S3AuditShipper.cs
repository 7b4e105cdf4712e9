using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Hosting;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Audit.S3;

/// <summary>
/// Ships the audit folder to S3 (<c>AwsMcp:Audit:S3Bucket</c> or <c>AUDIT_BUCKET</c>). The durable JSON-lines
/// segments are the spool: complete lines past each segment's shipped offset (kept in a <c>.shipped</c> file next
/// to it) go up in batches of at most <c>S3BatchSize</c> records, as <c>&lt;prefix&gt;&lt;replica&gt;/&lt;chain&gt;/&lt;segment&gt;-&lt;offset&gt;.jsonl</c>
/// (<see cref="AuditSegment.ShippedName"/>), and the offset moves only after S3 accepted the object. An S3 outage
/// therefore loses nothing; shipping resumes, with backoff, when S3 answers again, and a retried batch gets the same
/// object key, so a crash between upload and checkpoint duplicates nothing. Every chain in the folder is shipped, not
/// only this replica's, each by one process at a time (its <c>&lt;chain&gt;.shipper.lock</c>): on a shared volume the
/// unshipped tail of a replica that never comes back (a pod replaced under a new name) still reaches S3. Whatever fails
/// (S3, the network, an answer the SDK cannot read, the local folder) is retried with backoff and reported in
/// <see cref="BackgroundHealth"/>; only the server's own shutdown ends shipping.
/// </summary>
public sealed partial class S3AuditShipper(
    IOptions<AuditOptions> options, IAmazonS3 s3, TimeProvider time, BackgroundHealth health, ILogger<S3AuditShipper> logger)
    : BackgroundService
{
    /// <summary>The component name in <see cref="BackgroundHealth"/>.</summary>
    public const string Component = "audit-shipping";

    private const string CheckpointExtension = ".shipped";
    private const string LockExtension = ".shipper.lock";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly AuditOptions _options = options.Value;

    /// <summary>Ships every complete record not yet shipped; returns how many. Throws when S3 refuses, having kept what it shipped before.</summary>
    public async Task<int> ShipPendingAsync(CancellationToken cancellationToken)
    {
        var bucket = _options.Bucket ?? throw new InvalidOperationException("No audit bucket is configured.");
        var shipped = 0;
        foreach (var chain in AuditSegment.List(_options.FullPath).GroupBy(s => s.Chain))
        {
            if (!chain.Any(segment => new FileInfo(segment.Path).Length > ReadCheckpoint(segment)))
            {
                continue; // all shipped: no lock to take, and no lock file for every old chain in the folder
            }

            // Another process is shipping this chain right now: its turn; the next pass looks again.
            using var shipping = AuditFileLock.TryTake(Path.Combine(_options.FullPath, chain.Key + LockExtension));
            if (shipping is null)
            {
                continue;
            }

            foreach (var segment in chain)
            {
                shipped += await ShipAsync(bucket, segment, cancellationToken);
            }
        }

        return shipped;
    }

    private async Task<int> ShipAsync(string bucket, AuditSegment segment, CancellationToken cancellationToken)
    {
        var shipped = 0;
        var offset = ReadCheckpoint(segment);
        while (ReadBatch(segment, offset) is { Lines: > 0 } batch)
        {
            await s3.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = _options.S3Prefix + segment.ShippedName(offset),
                    InputStream = new MemoryStream(batch.Bytes),
                    ContentType = "application/x-ndjson",
                },
                cancellationToken);
            offset += batch.Bytes.Length;
            WriteCheckpoint(segment, offset);
            shipped += batch.Lines;
        }

        return shipped;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(_options.S3IntervalSeconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var shipped = await ShipPendingAsync(stoppingToken);
                if (failures > 0)
                {
                    LogRecovered(shipped, failures);
                }

                failures = 0;
                health.Healthy(Component, $"shipping to s3://{_options.Bucket}/{_options.S3Prefix}");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Anything else (a redirect, a header the SDK cannot parse, a full disk) must not stop the server: the
                // records wait in the local folder and shipping is retried.
                failures++;
                LogShippingFailed(failures, ex);
                health.Degraded(Component, $"{failures} failure(s) in a row, last: {ex.GetType().Name}: {ex.Message}");
            }

            // Exponential backoff while S3 fails, capped; the records wait safely in the local folder meanwhile.
            var delay = failures == 0 ? interval : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, interval.Ticks << Math.Min(failures, 10)));
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Last records of this run; whatever does not make it is shipped by the next start.
            await ShipPendingAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            LogShippingFailed(1, ex);
        }
    }

    private static long ReadCheckpoint(AuditSegment segment) =>
        File.Exists(segment.Path + CheckpointExtension)
        && long.TryParse(File.ReadAllText(segment.Path + CheckpointExtension), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : 0;

    private static void WriteCheckpoint(AuditSegment segment, long offset)
    {
        // Write-then-rename: a crash leaves the old or the new offset, never a torn one.
        var temporary = segment.Path + CheckpointExtension + ".tmp";
        File.WriteAllText(temporary, offset.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, segment.Path + CheckpointExtension, overwrite: true);
    }

    /// <summary>Up to <c>S3BatchSize</c> complete lines from <paramref name="offset"/>; a line still being written is left for next time.</summary>
    private (byte[] Bytes, int Lines) ReadBatch(AuditSegment segment, long offset)
    {
        using var file = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (file.Length <= offset)
        {
            return ([], 0);
        }

        file.Seek(offset, SeekOrigin.Begin);
        var available = new byte[Math.Min(file.Length - offset, 64L * 1024 * 1024)];
        file.ReadExactly(available);
        var end = 0;
        var lines = 0;
        for (var i = 0; i < available.Length && lines < _options.S3BatchSize; i++)
        {
            if (available[i] == (byte)'\n')
            {
                end = i + 1;
                lines++;
            }
        }

        return (available[..end], lines);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shipping audit records to S3 failed ({Failures} time(s) in a row); they stay in the local audit folder and will be retried")]
    private partial void LogShippingFailed(int failures, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit shipping to S3 recovered after {Failures} failure(s); shipped {Records} record(s)")]
    private partial void LogRecovered(int records, int failures);
}
