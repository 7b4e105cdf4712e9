using System.Text;
using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.FirstHour;

/// <summary>
/// docs/migrating-from-the-prototype.md, as a prototype client sends it: the renamed tool under its old name and
/// arguments, when an operator enables aliases, through the same confirmation and audit; and a pointer when not.
/// </summary>
public sealed class PrototypeMigrationTests : IDisposable
{
    private readonly PluginFolder _plugins = new PluginFolder().WithProductPack("AwsMcp.Compute");

    [Fact(Timeout = 240_000)]
    public async Task The_prototypes_terminate_ec2_instance_is_confirmed_and_audited_as_terminate_ec2_instances()
    {
        var environment = new Dictionary<string, string?> { ["AWSMCP__Tools__WritesEnabled"] = "true", ["AWSMCP__Tools__PrototypeAliases"] = "true" };
        await using var host = await HostProcess.StartHttpAsync(_plugins, environment, "--sandbox");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var id = (await CallAsync(http, "list_ec2_instances", new { states = new[] { "running" }, limit = 1 }))
            .GetProperty("items")[0].GetProperty("instance_id").GetString()!;

        var plan = await CallAsync(http, "terminate_ec2_instance", new { instance_id = id });
        var token = plan.GetProperty("confirmation_token").GetString();
        var done = await CallAsync(http, "terminate_ec2_instance", new { instance_id = id, confirmation_token = token });
        var again = await CallAsync(http, "describe_ec2_instance", new { instance_id = id });

        Assert.Equal("confirmation_required", plan.GetProperty("status").GetString());
        Assert.Contains(id, done.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(again.GetProperty("state").GetString(), new[] { "shutting-down", "terminated" });
        var audit = string.Concat(Directory.GetFiles(_plugins.AuditPath, "*.jsonl", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Contains("\"tool\":\"terminate_ec2_instances\"", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("\"tool\":\"terminate_ec2_instance\"", audit, StringComparison.Ordinal);
    }

    [Fact(Timeout = 240_000)]
    public async Task Without_aliases_the_old_name_says_what_to_call()
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, new Dictionary<string, string?> { ["AWSMCP__Tools__WritesEnabled"] = "true" }, "--sandbox");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.PostAsync("/mcp/tools/call", Body("terminate_ec2_instance", new { instance_id = "i-0123456789abcdef0" }));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains("prototype's name for 'terminate_ec2_instances'", answer.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CallAsync(HttpClient http, string tool, object arguments)
    {
        using var response = await http.PostAsync("/mcp/tools/call", Body(tool, arguments));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = answer.RootElement.GetProperty("result");
        var text = result.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), $"{tool} failed: {text}");
        using var parsed = JsonDocument.Parse(text);
        return parsed.RootElement.Clone();
    }

    private static StringContent Body(string tool, object arguments) => new(
        JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method = "tools/call", @params = new { name = tool, arguments } }), Encoding.UTF8, "application/json");

    public void Dispose() => _plugins.Dispose();
}
