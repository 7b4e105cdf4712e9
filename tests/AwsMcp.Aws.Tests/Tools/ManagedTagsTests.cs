using AwsMcp.Abstractions;
using AwsMcp.Aws.Tests.Support;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Aws.Tests.Tools;

public sealed class ManagedTagsTests
{
    [Fact]
    public void The_callers_tags_get_the_servers_own()
    {
        var tags = ManagedTags.With(new Dictionary<string, string> { ["team"] = "web" }, ToolContexts.For(callerId: "alice"));

        Assert.Equal("web", tags["team"]);
        Assert.Equal("alice", tags[ManagedTags.CreatedBy]);
        Assert.Equal(ManagedTags.ManagedByValue, tags[ManagedTags.ManagedBy]);
    }

    [Theory]
    [InlineData(ManagedTags.CreatedBy)]
    [InlineData("aws:cloudformation:stack-name")]
    [InlineData("")]
    public void Reserved_or_malformed_keys_are_refused(string key)
    {
        var error = Assert.Throws<ToolArgumentException>(() =>
            ManagedTags.With(new Dictionary<string, string> { [key] = "x" }, ToolContexts.For(), "resource_tags"));

        Assert.Equal($"resource_tags.{key}", error.Path);
    }
}
