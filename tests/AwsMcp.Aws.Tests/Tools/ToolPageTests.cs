using AwsMcp.Aws.Tools;

namespace AwsMcp.Aws.Tests.Tools;

public sealed class ToolPageTests
{
    [Theory]
    [InlineData("next", true)]
    [InlineData(null, false)]
    public void Map_converts_the_items_and_keeps_the_token(string? nextToken, bool hasMore)
    {
        var page = new ToolPage<int>([1, 2], nextToken).Map(item => item.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["1", "2"], page.Items);
        Assert.Equal(nextToken, page.NextToken);
        Assert.Equal(hasMore, page.HasMore);
    }
}
