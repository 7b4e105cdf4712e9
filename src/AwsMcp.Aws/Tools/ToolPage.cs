using System.ComponentModel;

namespace AwsMcp.Aws.Tools;

/// <summary>
/// A page as a list tool returns it (the <see cref="ToolPaging"/> convention): at most <c>limit</c> items and the
/// <c>next_token</c> to continue (null when there is no more), so that <c>has_more</c> always agrees with the token.
/// Written as <c>items</c>, <c>next_token</c> (left out on the last page), <c>has_more</c>. The member descriptions
/// are attributes because the tool generator cannot read the XML docs of a referenced assembly.
/// </summary>
public sealed record ToolPage<T>(
    [property: Description("The items on this page.")] IReadOnlyList<T> Items,
    [property: Description("Pass as next_token for the next page; absent on the last page.")] string? NextToken)
{
    [Description("True when more items follow.")]
    public bool HasMore => NextToken is not null;

    /// <summary>The same page with each item converted, e.g. an AWS answer's items to the tool's summaries.</summary>
    public ToolPage<TResult> Map<TResult>(Func<T, TResult> convert) => new([.. Items.Select(convert)], NextToken);
}
