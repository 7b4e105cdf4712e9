namespace AwsMcp.Aws.Tools;

/// <summary>
/// A page as a list tool returns it (the <see cref="ToolPaging"/> convention): at most <c>limit</c> items and the
/// <c>next_token</c> to continue (null when there is no more), so that <c>has_more</c> always agrees with the token.
/// </summary>
public sealed record ToolPage<T>(IReadOnlyList<T> Items, string? NextToken)
{
    public bool HasMore => NextToken is not null;
}
