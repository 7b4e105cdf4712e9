using System.Collections.Concurrent;
using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Tests.McpSurface;

/// <summary>
/// The way back to the client during a call (<c>ToolContext.Client</c>) through the real host: log messages and
/// progress, questions to the user and to the client's model in a session; progress on a stateless stream; and what a
/// client that cannot be asked gets instead.
/// </summary>
public sealed class ClientChannelTests(ConformanceServerFixture fixture) : IClassFixture<ConformanceServerFixture>
{
    private static readonly string[] Steps = ["Tool execution started", "Tool processing data", "Tool execution completed"];

#pragma warning disable MCP9005 // logging is deprecated from the 2026-07-28 draft on; the session here speaks 2025-11-25
    [Fact]
    public async Task Log_messages_reach_a_client_that_set_a_level_and_no_other()
    {
        var messages = new ConcurrentQueue<LoggingMessageNotificationParams>();
        await using var client = await fixture.ConnectAsync(new McpClientHandlers
        {
            NotificationHandlers =
            [
                new(NotificationMethods.LoggingMessageNotification, (notification, _) =>
                {
                    messages.Enqueue(notification.Params.Deserialize<LoggingMessageNotificationParams>(McpJsonUtilities.DefaultOptions)!);
                    return ValueTask.CompletedTask;
                }),
            ],
        });

        await client.CallToolAsync("test_tool_with_logging", new Dictionary<string, object?>());
        Assert.Empty(messages);

        await client.SetLoggingLevelAsync(LoggingLevel.Debug);
        await client.CallToolAsync("test_tool_with_logging", new Dictionary<string, object?>());

        Assert.Equal(Steps, messages.Select(m => m.Data.GetString()));
        Assert.All(messages, m => Assert.Equal(LoggingLevel.Info, m.Level));

        await client.SetLoggingLevelAsync(LoggingLevel.Warning);
        await client.CallToolAsync("test_tool_with_logging", new Dictionary<string, object?>());
        Assert.Equal(3, messages.Count);
    }
#pragma warning restore MCP9005

    [Fact]
    public async Task Progress_reaches_a_session_client_that_asked_for_it()
    {
        await using var client = await fixture.ConnectAsync();
        var reports = new ConcurrentQueue<ProgressNotificationValue>();

        var result = await client.CallToolAsync(
            "test_tool_with_progress", new Dictionary<string, object?>(), new SynchronousProgress(reports.Enqueue));

        Assert.NotEqual(true, result.IsError);
        Assert.Equal([0f, 50f, 100f], reports.Select(r => r.Progress));
        Assert.All(reports, r => Assert.Equal(100f, r.Total));
    }

    [Fact]
    public async Task A_stateless_call_streams_its_progress_before_the_result()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"test_tool_with_progress","arguments":{},"_meta":{"progressToken":"p-1"}}}""",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");

        using var response = await fixture.Server.Http.SendAsync(request);
        var events = (await response.Content.ReadAsStringAsync())
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => JsonDocument.Parse(e.Split("data: ", 2)[1]).RootElement)
            .ToList();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(4, events.Count);
        Assert.All(events.Take(3), e => Assert.Equal("p-1", e.GetProperty("params").GetProperty("progressToken").GetString()));
        Assert.Equal([0d, 50d, 100d], events.Take(3).Select(e => e.GetProperty("params").GetProperty("progress").GetDouble()));
        Assert.Equal(7, events[3].GetProperty("id").GetInt32());
        Assert.Equal("Progress test completed.", events[3].GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_tool_asks_the_user_and_the_clients_model_in_a_session()
    {
        ElicitRequestParams? asked = null;
#pragma warning disable MCP9005 // sampling is deprecated from the 2026-07-28 draft on; the session here speaks 2025-11-25
        await using var client = await fixture.ConnectAsync(new McpClientHandlers
        {
            ElicitationHandler = (request, _) =>
            {
                asked = request;
                return ValueTask.FromResult(new ElicitResult
                {
                    Action = "accept",
                    Content = new Dictionary<string, JsonElement> { ["username"] = JsonSerializer.SerializeToElement("testuser"), ["email"] = JsonSerializer.SerializeToElement("t@example.com") },
                });
            },
            SamplingHandler = (request, _, _) => ValueTask.FromResult(new CreateMessageResult
            {
                Model = "test-model",
                Role = Role.Assistant,
                Content = [new TextContentBlock { Text = $"echo: {((TextContentBlock)request!.Messages[0].Content[0]).Text} ({request.MaxTokens})" }],
            }),
        });
#pragma warning restore MCP9005

        var elicited = await client.CallToolAsync("test_elicitation", new Dictionary<string, object?> { ["message"] = "Who are you?" });
        var sampled = await client.CallToolAsync("test_sampling", new Dictionary<string, object?> { ["prompt"] = "Say hi" });

        Assert.Equal("Who are you?", asked!.Message);
        Assert.Equal(["username", "email"], asked.RequestedSchema!.Required);
        Assert.Contains("action=accept", ((TextContentBlock)elicited.Content[0]).Text);
        Assert.Contains("testuser", ((TextContentBlock)elicited.Content[0]).Text);
        Assert.Equal("LLM response: echo: Say hi (100)", ((TextContentBlock)sampled.Content[0]).Text);
    }

    [Fact]
    public async Task A_client_that_cannot_be_asked_gets_an_error_that_says_so()
    {
        await using var client = await fixture.ConnectAsync();

        var result = await client.CallToolAsync("test_elicitation", new Dictionary<string, object?> { ["message"] = "Who are you?" });

        Assert.True(result.IsError);
        Assert.Contains("cannot be asked", ((TextContentBlock)result.Content[0]).Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_destructive_call_is_confirmed_by_the_user_when_the_client_can_be_asked(bool confirm)
    {
        string? question = null;
        await using var client = await fixture.ConnectAsync(new McpClientHandlers
        {
            ElicitationHandler = (request, _) =>
            {
                question = request!.Message;
                return ValueTask.FromResult(new ElicitResult
                {
                    Action = "accept",
                    Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(confirm) },
                });
            },
        });
        var target = $"thing-{confirm}";

        var result = await client.CallToolAsync("test_destructive_change", new Dictionary<string, object?> { ["target"] = target });

        Assert.Contains("test_destructive_change", question);
        Assert.Contains(target, question);
        var record = fixture.Server.Audit.Records.Last(r => r.Tool == "test_destructive_change" && r.Arguments?.Contains(target, StringComparison.Ordinal) == true);
        if (confirm)
        {
            Assert.NotEqual(true, result.IsError);
            Assert.Equal($"Deleted {target} (nothing real was changed).", ((TextContentBlock)result.Content[0]).Text);
            Assert.EndsWith("+confirmed-by-user", record.PolicyRule);
        }
        else
        {
            Assert.True(result.IsError);
            Assert.Contains("did not confirm", ((TextContentBlock)result.Content[0]).Text);
            Assert.Equal(ToolCallOutcome.Refused, record.Outcome);
        }
    }

    [Fact]
    public async Task A_client_without_elicitation_gets_the_confirmation_token_instead()
    {
        await using var client = await fixture.ConnectAsync();

        var plan = await client.CallToolAsync("test_destructive_change", new Dictionary<string, object?> { ["target"] = "thing-token" });

        Assert.Contains("confirmation_token", ((TextContentBlock)plan.Content[0]).Text);
        Assert.DoesNotContain(fixture.Server.Audit.Records, r => r.Tool == "test_destructive_change" && r.Outcome == ToolCallOutcome.Succeeded && r.Arguments?.Contains("thing-token", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Content_blocks_reach_stateless_and_session_clients_alike()
    {
        await using var session = await fixture.ConnectAsync();
        await using var stateless = await fixture.Server.ConnectAsync("2025-06-18");

        foreach (var client in new[] { session, stateless })
        {
            var mixed = await client.CallToolAsync("test_multiple_content_types", new Dictionary<string, object?>());
            var audio = Assert.IsType<AudioContentBlock>(Assert.Single((await client.CallToolAsync("test_audio_content", new Dictionary<string, object?>())).Content));

            Assert.Equal(["text", "image", "resource", "resource_link"], mixed.Content.Select(c => c.Type));
            Assert.Equal("test://mixed-content-resource", ((EmbeddedResourceBlock)mixed.Content[2]).Resource.Uri);
            Assert.Equal("audio/wav", audio.MimeType);
            Assert.Equal("RIFF"u8.ToArray(), audio.DecodedData.ToArray()[..4]);
        }
    }
}
