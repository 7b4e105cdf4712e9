namespace AwsMcp.Abstractions;

/// <summary>Completion sources the host answers itself, filtered by its policy.</summary>
public static class CompletionSources
{
    /// <summary>The regions the caller may use (the policy's allowed regions, else the AWS regions).</summary>
    public const string Regions = "regions";

    /// <summary>The configured account names the caller may use.</summary>
    public const string Accounts = "accounts";
}
