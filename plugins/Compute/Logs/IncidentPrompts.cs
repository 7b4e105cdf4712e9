using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AwsMcp.Abstractions;

namespace AwsMcp.Compute.Logs;

/// <summary>Conversation starters that walk a model through the log, Lambda and EC2 tools.</summary>
[Toolset("logs")]
public static class IncidentPrompts
{
    /// <summary>Starts the triage of an incident from one CloudWatch log group: use when something broke and its logs are where to start.</summary>
    /// <param name="logGroup">The log group to start from, e.g. /aws/lambda/checkout.</param>
    /// <param name="window">How far back to look, ending now.</param>
    /// <param name="region">The log group's region; the server's default when empty.</param>
    [Prompt("incident_triage", Title = "Triage an incident")]
    public static string IncidentTriage(
        [Complete("log_groups"), StringLength(512, MinimumLength = 1)] string logGroup,
        IncidentWindow window = IncidentWindow.Hour,
        [Complete(CompletionSources.Regions), RegularExpression("[a-z]{2}(-[a-z]+){1,3}-[0-9]{1,2}")] string? region = null)
    {
        var (span, described) = window switch
        {
            IncidentWindow.SixHours => (TimeSpan.FromHours(6), "last six hours"),
            IncidentWindow.Day => (TimeSpan.FromDays(1), "last 24 hours"),
            IncidentWindow.Week => (TimeSpan.FromDays(7), "last seven days"),
            _ => (TimeSpan.FromHours(1), "last hour"),
        };
        // Concrete timestamps rather than "the last hour": every call of the triage then searches the same window.
        var end = TimeProvider.System.GetUtcNow();
        var (from, to) = (Iso(end - span), Iso(end));
        var where = string.IsNullOrEmpty(region) ? string.Empty : $" in region {region}";
        var pass = string.IsNullOrEmpty(region) ? string.Empty : $", passing region \"{region}\" to each";
        return $"""
            Triage an incident around CloudWatch log group {logGroup}{where}, looking at the {described}: from {from} to {to}. Use this server's tools{pass}, and only read: do not start, stop, reboot, create, terminate or invoke anything.
            1. filter_log_events with log_group_name "{logGroup}", filter_pattern "?ERROR ?Error ?error ?Exception ?Timeout ?WARN", start_time "{from}" and end_time "{to}": the errors and warnings. While has_more is true, call it again with next_token, at most four more times.
            2. query_logs_insights with log_group_names ["{logGroup}"], the same start_time and end_time, and query "filter @message like /(?i)(error|exception|timeout)/ | stats count(*) as errors by bin(5m)": when the errors started and peaked. When complete is false, call get_logs_insights_results with its query_id.
            3. Find what writes the log group. A group named /aws/lambda/NAME belongs to the Lambda function NAME: call get_lambda_function with function_name NAME for its runtime, memory, timeout and last change. Otherwise find the instances behind it: list_ec2_instances, narrowed with tags or instance_ids seen in the messages, then describe_ec2_instance with instance_id for each one involved (state, type, launch time).
            4. Present: a timeline (first error, peak, latest), the most frequent error messages with their counts, the affected resources, the likely cause, and the next steps. Quote at most ten log lines, verbatim.
            """;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
