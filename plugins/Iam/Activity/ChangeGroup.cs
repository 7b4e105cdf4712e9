namespace AwsMcp.Iam.Activity;

/// <summary>The changes one principal made with one API call.</summary>
/// <param name="Principal">Who (ARN).</param>
/// <param name="EventName">The API call.</param>
/// <param name="Count">How many calls.</param>
/// <param name="Failed">How many of them failed.</param>
/// <param name="Last">The latest (UTC).</param>
public sealed record ChangeGroup(string? Principal, string EventName, int Count, int Failed, DateTimeOffset Last);
