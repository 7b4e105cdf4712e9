using AwsMcp.Host.Cli;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests;

/// <summary>The <c>awsmcp</c> commands, run in process with captured output.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly PluginFolder _plugins = new PluginFolder().WithEcho().WithThrowing();

    [Fact]
    public async Task Tools_list_prints_a_table_with_plugin_hints_and_status()
    {
        var (exit, output, _) = await RunAsync("tools", "list", "--output", "table");

        Assert.Equal(ExitCodes.Success, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("TOOL", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("echo ", StringComparison.Ordinal) && l.Contains("Echo") && l.Contains("read-only,idempotent") && l.EndsWith("served"));
        Assert.Contains(lines, l => l.StartsWith("delete_thing ", StringComparison.Ordinal) && l.Contains("write,destructive") && l.Contains("hidden (writes-disabled)"));
    }

    [Fact]
    public async Task Call_prints_the_result_and_exits_non_zero_on_tool_errors()
    {
        var ok = await RunAsync("call", "echo", "--args", """{"text":"cli","upper":true}""");
        var failed = await RunAsync("call", "fail");
        var refused = await RunAsync("call", "tag_thing", "--args", """{"thing_id":"t-1"}""");
        var badJson = await RunAsync("call", "echo", "--args", "{not json");

        Assert.Equal(ExitCodes.Success, ok.Exit);
        Assert.Contains("CLI", ok.Output);
        Assert.Equal(ExitCodes.ToolError, failed.Exit);
        Assert.Contains("the thing is not empty", failed.Error);
        Assert.Equal(ExitCodes.ToolError, refused.Exit);
        Assert.Equal(ExitCodes.InvalidConfiguration, badJson.Exit);
    }

    [Fact]
    public async Task Plugins_list_shows_loaded_and_failed_plugins_with_reasons()
    {
        var (exit, output, _) = await RunAsync("plugins", "list");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("Echo ", StringComparison.Ordinal) && l.Contains("loaded") && l.Contains("echo"));
        Assert.Contains(output.Split('\n'), l => l.StartsWith("Throwing ", StringComparison.Ordinal) && l.Contains("failed") && l.Contains("create-tools: InvalidOperationException"));
    }

    [Fact]
    public async Task Serve_refuses_a_non_loopback_address_without_insecure()
    {
        var (exit, _, error) = await RunAsync("serve", "--urls", "http://0.0.0.0:5999");

        Assert.Equal(ExitCodes.InvalidConfiguration, exit);
        Assert.Contains("not a loopback address", error);
        Assert.Contains("--insecure", error);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync([.. args, "--plugins", _plugins.Path], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _plugins.Dispose();
}
