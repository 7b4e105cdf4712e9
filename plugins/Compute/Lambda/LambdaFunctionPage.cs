namespace AwsMcp.Compute.Lambda;

/// <summary>One page of functions.</summary>
/// <param name="Items">The functions on this page.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">True when there are more functions than this page holds.</param>
public sealed record LambdaFunctionPage(IReadOnlyList<LambdaFunction> Items, string? NextToken, bool HasMore);
