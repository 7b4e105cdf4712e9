namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>
/// A metric alarm on one resource's metric, with the state its history ended in. Alarms notify the account's
/// <c>ops-alerts</c> SNS topic when they go to ALARM.
/// </summary>
/// <param name="Statistic">A statistic (<c>Average</c>) or an extended one (<c>p95</c>).</param>
internal sealed record MetricAlarm(
    string Account,
    string Region,
    string Name,
    string Description,
    string Namespace,
    string MetricName,
    MetricDimension Dimension,
    string Statistic,
    string? Unit,
    int Period,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    double Threshold,
    string ComparisonOperator,
    DateTimeOffset Created,
    string State,
    string StateReason,
    DateTimeOffset StateUpdated,
    IReadOnlyList<AlarmHistoryItem> History)
{
    public const string Ok = "OK";
    public const string Alarm = "ALARM";
    public const string InsufficientData = "INSUFFICIENT_DATA";

    public string Arn => $"arn:aws:cloudwatch:{Region}:{Account}:alarm:{Name}";

    public string ActionArn => $"arn:aws:sns:{Region}:{Account}:ops-alerts";

    public bool IsExtendedStatistic => Statistic.StartsWith('p');
}
