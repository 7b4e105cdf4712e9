namespace AwsMcp.Compute.Lambda;

/// <summary>The rest of a function's configuration.</summary>
/// <param name="Arn">The function ARN.</param>
/// <param name="Description">Its description.</param>
/// <param name="Handler">The handler.</param>
/// <param name="Role">The execution role ARN.</param>
/// <param name="CodeSizeBytes">Deployment package size.</param>
/// <param name="PackageType">Zip or Image.</param>
/// <param name="Architectures">x86_64 and/or arm64.</param>
/// <param name="State">Active, Pending, Inactive or Failed.</param>
/// <param name="LastUpdateStatus">Successful, InProgress or Failed.</param>
/// <param name="LogGroup">The CloudWatch Logs group it writes to.</param>
/// <param name="Environment">Environment variable names; every value is shown as [redacted].</param>
/// <param name="Tags">Its tags (get_lambda_function only).</param>
public sealed record LambdaFunctionDetails(
    string? Arn,
    string? Description,
    string? Handler,
    string? Role,
    long? CodeSizeBytes,
    string? PackageType,
    IReadOnlyList<string> Architectures,
    string? State,
    string? LastUpdateStatus,
    string? LogGroup,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string>? Tags);
