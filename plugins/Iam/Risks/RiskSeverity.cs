namespace AwsMcp.Iam.Risks;

/// <summary>How urgently a finding needs attention.</summary>
public enum RiskSeverity
{
    /// <summary>Exploitable from outside the account now.</summary>
    Critical,

    /// <summary>A likely path to compromise or to excessive access.</summary>
    High,

    /// <summary>Weakens the account's hygiene; fix in the normal course of work.</summary>
    Medium,

    /// <summary>Latent: harmless until someone uses it.</summary>
    Low,
}
