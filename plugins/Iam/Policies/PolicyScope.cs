namespace AwsMcp.Iam.Policies;

/// <summary>Which managed policies to list.</summary>
public enum PolicyScope
{
    /// <summary>Customer managed: the policies this account wrote.</summary>
    Local,

    /// <summary>AWS managed policies.</summary>
    Aws,

    /// <summary>Both.</summary>
    All,
}
