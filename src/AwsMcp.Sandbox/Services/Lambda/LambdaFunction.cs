using AwsMcp.Sandbox.Services.Shared;

namespace AwsMcp.Sandbox.Services.Lambda;

/// <summary>A seeded function ($LATEST only) and how it answers Invoke.</summary>
/// <param name="ReservedConcurrency">0 makes every invocation fail with TooManyRequestsException, as a real throttled function does.</param>
public sealed record LambdaFunction(
    string Account,
    string Region,
    string Name,
    string Runtime,
    string Handler,
    int MemorySize,
    int Timeout,
    string Description,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Environment,
    InvokeBehavior Behavior,
    int? ReservedConcurrency = null)
{
    public string Arn => $"arn:aws:lambda:{Region}:{Account}:function:{Name}";

    public string RoleArn => $"arn:aws:iam::{Account}:role/service-role/lambda-{Name}";

    public long CodeSize => 4096 + (SeedIds.Hex(Arn, 4)[0] * 1000L);

    public string CodeSha256 => SeedIds.Base64Hash(Arn + LastModified.ToUnixTimeSeconds());

    public string RevisionId => new Guid(SeedIds.Hex(Arn + "revision", 32)).ToString();

    public string LogGroupName => $"/aws/lambda/{Name}";
}
