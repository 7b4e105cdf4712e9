using System.Globalization;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Aws.Tests.Tools;

/// <summary>
/// An AWS list of the numbers 0 to count-1 whose tokens are offsets. <paramref name="answersAtMost"/> makes it answer
/// fewer items than asked, as AWS may while it is still searching.
/// </summary>
internal sealed class FakeAwsList(int count, int answersAtMost = int.MaxValue)
{
    public List<(string? Token, int PageSize)> Requests { get; } = [];

    public Task<AwsPage<int>> FetchAsync(string? token, int pageSize)
    {
        Requests.Add((token, pageSize));
        var start = token is null ? 0 : int.Parse(token, CultureInfo.InvariantCulture);
        var end = Math.Min(count, start + Math.Min(pageSize, answersAtMost));
        var next = end < count ? end.ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new AwsPage<int>([.. Enumerable.Range(start, end - start)], next));
    }
}
