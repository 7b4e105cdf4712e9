namespace AwsMcp.Iam.Risks;

/// <summary>What was found.</summary>
public enum RiskKind
{
    /// <summary>A user who can sign in to the console has no MFA device.</summary>
    ConsoleUserWithoutMfa,

    /// <summary>An active access key is older than the allowed age.</summary>
    OldAccessKey,

    /// <summary>A role's trust policy lets any principal (<c>*</c>) assume it.</summary>
    RoleTrustsAnyone,

    /// <summary>A customer managed policy allows <c>Action:*</c> on <c>Resource:*</c>.</summary>
    PolicyAllowsEverything,
}
