namespace AwsMcp.Aws.Tools;

/// <summary>
/// The paging convention every list tool follows: <c>limit</c> (default <see cref="DefaultLimit"/>, at most
/// <see cref="MaxLimit"/>) and <c>next_token</c> in; <c>items</c>, <c>next_token</c> and <c>has_more</c> out.
/// Constants so that <c>[Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit</c> reads the same everywhere.
/// Their <c>&lt;param&gt;</c> docs stay empty: the names, bounds and default say it all, and every word of a parameter's
/// description is in a model's context on every turn.
/// </summary>
public static class ToolPaging
{
    public const int DefaultLimit = 50;

    /// <summary>The hard cap: a page larger than this does not fit a model's context usefully.</summary>
    public const int MaxLimit = 200;

    /// <summary>The most values a <c>[Completion]</c> provider lists: MCP's cap on one completion answer.</summary>
    public const int MaxCompletionValues = 100;
}
