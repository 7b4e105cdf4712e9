namespace AwsMcp.Abstractions;

/// <summary>
/// A tool call whose arguments have been checked and bound, once, by the tool's <see cref="ToolBinder"/>: what the
/// host needs before the tool runs (its target, the resources it acts on, how many) and the call itself. Generated
/// for every <c>[Tool]</c> method; the host makes one for hand-built descriptors.
/// </summary>
public abstract class BoundToolCall
{
    protected BoundToolCall(string? region, string? account)
    {
        Region = region;
        Account = account;
    }

    /// <summary>The region the caller asked for, or null when it asked for none (the host applies its default).</summary>
    public string? Region { get; }

    /// <summary>The configured account the caller asked for, or null for the server's own account.</summary>
    public string? Account { get; }

    /// <summary>
    /// The regions a fan-out call asked for (<c>regions</c>: names, or <c>all</c> alone); empty when it sent none
    /// (then <see cref="Region"/> is its one region, or none).
    /// </summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>The accounts a fan-out call asked for (<c>accounts</c>: names, or <c>*</c> alone); empty when it sent none.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>True when the call asked for a list of regions or accounts: the host fans it out.</summary>
    public bool FansOut => Regions.Count > 0 || Accounts.Count > 0;

    /// <summary>The resources the call acts on, from the arguments declared with <see cref="TargetResourceAttribute"/>.</summary>
    public virtual IReadOnlyList<string> Resources => [];

    /// <summary>How many resources the call creates or changes: one per resource named plus every declared count.</summary>
    public virtual int ResourceCount => Resources.Count;

    /// <summary>True when the call only checks and changes nothing (its <see cref="DryRunAttribute"/> argument is true).</summary>
    public virtual bool IsDryRun => false;

    /// <summary>
    /// The page size the call asked for, or the tool's default (its <see cref="PageSizeAttribute"/> argument); null
    /// when the tool has none. A fan-out call shares it among its targets.
    /// </summary>
    public virtual int? PageSize => null;

    /// <summary>True when <see cref="LocateRegionAsync"/> finds the region the call acts in.</summary>
    public virtual bool LocatesRegion => false;

    /// <summary>The region the call really acts in (read-only AWS requests allowed); only when <see cref="LocatesRegion"/>.</summary>
    public virtual ValueTask<string> LocateRegionAsync(ToolContext context) =>
        throw new NotSupportedException("This tool does not locate its region.");

    /// <summary>Runs the tool with the bound arguments.</summary>
    public abstract ValueTask<ToolResult> InvokeAsync(ToolContext context, CancellationToken cancellationToken);
}
