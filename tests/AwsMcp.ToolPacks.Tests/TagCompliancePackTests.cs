using System.Diagnostics;
using System.Text.Json;
using AwsMcp.Host.Cli;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.Sandbox;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.ToolPacks.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AwsMcp.ToolPacks.Tests;

/// <summary>
/// An ops team's tool pack, from packages to a running server and back: pack → install into a running host → the tool
/// appears (list_changed reaches a stateful session) → the call works against the sandbox → remove → the tool is gone.
/// </summary>
[Collection(DotnetChildProcesses.Name)]
public sealed class TagCompliancePackTests(ITestOutputHelper output) : IDisposable
{
    private const string Tool = "check_tag_compliance";

    private static readonly string[] AwsEnvironmentVariables =
        ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE"];

    private readonly PluginFolder _plugins = new();
    private readonly ScratchFolder _work = new("awsmcp-toolpack-tests");
    private readonly Dictionary<string, string?> _savedEnvironment = AwsEnvironmentVariables.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    [Fact(Timeout = 600_000)]
    [Trait("Category", "ToolPackEndToEnd")]
    public async Task A_sample_tool_pack_built_from_the_packages_installs_into_a_running_server_works_and_uninstalls()
    {
        var clock = Stopwatch.StartNew();
        var package = await SampleToolPack.PackAsync(_work.Combine("out"));
        output.WriteLine($"packages and sample packed in {clock.Elapsed.TotalSeconds:F1}s: {Path.GetFileName(package)}");

        // Like `serve --sandbox`: the emulator, with the process's AWS environment pointed at it.
        await using var sandbox = await SandboxEnvironment.StartAsync(NullLoggerFactory.Instance, CancellationToken.None);
        await using var server = await InProcessServer.StartAsync(_plugins, new Dictionary<string, string?> { ["AwsMcp:Mcp:SessionMode"] = "Stateful" });
        var catalog = server.Service<PluginCatalog>();
        var notifications = 0;
        await using var client = await server.ConnectAsync("2025-06-18", () => Interlocked.Increment(ref notifications));
        Assert.DoesNotContain(Tool, (await client.ListToolsAsync()).Select(t => t.Name));

        var install = await RunCliAsync("plugins", "install", package, "--by", "tests");
        Assert.True(install.Exit == ExitCodes.Success, install.Error);
        await Poll.UntilAsync(() => catalog.Loaded.Any(p => p.Name == SampleToolPack.Name) && Volatile.Read(ref notifications) >= 1, "the installed tool pack to load and clients to be notified", 60);
        Assert.Contains(Tool, (await client.ListToolsAsync()).Select(t => t.Name));

        var everyInstance = (await CallAsync(client, ["Owner", "CostCenter"])).GetProperty("items"); // the seed tags no instance with CostCenter
        Assert.NotEmpty(everyInstance.EnumerateArray());
        Assert.All(everyInstance.EnumerateArray(), i => Assert.Equal(["CostCenter"], i.GetProperty("missing_tags").EnumerateArray().Select(t => t.GetString())));
        var none = await CallAsync(client, ["Owner"]);
        Assert.Empty(none.GetProperty("items").EnumerateArray());
        Assert.False(none.GetProperty("has_more").GetBoolean());

        var seen = Volatile.Read(ref notifications);
        var remove = await RunCliAsync("plugins", "remove", SampleToolPack.Name);
        Assert.True(remove.Exit == ExitCodes.Success, remove.Error);
        await Poll.UntilAsync(() => catalog.Loaded.All(p => p.Name != SampleToolPack.Name) && Volatile.Read(ref notifications) > seen, "the removed tool pack to unload and clients to be notified", 60);
        Assert.DoesNotContain(Tool, (await client.ListToolsAsync()).Select(t => t.Name));
        output.WriteLine($"whole path in {clock.Elapsed.TotalSeconds:F1}s");
    }

    private static async Task<JsonElement> CallAsync(ModelContextProtocol.Client.McpClient client, string[] requiredTags)
    {
        var result = await client.CallToolAsync(Tool, new Dictionary<string, object?> { ["required_tags"] = requiredTags, ["region"] = "us-east-1" });
        Assert.NotEqual(true, result.IsError);
        return result.StructuredContent!.Value;
    }

    private async Task<(int Exit, string Output, string Error)> RunCliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync([.. args, "--plugins", _plugins.Path], stdout, stderr);
        output.WriteLine($"awsmcp {string.Join(' ', args)} => {exit}\n{stdout}{stderr}");
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        foreach (var (name, value) in _savedEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _plugins.Dispose();
        _work.Dispose();
    }
}
