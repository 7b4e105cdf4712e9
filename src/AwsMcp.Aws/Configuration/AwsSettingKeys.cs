namespace AwsMcp.Aws.Configuration;

/// <summary>The configuration keys this library reads from <see cref="AwsMcp.Abstractions.ToolPackContext.Settings"/>.</summary>
public static class AwsSettingKeys
{
    public const string Region = "Aws:Region";
    public const string Profile = "Aws:Profile";
    public const string ServiceUrl = "Aws:ServiceUrl";
    public const string MaxErrorRetry = "Aws:MaxErrorRetry";
    public const string TimeoutSeconds = "Aws:TimeoutSeconds";

    /// <summary>Prefix of the named accounts: <c>Aws:Accounts:&lt;name&gt;:RoleArn</c> and siblings.</summary>
    public const string AccountsPrefix = "Aws:Accounts:";

    public const string AccountRoleArn = "RoleArn";
    public const string AccountRegion = "Region";
    public const string AccountExternalId = "ExternalId";
    public const string AccountSessionDurationSeconds = "SessionDurationSeconds";
}
