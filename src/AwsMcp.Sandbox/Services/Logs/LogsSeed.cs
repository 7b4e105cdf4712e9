using System.Globalization;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Services.Lambda;
using AwsMcp.Sandbox.Services.Shared;

namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>
/// The seeded log groups, with events spread over the 48 hours before the seed time:
/// <list type="bullet">
/// <item><c>/aws/lambda/&lt;fn&gt;</c> for every seeded function (in its region): two streams, 12 invocations each of
/// START / INFO / END / REPORT lines; every 4th invocation also logs an <c>[ERROR]</c> line.</item>
/// <item><c>/ecs/web-api</c> (us-east-1, 30 days retention): three task streams, 40 access-log lines each; every 10th is
/// <c>ERROR upstream timeout</c>, every 7th a <c>WARN slow request</c>.</item>
/// <item><c>/aws/rds/instance/orders-db/postgresql</c> (us-east-1, 7 days) and <c>/aws/rds/instance/auth-db/postgresql</c>
/// (eu-west-1, no retention: "never expire"): 30 lines each, every 6th an <c>ERROR:  deadlock detected</c>.</item>
/// </list>
/// </summary>
public static class LogsSeed
{
    private const long Hour = 3_600_000;

    public static LogArchive Build(SandboxContext context)
    {
        var archive = new LogArchive();
        var seed = context.SeedTime.ToUnixTimeMilliseconds();
        var from = seed - (48 * Hour);
        lock (archive.Sync)
        {
            foreach (var function in LambdaSeed.Functions(context.SeedTime))
            {
                var group = archive.GetOrAddGroup(function.Account, function.Region, function.LogGroupName, seed - (90 * 24 * Hour), 14);
                for (var s = 0; s < 2; s++)
                {
                    var streamStart = from + (s * 24 * Hour);
                    var day = DateTimeOffset.FromUnixTimeMilliseconds(streamStart).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
                    var stream = group.GetOrAddStream($"{day}/[$LATEST]{SeedIds.Hex(function.Arn + s, 32)}", streamStart);
                    for (var i = 0; i < 12; i++)
                    {
                        var start = streamStart + (i * 2 * Hour) + (i * 7919 % 60_000);
                        var requestId = new Guid(SeedIds.Hex($"{function.Arn}/{s}/{i}", 32)).ToString();
                        var lines = new List<string>
                        {
                            $"START RequestId: {requestId} Version: $LATEST",
                            $"[INFO] {function.Name} handled request {i} in stream {s}",
                        };
                        if (i % 4 == 3)
                        {
                            lines.Add($"[ERROR] {function.Name}: ConnectionError: upstream refused connection (attempt {i})");
                        }

                        lines.Add($"END RequestId: {requestId}");
                        lines.Add($"REPORT RequestId: {requestId}\tDuration: {20 + (i * 13 % 400)}.00 ms\tBilled Duration: {21 + (i * 13 % 400)} ms\tMemory Size: {function.MemorySize} MB\tMax Memory Used: {60 + (i * 7 % 90)} MB");
                        AddLines(archive, stream, start, lines);
                    }
                }
            }

            var web = archive.GetOrAddGroup(SandboxIdentities.DefaultAccount, "us-east-1", "/ecs/web-api", seed - (200 * 24 * Hour), 30);
            for (var task = 0; task < 3; task++)
            {
                var stream = web.GetOrAddStream($"web-api/web/{SeedIds.Hex("task" + task, 32)}", from);
                for (var i = 0; i < 40; i++)
                {
                    var message = i % 10 == 9 ? $"ERROR upstream timeout calling payments-service after 5000 ms (request {task}-{i})"
                        : i % 7 == 6 ? $"WARN slow request GET /api/orders/{1000 + i} took {900 + i} ms"
                        : $"INFO GET /api/orders/{1000 + i} 200 {12 + (i % 30)}ms";
                    AddLines(archive, stream, from + (task * 17 * 60_000) + (i * (48 * Hour / 40)), [message]);
                }
            }

            foreach (var (region, db, retention) in new[] { ("us-east-1", "orders-db", (int?)7), ("eu-west-1", "auth-db", null) })
            {
                var group = archive.GetOrAddGroup(SandboxIdentities.DefaultAccount, region, $"/aws/rds/instance/{db}/postgresql", seed - (400 * 24 * Hour), retention);
                var stream = group.GetOrAddStream(db, from);
                for (var i = 0; i < 30; i++)
                {
                    var message = i % 6 == 5 ? $"ERROR:  deadlock detected (process {4000 + i})" : $"LOG:  checkpoint complete: wrote {100 + (i * 37 % 900)} buffers";
                    AddLines(archive, stream, from + (i * (48 * Hour / 30)), [message]);
                }
            }
        }

        return archive;
    }

    private static void AddLines(LogArchive archive, LogStream stream, long start, IEnumerable<string> lines)
    {
        var offset = 0;
        foreach (var line in lines)
        {
            stream.Append(archive.NewEvent(start + offset, line, start + offset + 250));
            offset += 15;
        }
    }
}
