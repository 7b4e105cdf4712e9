using System.Globalization;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>
/// What the seeded estate shows in CloudWatch: worker-prod-1 (us-east-1) has had its CPU pegged for the last
/// <see cref="PeggedFor"/>, orders-worker fails about a third of its invocations, image-resizer is slow,
/// metrics-exporter (reserved concurrency 0) is throttled; and nine alarms on those resources, three in ALARM
/// (worker-prod-1's CPU, orders-worker's errors, metrics-exporter's throttles), one INSUFFICIENT_DATA (stopped
/// dev-alice), with their state changes since creation. Everything is in account 123456789012, relative to the seed time.
/// </summary>
internal static class CloudWatchSeed
{
    /// <summary>How long before the seed time worker-prod-1's CPU became pegged.</summary>
    public static readonly TimeSpan PeggedFor = TimeSpan.FromMinutes(150);

    private const string Cpu = "CPUUtilization";
    private const string GreaterThan = "GreaterThanThreshold";
    private const string AtLeast = "GreaterThanOrEqualToThreshold";

    private static readonly AlarmSeed[] Seeds =
    [
        Ec2Alarm("us-east-1", "worker-prod-1-cpu-high", "worker-prod-1", Cpu, "Average", "Percent", 300, 3, 90, GreaterThan, Days(30), (PeggedFor - TimeSpan.FromMinutes(15), MetricAlarm.Alarm)),
        Ec2Alarm("us-east-1", "web-prod-1-cpu-high", "web-prod-1", Cpu, "Average", "Percent", 300, 2, 80, GreaterThan, Days(100), (Days(3), MetricAlarm.Alarm), (Days(3) - TimeSpan.FromMinutes(20), MetricAlarm.Ok)),
        Ec2Alarm("us-east-1", "api-prod-1-status-check", "api-prod-1", "StatusCheckFailed", "Maximum", "Count", 60, 2, 1, AtLeast, Days(50)),
        Ec2Alarm("us-east-1", "dev-alice-cpu-high", "dev-alice", Cpu, "Average", "Percent", 300, 3, 85, GreaterThan, Days(15), (Days(1) - TimeSpan.FromMinutes(15), MetricAlarm.InsufficientData)),
        LambdaAlarm("us-east-1", "orders-worker-errors", "orders-worker", "Errors", "Sum", "Count", 300, 1, 5, AtLeast, Days(9), (TimeSpan.FromHours(6), MetricAlarm.Alarm), (TimeSpan.FromHours(5), MetricAlarm.Ok), (TimeSpan.FromMinutes(40), MetricAlarm.Alarm)),
        LambdaAlarm("us-east-1", "orders-api-duration-p95", "orders-api", "Duration", "p95", "Milliseconds", 300, 3, 1000, GreaterThan, Days(3)),
        Ec2Alarm("eu-west-1", "api-eu-1-cpu-high", "api-eu-1", Cpu, "Average", "Percent", 300, 3, 80, GreaterThan, Days(50)),
        LambdaAlarm("eu-west-1", "auth-service-throttles", "auth-service", "Throttles", "Sum", "Count", 60, 1, 1, AtLeast, Days(5)),
        LambdaAlarm("ap-southeast-2", "metrics-exporter-throttles", "metrics-exporter", "Throttles", "Sum", "Count", 60, 1, 0, GreaterThan, Days(100), (Days(2), MetricAlarm.Alarm)),
    ];

    /// <summary>How the resource named <paramref name="name"/> (an instance's Name tag, a function name) behaves.</summary>
    public static MetricProfile ProfileOf(string account, string region, string name) => (account, region, name) switch
    {
        (SandboxIdentities.DefaultAccount, "us-east-1", "worker-prod-1") => MetricProfile.PeggedCpu,
        (SandboxIdentities.DefaultAccount, "us-east-1", "orders-worker") => MetricProfile.ErrorProne,
        (SandboxIdentities.DefaultAccount, "us-east-1", "image-resizer") => MetricProfile.Slow,
        (SandboxIdentities.DefaultAccount, "ap-southeast-2", "metrics-exporter") => MetricProfile.Throttled,
        _ => MetricProfile.Normal,
    };

    /// <summary>The alarms of an account in a region; <paramref name="instanceIdOf"/> finds an instance by its Name tag.</summary>
    public static IReadOnlyList<MetricAlarm> Alarms(string account, string region, DateTimeOffset seedTime, Func<string, string?> instanceIdOf)
    {
        if (account != SandboxIdentities.DefaultAccount)
        {
            return [];
        }

        var alarms = new List<MetricAlarm>();
        foreach (var seed in Seeds.Where(seed => seed.Region == region))
        {
            var dimensionValue = seed.Namespace == MetricDefinition.Ec2 ? instanceIdOf(seed.ResourceName) : seed.ResourceName;
            if (dimensionValue is not null)
            {
                alarms.Add(Build(account, seed, new MetricDimension(seed.DimensionName, dimensionValue), seedTime));
            }
        }

        return [.. alarms.OrderBy(alarm => alarm.Name, StringComparer.Ordinal)];
    }

    private static MetricAlarm Build(string account, AlarmSeed seed, MetricDimension dimension, DateTimeOffset seedTime)
    {
        var created = seedTime - seed.CreatedAgo;
        var history = new List<AlarmHistoryItem>
        {
            new(seed.Name, created, "ConfigurationUpdate", $"Alarm \"{seed.Name}\" created", new JsonObject
            {
                ["version"] = "1.0",
                ["type"] = "Create",
                ["createdAlarm"] = new JsonObject { ["metricName"] = seed.MetricName, ["namespace"] = seed.Namespace, ["threshold"] = seed.Threshold },
            }.ToJsonString()),
        };
        var state = MetricAlarm.InsufficientData;
        var reason = "Unchecked: Initial alarm creation";
        var updated = created;
        // Every alarm starts without data and has its first datapoints five minutes later.
        foreach (var (ago, next) in seed.Transitions.Prepend((seed.CreatedAgo - TimeSpan.FromMinutes(5), MetricAlarm.Ok)))
        {
            var at = seedTime - ago;
            var nextReason = Reason(seed, next);
            history.Add(new(seed.Name, at, "StateUpdate", $"Alarm updated from {state} to {next}", new JsonObject
            {
                ["version"] = "1.0",
                ["oldState"] = new JsonObject { ["stateValue"] = state, ["stateReason"] = reason },
                ["newState"] = new JsonObject { ["stateValue"] = next, ["stateReason"] = nextReason },
            }.ToJsonString()));
            if (next == MetricAlarm.Alarm)
            {
                var topic = $"arn:aws:sns:{seed.Region}:{account}:ops-alerts";
                history.Add(new(seed.Name, at.AddSeconds(1), "Action", $"Successfully executed action {topic}", new JsonObject
                {
                    ["actionState"] = "Succeeded",
                    ["notificationResource"] = topic,
                    ["stateUpdateTimestamp"] = at.ToUnixTimeMilliseconds(),
                }.ToJsonString()));
            }

            (state, reason, updated) = (next, nextReason, at);
        }

        return new MetricAlarm(
            account,
            seed.Region,
            seed.Name,
            $"{seed.MetricName} of {seed.ResourceName}",
            seed.Namespace,
            seed.MetricName,
            dimension,
            seed.Statistic,
            seed.Unit,
            seed.Period,
            seed.EvaluationPeriods,
            seed.EvaluationPeriods,
            seed.Threshold,
            seed.Comparison,
            created,
            state,
            reason,
            updated,
            [.. history.OrderByDescending(item => item.Timestamp)]);
    }

    private static string Reason(AlarmSeed seed, string state)
    {
        var threshold = seed.Threshold.ToString("0.0##", CultureInfo.InvariantCulture);
        var words = seed.Comparison == AtLeast ? "greater than or equal to" : "greater than";
        return state switch
        {
            MetricAlarm.Alarm => $"Threshold Crossed: {seed.EvaluationPeriods} out of the last {seed.EvaluationPeriods} datapoints were {words} the threshold ({threshold}) (minimum {seed.EvaluationPeriods} datapoints for OK -> ALARM transition).",
            MetricAlarm.Ok => $"Threshold Crossed: no datapoints were {words} the threshold ({threshold}) in the last {seed.EvaluationPeriods} periods (minimum 1 datapoint for ALARM -> OK transition).",
            _ => $"Insufficient Data: {seed.EvaluationPeriods} datapoints were unknown.",
        };
    }

    private static TimeSpan Days(double days) => TimeSpan.FromDays(days);

    private static AlarmSeed Ec2Alarm(string region, string name, string instance, string metric, string statistic, string unit, int period, int evaluation, double threshold, string comparison, TimeSpan createdAgo, params (TimeSpan, string)[] transitions) =>
        new(region, name, MetricDefinition.Ec2, metric, "InstanceId", instance, statistic, unit, period, evaluation, threshold, comparison, createdAgo, transitions);

    private static AlarmSeed LambdaAlarm(string region, string name, string function, string metric, string statistic, string unit, int period, int evaluation, double threshold, string comparison, TimeSpan createdAgo, params (TimeSpan, string)[] transitions) =>
        new(region, name, MetricDefinition.Lambda, metric, "FunctionName", function, statistic, unit, period, evaluation, threshold, comparison, createdAgo, transitions);

    /// <param name="ResourceName">An instance's Name tag or a function name.</param>
    /// <param name="Transitions">State changes after the first datapoints (which always bring OK): how long before the seed time, and to what.</param>
    private sealed record AlarmSeed(
        string Region,
        string Name,
        string Namespace,
        string MetricName,
        string DimensionName,
        string ResourceName,
        string Statistic,
        string Unit,
        int Period,
        int EvaluationPeriods,
        double Threshold,
        string Comparison,
        TimeSpan CreatedAgo,
        (TimeSpan Ago, string State)[] Transitions);
}
