using AwsMcp.Aws.Accounts;

namespace AwsMcp.Aws.Tests.Accounts;

public sealed class CallerNamesTests
{
    [Theory]
    [InlineData("alice@example.com", "alice@example.com")]
    [InlineData("api-key:ci bot", "api-key-ci-bot")]
    [InlineData("aws:admin", "aws-admin")]
    [InlineData("x", "x-")]
    [InlineData("Zoë/ü", "Zo---")]
    public void Source_identity_keeps_allowed_characters(string callerId, string expected) =>
        Assert.Equal(expected, CallerNames.SourceIdentity(callerId));

    [Fact]
    public void Session_name_names_the_product_and_caller() =>
        Assert.Equal("awsmcp-local", CallerNames.RoleSessionName("local"));

    [Fact]
    public void Long_ids_are_cut_to_64_characters_and_stay_distinct()
    {
        var first = CallerNames.SourceIdentity(new string('a', 100) + "1");
        var second = CallerNames.SourceIdentity(new string('a', 100) + "2");

        Assert.Equal(64, first.Length);
        Assert.Equal(64, CallerNames.RoleSessionName(new string('b', 100)).Length);
        Assert.NotEqual(first, second);
        Assert.Matches("^[\\w+=,.@-]{2,64}$", first);
    }
}
