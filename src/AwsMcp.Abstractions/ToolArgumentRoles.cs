namespace AwsMcp.Abstractions;

/// <summary>
/// What the host needs to know about a tool's arguments, declared rather than guessed from their names: which ones
/// choose the AWS target, which name the resources acted on, which count them, which narrow the result and which makes
/// a call a dry run. The generator emits it from <see cref="AwsTargetAttribute"/>, <see cref="TargetResourceAttribute"/>,
/// <see cref="ResourceCountAttribute"/>, <see cref="NarrowsAttribute"/>, <see cref="DryRunAttribute"/> and
/// <see cref="PageTokenAttribute"/>, <see cref="PageSizeAttribute"/> and <see cref="AwsTargetAttribute.FanOut"/>; a hand-built descriptor sets it itself.
/// </summary>
public sealed record ToolArgumentRoles
{
    // Before None: static fields initialise in order, and None's Completions reads it.
    private static readonly IReadOnlyDictionary<string, string> EmptyCompletions = new Dictionary<string, string>();

    /// <summary>A tool with none of these roles.</summary>
    public static ToolArgumentRoles None { get; } = new();

    /// <summary>The argument that chooses the region (<c>region</c>), or null when the caller cannot choose it.</summary>
    public string? Region { get; init; }

    /// <summary>The argument that chooses a configured account (<c>account</c>), or null when the caller cannot choose it.</summary>
    public string? Account { get; init; }

    /// <summary>
    /// The argument that lists the regions of a fan-out call (<c>regions</c>, <see cref="AwsTargetAttribute.FanOut"/>),
    /// or null. Such a tool also accepts a single <c>region</c> string, which is not in its schema.
    /// </summary>
    public string? Regions { get; init; }

    /// <summary>The argument that lists the accounts of a fan-out call (<c>accounts</c>), or null; a single <c>account</c> is accepted too.</summary>
    public string? Accounts { get; init; }

    /// <summary>True when a call may ask several targets (<see cref="Regions"/> or <see cref="Accounts"/> is declared).</summary>
    public bool FansOut => Regions is not null || Accounts is not null;

    /// <summary>The result's list of items, which a fan-out call merges (<c>items</c> of a <c>ToolPage&lt;T&gt;</c>), or null.</summary>
    public string? PageItems { get; init; }

    /// <summary>The integer argument that bounds a page (<see cref="PageSizeAttribute"/>), or null.</summary>
    public string? PageSize { get; init; }

    /// <summary>True when the tool finds the region it acts in itself (see <see cref="AwsTargetAttribute.RegionLocator"/>).</summary>
    public bool LocatesRegion { get; init; }

    /// <summary>Arguments that name the resources acted on (strings, or arrays of strings).</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>Integer arguments that say how many resources a call creates or changes.</summary>
    public IReadOnlyList<string> Counts { get; init; } = [];

    /// <summary>Arguments that narrow or page the result.</summary>
    public IReadOnlyList<string> Narrowing { get; init; } = [];

    /// <summary>The <c>bool</c> argument that makes a call a dry run (<see cref="DryRunAttribute"/>), or null.</summary>
    public string? DryRun { get; init; }

    /// <summary>
    /// The argument that continues a listing, also the name of the result's property with the next token
    /// (<see cref="PageTokenAttribute"/>), or null.
    /// </summary>
    public string? PageToken { get; init; }

    /// <summary>Where <c>completion/complete</c> finds values, by argument (<c>[Complete]</c>): a pack's <c>[Completion]</c> source or one of <see cref="CompletionSources"/>.</summary>
    public IReadOnlyDictionary<string, string> Completions { get; init; } = EmptyCompletions;
}
