namespace AwsMcp.ToolPacks.Shared;

/// <summary>A page as a list tool returns it: at most <c>limit</c> items and the <c>next_token</c> to continue (null when there is no more).</summary>
internal sealed record ToolPage<T>(IReadOnlyList<T> Items, string? NextToken)
{
    public bool HasMore => NextToken is not null;
}
