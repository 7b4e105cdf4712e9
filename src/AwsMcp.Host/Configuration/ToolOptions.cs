namespace AwsMcp.Host.Configuration;

/// <summary>Which tools are served and how their results are bounded (<c>AwsMcp:Tools</c>).</summary>
public sealed class ToolOptions : IValidatableOptions
{
    public static string Section => ConfigurationSections.Tools;

    /// <summary>Serve tools that change AWS resources. Off by default: such tools are hidden and refused.</summary>
    public bool WritesEnabled { get; set; }

    /// <summary>
    /// Toolsets served (<c>ec2</c>, <c>lambda</c>, <c>logs</c>, <c>cloudwatch</c>, <c>s3</c>, <c>cost</c>, <c>budgets</c>,
    /// <c>iam</c>, <c>cloudtrail</c>, or a pack's own); empty means all. Tools of other toolsets are neither listed nor callable.
    /// </summary>
    public List<string> Toolsets { get; set; } = [];

    /// <summary>
    /// Serve the toolsets on demand: a caller starts with <c>list_toolsets</c> and <c>enable_toolset</c> and sees (and
    /// may call) only the tools of the toolsets it enabled.
    /// </summary>
    public bool DynamicToolsets { get; set; }

    /// <summary>Tool-name globs (<c>*</c>, <c>?</c>) that may be served; empty means all.</summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>
    /// Accept the Python prototype's tool names whose AwsMcp tool was renamed (<c>terminate_ec2_instance</c>), with its
    /// argument names; they run the AwsMcp tool through the same policy, confirmation and audit, and are never listed.
    /// </summary>
    public bool PrototypeAliases { get; set; }

    /// <summary>Tool-name globs that are never served; wins over <see cref="Allow"/>.</summary>
    public List<string> Deny { get; set; } = [];

    /// <summary>
    /// Largest result (text plus structured JSON, UTF-8 bytes) returned to a client. Copilot Studio rejects responses
    /// over 500 KB and models choke long before that, so the default is 60 KB.
    /// </summary>
    public int MaxOutputBytes { get; set; } = 60 * 1024;

    public IEnumerable<string> Validate()
    {
        if (MaxOutputBytes is < 1024 or > 10 * 1024 * 1024)
        {
            yield return $"MaxOutputBytes must be between 1024 and 10485760 (was {MaxOutputBytes}).";
        }

        foreach (var glob in Allow.Concat(Deny).Where(g => string.IsNullOrWhiteSpace(g)))
        {
            yield return $"Allow/Deny entries must be tool names or globs, not '{glob}'.";
        }
    }
}
