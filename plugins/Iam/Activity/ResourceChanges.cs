using System.Globalization;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Iam.Activity;

/// <summary>The changes made to one resource in a window, summarised.</summary>
/// <param name="Resource">The resource looked up.</param>
/// <param name="StartTime">The window's start (UTC).</param>
/// <param name="EndTime">The window's end (UTC).</param>
/// <param name="Summary">One sentence: how many changes, by whom, how many failed.</param>
/// <param name="ByPrincipal">Changes grouped by who made them and the API call, most recent first.</param>
/// <param name="Latest">The latest changes, oldest first.</param>
/// <param name="Complete">False when the window held more events than were read; narrow it.</param>
public sealed record ResourceChanges(
    string Resource,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string Summary,
    IReadOnlyList<ChangeGroup> ByPrincipal,
    IReadOnlyList<ResourceChange> Latest,
    bool Complete)
{
    internal static ResourceChanges Summarize(
        string resource, ToolTimeWindow window, IReadOnlyList<(TrailEvent Event, string? Parameters)> changes, int latest, bool complete, int maxParameterChars)
    {
        var groups = changes
            .GroupBy(change => (change.Event.Principal, change.Event.EventName))
            .Select(group => new ChangeGroup(
                group.Key.Principal,
                group.Key.EventName,
                group.Count(),
                group.Count(change => change.Event.ErrorCode is not null),
                group.Max(change => change.Event.Time)))
            .OrderByDescending(group => group.Last)
            .ToList();
        var shown = changes
            .OrderByDescending(change => change.Event.Time)
            .Take(latest)
            .Reverse()
            .Select(change => new ResourceChange(
                change.Event.Time,
                change.Event.EventName,
                change.Event.Principal,
                change.Event.ErrorCode,
                change.Parameters is { Length: > 0 } text && text.Length > maxParameterChars ? text[..maxParameterChars] + "…" : change.Parameters))
            .ToList();
        return new ResourceChanges(resource, window.Start, window.End, Describe(changes, groups), groups, shown, complete);
    }

    private static string Describe(IReadOnlyList<(TrailEvent Event, string? Parameters)> changes, IReadOnlyList<ChangeGroup> groups)
    {
        if (changes.Count == 0)
        {
            return "No changes in the window.";
        }

        var failed = changes.Where(change => change.Event.ErrorCode is not null).ToList();
        var principals = groups.Select(group => group.Principal).Distinct().Count();
        var text = string.Create(CultureInfo.InvariantCulture, $"{changes.Count} change(s) by {principals} principal(s)");
        return failed.Count == 0
            ? text + "; none failed."
            : text + $"; {failed.Count} failed: " + string.Join(", ", failed.Take(5).Select(change => $"{change.Event.EventName} by {change.Event.Principal} ({change.Event.ErrorCode})")) + ".";
    }
}
