using AwsMcp.Aws.Tools;

namespace AwsMcp.Aws.Tests.Tools;

public sealed class PageCollectorTests
{
    [Fact]
    public async Task A_page_ending_mid_aws_page_continues_with_the_rest_of_it()
    {
        // EC2-like: AWS answers at least 5 items, the caller wants 3.
        var aws = new FakeAwsList(count: 8);

        var first = await PageCollector.CollectAsync<int>(null, 3, (5, 1000), aws.FetchAsync);
        var second = await PageCollector.CollectAsync<int>(first.NextToken, 3, (5, 1000), aws.FetchAsync);
        var third = await PageCollector.CollectAsync<int>(second.NextToken, 3, (5, 1000), aws.FetchAsync);

        Assert.Equal([0, 1, 2], first.Items);
        Assert.True(first.HasMore);
        Assert.Equal(new ToolPageToken(null, 3), ToolPageToken.Parse(first.NextToken));
        Assert.Equal([3, 4, 5], second.Items);
        Assert.Equal([6, 7], third.Items);
        Assert.False(third.HasMore);
        // Asking again for the skipped items too, so that the page can still be filled.
        Assert.Equal(((string?)null, 6), aws.Requests[1]);
    }

    [Fact]
    public async Task Short_aws_pages_are_followed_until_the_limit_is_reached()
    {
        var aws = new FakeAwsList(count: 20, answersAtMost: 2);

        var page = await PageCollector.CollectAsync<int>(null, 5, (1, 100), aws.FetchAsync);

        Assert.Equal([0, 1, 2, 3, 4], page.Items);
        Assert.True(page.HasMore);
        Assert.Equal(3, aws.Requests.Count);
    }

    [Fact]
    public async Task Requests_per_page_are_bounded_and_the_token_leads_on()
    {
        var aws = new FakeAwsList(count: 100, answersAtMost: 1);

        var page = await PageCollector.CollectAsync<int>(null, 50, (1, 100), aws.FetchAsync);
        var next = await PageCollector.CollectAsync<int>(page.NextToken, 1, (1, 100), aws.FetchAsync);

        Assert.Equal(PageCollector.MaxRequestsPerPage, page.Items.Count);
        Assert.Equal([PageCollector.MaxRequestsPerPage], next.Items);
    }

    [Fact]
    public async Task A_size_budget_ends_the_page_early_but_keeps_one_item()
    {
        var aws = new FakeAwsList(count: 6);

        var page = await PageCollector.CollectAsync<int>(null, 6, (1, 100), aws.FetchAsync, budget: (_ => 40, 100));
        var oversized = await PageCollector.CollectAsync<int>(null, 6, (1, 100), aws.FetchAsync, budget: (_ => 500, 100));

        Assert.Equal([0, 1], page.Items);
        Assert.Equal([2], (await PageCollector.CollectAsync<int>(page.NextToken, 1, (1, 100), aws.FetchAsync)).Items);
        Assert.Equal([0], oversized.Items);
    }

    [Fact]
    public async Task The_scope_travels_with_every_token()
    {
        var aws = new FakeAwsList(count: 4);

        var page = await PageCollector.CollectAsync<int>(null, 3, (1, 2), aws.FetchAsync, scope: "window");

        Assert.Equal([0, 1, 2], page.Items);
        Assert.Equal(new ToolPageToken("3", 0, "window"), ToolPageToken.Parse(page.NextToken));
    }
}
