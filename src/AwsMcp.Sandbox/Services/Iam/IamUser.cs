namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>A seeded IAM user with its console password (login profile), MFA devices and access keys.</summary>
public sealed class IamUser
{
    public required string Account { get; init; }

    public required string Name { get; init; }

    public string Path { get; init; } = "/";

    public required DateTimeOffset CreateDate { get; init; }

    /// <summary>When the console password was created; null when the user has no console access.</summary>
    public DateTimeOffset? LoginProfileCreated { get; init; }

    public DateTimeOffset? PasswordLastUsed { get; init; }

    public IReadOnlyList<DateTimeOffset> MfaEnabledDates { get; init; } = [];

    public IReadOnlyList<IamAccessKey> AccessKeys { get; init; } = [];

    public IReadOnlyList<string> AttachedPolicyArns { get; init; } = [];

    public IReadOnlyDictionary<string, PolicyDocument> InlinePolicies { get; init; } = new Dictionary<string, PolicyDocument>();

    public string Arn => $"arn:aws:iam::{Account}:user{Path}{Name}";

    public string UserId => Shared.SeedIds.Of("AIDA", Arn, 21);

    public string MfaSerial(int index) => $"arn:aws:iam::{Account}:mfa/{Name}{(index == 0 ? string.Empty : $"-{index + 1}")}";
}
