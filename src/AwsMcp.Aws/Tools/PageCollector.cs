namespace AwsMcp.Aws.Tools;

/// <summary>
/// Fills one tool page from as many AWS pages as it takes (AWS may return fewer items than asked, or none while it is
/// still searching), so that <c>limit</c> means what it says and a caller never gets a silently short list. The
/// number of AWS requests per tool call is bounded; what is left is reached through the returned token. A page can
/// also be bounded by size, so that bulky items (log messages) end the page early instead of overflowing the host's
/// output cap.
/// </summary>
public static class PageCollector
{
    /// <summary>How many AWS requests one tool call may make to fill its page.</summary>
    public const int MaxRequestsPerPage = 10;

    /// <param name="nextToken">The caller's <c>next_token</c>.</param>
    /// <param name="limit">Items wanted.</param>
    /// <param name="pageSize">AWS's accepted page sizes (e.g. EC2 DescribeInstances: 5 to 1000).</param>
    /// <param name="fetch">Fetches the AWS page at a token (null for the first) with a page size within <paramref name="pageSize"/>.</param>
    /// <param name="scope">What the returned tokens carry for the next pages (see <see cref="ToolPageToken.Scope"/>); it must not contain '|'.</param>
    /// <param name="budget">The size of each item and the most a page may hold (it always holds at least one item).</param>
    public static async Task<ToolPage<T>> CollectAsync<T>(
        string? nextToken,
        int limit,
        (int Min, int Max) pageSize,
        Func<string?, int, Task<AwsPage<T>>> fetch,
        string? scope = null,
        (Func<T, int> SizeOf, int MaxTotal)? budget = null)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var position = ToolPageToken.Parse(nextToken);
        var (awsToken, skip) = (position.AwsToken, position.Skip);
        var items = new List<T>(limit);
        var used = 0;
        for (var request = 0; request < MaxRequestsPerPage; request++)
        {
            var page = await fetch(awsToken, Math.Clamp(limit - items.Count + skip, pageSize.Min, pageSize.Max));
            var unseen = page.Items.Skip(skip).ToList();
            var taken = 0;
            foreach (var item in unseen)
            {
                var size = budget?.SizeOf(item) ?? 0;
                if (items.Count >= limit || (items.Count > 0 && budget is { } bound && used + size > bound.MaxTotal))
                {
                    break;
                }

                items.Add(item);
                used += size;
                taken++;
            }

            if (taken < unseen.Count)
            {
                return new ToolPage<T>(items, new ToolPageToken(awsToken, skip + taken, scope).Encode());
            }

            (awsToken, skip) = (page.NextToken, 0);
            if (awsToken is null || items.Count >= limit)
            {
                break;
            }
        }

        return new ToolPage<T>(items, awsToken is null ? null : new ToolPageToken(awsToken, 0, scope).Encode());
    }
}
