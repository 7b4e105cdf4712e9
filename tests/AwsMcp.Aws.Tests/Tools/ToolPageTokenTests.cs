using AwsMcp.Abstractions;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Aws.Tests.Tools;

public sealed class ToolPageTokenTests
{
    [Theory]
    [InlineData(null, 0, null)]
    [InlineData("aws|token/with=odd+chars", 7, "2026-01-01T00:00:00Z")]
    public void Tokens_round_trip(string? awsToken, int skip, string? scope)
    {
        var token = new ToolPageToken(awsToken, skip, scope);

        Assert.Equal(token, ToolPageToken.Parse(token.Encode()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_token_is_the_first_page(string? nextToken) =>
        Assert.Equal(ToolPageToken.First, ToolPageToken.Parse(nextToken));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("aGVsbG8")]
    public void A_foreign_token_names_the_argument(string nextToken)
    {
        var error = Assert.Throws<ToolArgumentException>(() => ToolPageToken.Parse(nextToken, "page_token"));

        Assert.Equal("page_token", error.Path);
    }
}
