using System.Text.Json;

namespace AwsMcp.Host.ToolCalls.FanOut;

/// <summary>What became of one target of a fan-out call.</summary>
public enum TargetStatus
{
    /// <summary>Answered a page (possibly empty).</summary>
    Ok,

    /// <summary>Refused by policy; never asked.</summary>
    Denied,

    /// <summary>Asked, and answered an error (or its answer was not a page).</summary>
    Failed,

    /// <summary>Asked, and did not answer within <c>AwsMcp:FanOut:TargetTimeoutSeconds</c>.</summary>
    TimedOut,
}

/// <summary>One target's part of a merged page: its items and where it continues, or why it has none.</summary>
public sealed record TargetAnswer(FanOutTarget Target, TargetStatus Status, IReadOnlyList<JsonElement> Items, string? NextToken, string? Error)
{
    public static TargetAnswer Denied(FanOutTarget target, string reason) => new(target, TargetStatus.Denied, [], null, reason);

    public static TargetAnswer Failed(FanOutTarget target, string error) => new(target, TargetStatus.Failed, [], null, error);

    /// <summary>As the result and the audit record write the status.</summary>
    public string StatusName => Status switch
    {
        TargetStatus.Ok => "ok",
        TargetStatus.Denied => "denied",
        TargetStatus.Failed => "failed",
        _ => "timed_out",
    };

    /// <summary>For the audit record: <c>ok 3</c>, <c>denied</c>, ...</summary>
    public string AuditOutcome => Status == TargetStatus.Ok ? $"ok {Items.Count}" : StatusName;
}
