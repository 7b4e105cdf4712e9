namespace TagCompliance;

/// <summary>The result of a tag-compliance check of one region.</summary>
/// <param name="Region">The region checked.</param>
/// <param name="RequiredTags">The tag keys every instance must have.</param>
/// <param name="Checked">How many instances were checked (terminated ones are skipped).</param>
/// <param name="NonCompliantCount">How many of them miss at least one required tag.</param>
/// <param name="NonCompliant">The non-compliant instances, at most 'limit' of them.</param>
/// <param name="Truncated">True when more instances are non-compliant than listed.</param>
public sealed record TagComplianceReport(
    string Region,
    IReadOnlyList<string> RequiredTags,
    int Checked,
    int NonCompliantCount,
    IReadOnlyList<NonCompliantInstance> NonCompliant,
    bool Truncated);
