namespace AwsMcp.Abstractions;

/// <summary>
/// Declares that a tool acts in one AWS region and account, and how the host learns which: the generator adds the
/// optional <c>region</c> and <c>account</c> arguments to the tool's input schema (the method does not declare
/// them), validates them, and the host resolves them with its defaults into <see cref="ToolContext.Region"/> and
/// <see cref="ToolContext.Account"/> before policy, confirmation and audit see the call. On a class, it applies to
/// every tool of the class; on a method, it replaces the class's declaration.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class AwsTargetAttribute : Attribute
{
    /// <summary>The caller may choose the region (<c>region</c> argument). False for tools whose requests always go to one place.</summary>
    public bool Region { get; set; } = true;

    /// <summary>The caller may choose a configured account (<c>account</c> argument).</summary>
    public bool Account { get; set; } = true;

    /// <summary>
    /// The name of a method of the same class that finds the region the call really acts in (an S3 bucket lives in
    /// its own region): it returns <c>Task&lt;string&gt;</c> or <c>ValueTask&lt;string&gt;</c> and takes the
    /// <see cref="ToolContext"/> and any of the tool's parameters by name. The host calls it, read-only, before
    /// authorising, planning or auditing the call, so all of them name the real region. A tool with a locator takes
    /// no <c>region</c> argument.
    /// </summary>
    public string? RegionLocator { get; set; }

    /// <summary>
    /// The tool lists: one call may ask several targets at once. The generator replaces <c>region</c> and <c>account</c>
    /// with <c>regions</c> (region names, or <c>["all"]</c>) and <c>accounts</c> (configured account names, or
    /// <c>["*"]</c>); a single <c>region</c> or <c>account</c> string is still accepted as a one-target call. The host
    /// expands the lists, authorises every target, calls the tool once per target (in parallel, bounded, each with its
    /// own timeout) and merges the pages into one, each item tagged with its region and account, with a report per
    /// target. Only for read-only tools that return a <c>ToolPage&lt;T&gt;</c> (AwsMcp.Aws.Tools) and declare their
    /// <see cref="PageTokenAttribute"/> and <see cref="PageSizeAttribute"/> arguments (AWSMCP032).
    /// </summary>
    public bool FanOut { get; set; }
}
