namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>One entry of an alarm's history, as DescribeAlarmHistory answers it.</summary>
/// <param name="ItemType"><c>ConfigurationUpdate</c>, <c>StateUpdate</c> or <c>Action</c>.</param>
/// <param name="Data">The JSON document AWS puts in <c>HistoryData</c>.</param>
internal sealed record AlarmHistoryItem(string AlarmName, DateTimeOffset Timestamp, string ItemType, string Summary, string Data);
