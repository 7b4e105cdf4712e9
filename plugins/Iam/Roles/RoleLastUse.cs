namespace AwsMcp.Iam.Roles;

/// <summary>When and where a role was last assumed.</summary>
/// <param name="DaysAgo">Whole days since then.</param>
public sealed record RoleLastUse(DateTimeOffset Date, string? Region, int DaysAgo);
