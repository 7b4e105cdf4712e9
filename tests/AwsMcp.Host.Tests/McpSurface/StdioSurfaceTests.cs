using System.Collections.Concurrent;
using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Tests.McpSurface;

/// <summary>The whole surface over stdio, the real <c>awsmcp</c> process with the fixture pack from a plugins folder.</summary>
public sealed class StdioSurfaceTests : IDisposable
{
    private readonly PluginFolder _plugins = new PluginFolder().WithConformance();

#pragma warning disable MCP9005 // logging is deprecated from the 2026-07-28 draft on; stdio here speaks 2025-11-25
    [Fact(Timeout = 180_000)]
    public async Task Prompts_resources_completions_logging_progress_and_questions_work_over_stdio()
    {
        var logged = new ConcurrentQueue<string>();
        var options = InProcessServer.ClientOptions("2025-11-25");
        options.Handlers = new McpClientHandlers
        {
            NotificationHandlers =
            [
                new(NotificationMethods.LoggingMessageNotification, (notification, _) =>
                {
                    logged.Enqueue(notification.Params!["data"]!.GetValue<string>());
                    return ValueTask.CompletedTask;
                }),
            ],
            ElicitationHandler = (_, _) => ValueTask.FromResult(new ElicitResult
            {
                Action = "accept",
                Content = new Dictionary<string, JsonElement> { ["username"] = JsonSerializer.SerializeToElement("stdio-user"), ["email"] = JsonSerializer.SerializeToElement("s@example.com") },
            }),
        };
        await using var client = await McpClient.CreateAsync(HostProcess.Stdio(_plugins), options);

        var prompt = await client.GetPromptAsync("test_prompt_with_arguments", new Dictionary<string, object?> { ["arg1"] = "a", ["arg2"] = "b" });
        var resource = await client.ReadResourceAsync("test://template/42/data");
        var completion = await client.CompleteAsync(new PromptReference { Name = "test_prompt_with_arguments" }, "arg1", "testi");
        await client.SetLoggingLevelAsync(LoggingLevel.Info);
        await client.CallToolAsync("test_tool_with_logging", new Dictionary<string, object?>());
        var progress = new ConcurrentQueue<float>();
        await client.CallToolAsync("test_tool_with_progress", new Dictionary<string, object?>(), new SynchronousProgress(value => progress.Enqueue(value.Progress)));
        var asked = await client.CallToolAsync("test_elicitation", new Dictionary<string, object?> { ["message"] = "Who?" });

        Assert.Contains("arg1='a', arg2='b'", ((TextContentBlock)prompt.Messages[0].Content).Text);
        Assert.Contains("Data for ID: 42", ((TextResourceContents)resource.Contents[0]).Text);
        Assert.Equal(["testing"], completion.Completion.Values);
        Assert.Equal(["Tool execution started", "Tool processing data", "Tool execution completed"], logged);
        Assert.Equal([0f, 50f, 100f], progress);
        Assert.Contains("stdio-user", ((TextContentBlock)asked.Content[0]).Text);
        var audit = File.ReadAllText(Assert.Single(Directory.GetFiles(_plugins.AuditPath, "*.jsonl")));
        Assert.Contains("\"tool\":\"template_data\",\"feature\":\"resourceTemplate\"", audit, StringComparison.Ordinal);
    }
#pragma warning restore MCP9005

    public void Dispose() => _plugins.Dispose();
}
