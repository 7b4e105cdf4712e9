namespace AwsMcp.Compute.Lambda;

/// <summary>A Lambda function: the compact projection, plus <see cref="Details"/> when full records were asked for.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Runtime">e.g. python3.12 (absent for container images).</param>
/// <param name="MemoryMb">Memory in MB.</param>
/// <param name="TimeoutSeconds">Timeout in seconds.</param>
/// <param name="LastModified">When its code or configuration last changed (UTC).</param>
/// <param name="Details">The full configuration (detail=true, and always from get_lambda_function). Environment values are redacted.</param>
public sealed record LambdaFunction(string Name, string? Runtime, int? MemoryMb, int? TimeoutSeconds, DateTimeOffset? LastModified, LambdaFunctionDetails? Details);
