namespace AwsMcp.Iam.Activity;

/// <summary>
/// What lookup_cloudtrail_events narrows by. CloudTrail filters by one attribute per request, so the most selective one
/// given goes to AWS (resource, then user, then API call, then read/write) and the others are checked here.
/// </summary>
internal sealed record TrailFilter(string? ResourceName, string? Username, string? EventName, bool? ReadOnly)
{
    public (string Key, string Value)? Attribute =>
        ResourceName is not null ? ("ResourceName", ResourceName)
        : Username is not null ? ("Username", Username)
        : EventName is not null ? ("EventName", EventName)
        : ReadOnly is { } readOnly ? ("ReadOnly", readOnly ? "true" : "false")
        : null;

    public bool Matches(TrailEvent trailEvent) =>
        (ResourceName is null || trailEvent.Resources.Contains(ResourceName, StringComparer.Ordinal))
        && (Username is null || UserNameOf(trailEvent.Principal) == Username)
        && (EventName is null || trailEvent.EventName == EventName)
        && (ReadOnly is null || trailEvent.ReadOnly == ReadOnly);

    /// <summary>What CloudTrail calls the Username: the last part of a user's ARN or of a role session's.</summary>
    private static string? UserNameOf(string? principalArn) => principalArn?[(principalArn.LastIndexOf('/') + 1)..];
}
