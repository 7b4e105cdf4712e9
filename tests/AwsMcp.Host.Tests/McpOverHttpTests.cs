using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Tests;

/// <summary>The SDK's client against the real host over Streamable HTTP (stateless), at the protocol versions clients use.</summary>
public sealed class McpOverHttpTests(EchoServerFixture fixture) : IClassFixture<EchoServerFixture>
{
    private InProcessServer Server => fixture.Server;

    [Theory]
    [InlineData("2024-11-05")]
    [InlineData("2025-06-18")]
    [InlineData(null)]
    public async Task Negotiates_the_version_lists_read_only_tools_and_calls_one(string? version)
    {
        await using var client = await Server.ConnectAsync(version);

        Assert.Equal(version ?? "2026-07-28", client.NegotiatedProtocolVersion);
        Assert.Equal("awsmcp", client.ServerInfo!.Name);
        Assert.Contains("next_token", client.ServerInstructions);
        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.Contains("echo", tools);
        Assert.DoesNotContain("tag_thing", tools);
        Assert.DoesNotContain("delete_thing", tools);

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "hi", ["upper"] = true });
        Assert.NotEqual(true, result.IsError);
        Assert.Equal("HI", result.StructuredContent!.Value.GetProperty("echo").GetString());
        Assert.Contains("HI", Text(result));
    }

    [Fact]
    public async Task Tools_carry_annotations_and_schemas()
    {
        await using var client = await Server.ConnectAsync("2025-06-18");
        var echo = (await client.ListToolsAsync()).Single(t => t.Name == "echo").ProtocolTool;

        Assert.Equal("object", echo.InputSchema.GetProperty("type").GetString());
        Assert.NotNull(echo.OutputSchema);
        Assert.True(echo.Annotations!.ReadOnlyHint);
        Assert.False(echo.Annotations.OpenWorldHint);
    }

    [Fact]
    public async Task Schema_violations_are_tool_errors_naming_the_field()
    {
        await using var client = await Server.ConnectAsync("2025-06-18");

        var result = await client.CallToolAsync("describe_things", new Dictionary<string, object?> { ["thing_ids"] = new object[] { "a", 5 } });

        Assert.True(result.IsError);
        Assert.Contains("thing_ids[1]: expected a string", Text(result));
        var missing = await client.CallToolAsync("echo", new Dictionary<string, object?>());
        Assert.Contains("text: is required", Text(missing));
        Assert.Contains(Server.Audit.Records, r => r.Tool == "describe_things" && r.Outcome == ToolCallOutcome.InvalidArguments);
    }

    [Fact]
    public async Task Binder_argument_errors_name_the_field()
    {
        await using var client = await Server.ConnectAsync("2025-06-18");

        var result = await client.CallToolAsync("check_thing", new Dictionary<string, object?> { ["thing_id"] = "x-1" });

        Assert.True(result.IsError);
        Assert.Contains("'thing_id'", Text(result));
    }

    [Fact]
    public async Task Tool_exceptions_show_their_message_and_unexpected_ones_only_a_correlation_id()
    {
        await using var client = await Server.ConnectAsync("2025-06-18");

        var fail = await client.CallToolAsync("fail", new Dictionary<string, object?>());
        var crash = await client.CallToolAsync("crash", new Dictionary<string, object?>());

        Assert.True(fail.IsError);
        Assert.Equal("the thing is not empty; empty it first", Text(fail));
        Assert.True(crash.IsError);
        Assert.DoesNotContain("secret internal detail", Text(crash));
        var record = Server.Audit.Records.Last(r => r.Tool == "crash");
        Assert.Equal(ToolCallOutcome.Failed, record.Outcome);
        Assert.Contains(record.CorrelationId, Text(crash));
        Assert.Contains(Server.Logs.Lines, l => l.Message.Contains(record.CorrelationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Oversized_results_are_refused_with_how_to_narrow()
    {
        await using var client = await Server.ConnectAsync("2025-06-18");

        var result = await client.CallToolAsync("huge", new Dictionary<string, object?> { ["kilobytes"] = 8 });

        Assert.True(result.IsError);
        Assert.Contains("too large", Text(result));
        Assert.Contains("max_results", Text(result));
        var small = await client.CallToolAsync("huge", new Dictionary<string, object?> { ["kilobytes"] = 1 });
        Assert.NotEqual(true, small.IsError);
    }

    [Fact]
    public async Task Mutating_tools_are_refused_and_audited_while_writes_are_disabled()
    {
        await using var client = await Server.ConnectAsync("2025-06-18");

        var result = await client.CallToolAsync("tag_thing", new Dictionary<string, object?> { ["thing_id"] = "t-1" });

        Assert.True(result.IsError);
        Assert.Contains("read-only", Text(result));
        var record = Server.Audit.Records.Last(r => r.Tool == "tag_thing");
        Assert.False(record.Allowed);
        Assert.Equal("writes-disabled", record.PolicyRule);
        Assert.Equal(ToolCallOutcome.Refused, record.Outcome);
    }

    [Fact]
    public async Task Region_comes_from_the_argument_else_configuration_and_is_audited()
    {
        await using var client = await Server.ConnectAsync("2025-06-18");

        var configured = await client.CallToolAsync("describe_things", new Dictionary<string, object?> { ["thing_ids"] = new[] { "a" } });
        var explicitRegion = await client.CallToolAsync("describe_things", new Dictionary<string, object?> { ["thing_ids"] = new[] { "a" }, ["region"] = "ap-south-1" });

        Assert.Contains("in eu-west-1", Text(configured));
        Assert.Contains("in ap-south-1", Text(explicitRegion));
        var record = Server.Audit.Records.Last(r => r.Tool == "describe_things" && r.Region == "ap-south-1");
        Assert.Equal(ToolCallOutcome.Succeeded, record.Outcome);
        Assert.Equal("DescribeThings", Assert.Single(record.AwsRequests).Operation);
        Assert.Equal("local", record.CallerId);
    }

    [Fact]
    public async Task Cancelling_a_call_cancels_the_tool()
    {
        await using var client = await Server.ConnectAsync("2025-06-18");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await client.CallToolAsync("slow", new Dictionary<string, object?> { ["seconds"] = 30 }, cancellationToken: cancellation.Token));

        await Poll.UntilAsync(() => Server.Audit.Records.Any(r => r.Tool == "slow" && r.Outcome == ToolCallOutcome.Cancelled), "the slow tool to be cancelled");
        Assert.True(Server.Audit.Records.Single(r => r.Tool == "slow").Duration < TimeSpan.FromSeconds(10));
    }

    internal static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
