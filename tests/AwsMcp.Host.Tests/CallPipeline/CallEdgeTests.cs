using System.Text.Json;
using AwsMcp.Host.Cli;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Audit;

namespace AwsMcp.Host.Tests.CallPipeline;

/// <summary>
/// Arguments are parsed once, at the edge of every channel, and refused there before anything runs when they are
/// ambiguous or unreadable: a repeated property, an unpaired surrogate, a number outside the argument's type,
/// arguments that are not an object. Each refusal is an answer naming the field, never a 500, and is audited.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class CallEdgeTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> WritesEnabled = new() { ["AwsMcp:Tools:WritesEnabled"] = "true" };

    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();
    private InProcessServer _server = null!;
    private InProcessServer _sdkPath = null!;

    /// <summary>(tool, arguments JSON as sent, the field the refusal must name, words it must say).</summary>
    public static TheoryData<string, string, string, string> Malformed => new()
    {
        { "tag_thing", """{"thing_id":"t-1","thing_id":"t-2"}""", "thing_id", "more than once" },
        { "tag_thing", """{"thing_id":"\ud800"}""", "thing_id", "surrogate" },
        { "make_things", """{"count":123456789012345678901234567890}""", "count", "32-bit integer" },
        { "tag_things", """{"thing_ids":["t-1",{"a":1,"a":2}]}""", "thing_ids[1].a", "more than once" },
    };

    public async Task InitializeAsync()
    {
        _server = await InProcessServer.StartAsync(_plugins, WritesEnabled);
        _sdkPath = await InProcessServer.StartAsync(_plugins, new Dictionary<string, string?>(WritesEnabled) { ["AwsMcp:Mcp:FastPath"] = "false" });
    }

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Malformed))]
    public async Task Every_http_channel_refuses_the_call_naming_the_field_before_the_tool_runs(string tool, string arguments, string field, string words)
    {
        var body = $$$"""{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{arguments}}}}}""";
        var answers = new List<string>
        {
            ToolError(await PostAsync(_server, "/mcp", body)),
            ToolError(await PostAsync(_server, "/", body)),
            ToolError(await PostAsync(_server, "/mcp/tools/call", body, sse: false)),
            ToolError(await PostAsync(_sdkPath, "/mcp", body)),
        };

        Assert.All(answers, text =>
        {
            Assert.Contains(field, text, StringComparison.Ordinal);
            Assert.Contains(words, text, StringComparison.Ordinal);
        });
        foreach (var server in new[] { _server, _sdkPath })
        {
            var records = server.Audit.Records.Where(r => r.Tool == tool).ToList();
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.Equal((AuditRecordKind.Call, ToolCallOutcome.InvalidArguments), (r.Kind, r.Outcome)));
        }
    }

    [Fact]
    public async Task Arguments_that_are_not_an_object_are_invalid_params_on_every_channel_and_audited()
    {
        const string body = """{"jsonrpc":"2.0","id":"s-1","method":"tools/call","params":{"name":"tag_thing","arguments":"{\"thing_id\":\"t-1\"}"}}""";

        foreach (var (server, path, sse) in new[] { (_server, "/mcp", true), (_server, "/mcp/tools/call", false), (_sdkPath, "/mcp", true) })
        {
            var answer = await PostAsync(server, path, body, sse);
            var error = answer.GetProperty("error");
            Assert.Equal(-32602, error.GetProperty("code").GetInt32());
            Assert.Contains("must be a JSON object", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal("s-1", answer.GetProperty("id").GetString());
        }

        Assert.Equal(2, _server.Audit.Records.Count(r => r.Tool == "tag_thing" && r.Outcome == ToolCallOutcome.InvalidArguments));
        Assert.Single(_sdkPath.Audit.Records, r => r.Tool == "tag_thing" && r.Outcome == ToolCallOutcome.InvalidArguments);
    }

    [Fact]
    public async Task A_repeated_property_outside_the_arguments_is_an_invalid_request()
    {
        const string body = """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"echo","name":"tag_thing","arguments":{"thing_id":"t-1"}}}""";

        var answer = await PostAsync(_server, "/mcp", body);

        Assert.Contains("params.name", answer.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Audit.Records, r => r.Outcome == ToolCallOutcome.Succeeded);
    }

    [Fact]
    public async Task An_unknown_tool_is_invalid_params_and_audited_on_both_paths()
    {
        const string body = """{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}""";

        foreach (var server in new[] { _server, _sdkPath })
        {
            var answer = await PostAsync(server, "/mcp", body);
            Assert.Equal(-32602, answer.GetProperty("error").GetProperty("code").GetInt32());
            var record = Assert.Single(server.Audit.Records, r => r.Tool == "no_such_tool");
            Assert.Equal(("unknown-tool", ToolCallOutcome.UnknownTool, (string?)null), (record.PolicyRule, record.Outcome, record.Plugin));
        }

        Assert.DoesNotContain(_server.Logs.Lines, line => line.Message.Contains("   at ", StringComparison.Ordinal));
    }

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Malformed))]
    public async Task The_command_line_refuses_them_too_and_audits_where_the_operator_configured(string tool, string arguments, string field, string words)
    {
        var audit = Path.Combine(_plugins.AuditPath, "cli-" + Guid.NewGuid().ToString("N")[..8]);
        using (new EnvironmentScope(("AWSMCP__Audit__Path", audit), ("AWSMCP__Tools__WritesEnabled", "true")))
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CliApplication.RunAsync(["call", tool, "--args", arguments, "--plugins", _plugins.Path], output, error);

            Assert.Equal(ExitCodes.ToolError, exit);
            Assert.Contains(field, error.ToString(), StringComparison.Ordinal);
            Assert.Contains(words, error.ToString(), StringComparison.Ordinal);
            var line = Assert.Single(File.ReadAllLines(Assert.Single(Directory.GetFiles(audit, "*.jsonl"))));
            Assert.Contains("\"outcome\":\"InvalidArguments\"", line, StringComparison.Ordinal);
        }
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sdkPath.DisposeAsync();
        _plugins.Dispose();
    }

    private static string ToolError(JsonElement answer)
    {
        Assert.True(answer.TryGetProperty("result", out var result), $"expected a tool result, got {answer}");
        Assert.True(result.GetProperty("isError").GetBoolean());
        return result.GetProperty("content")[0].GetProperty("text").GetString()!;
    }

    /// <summary>Posts raw bytes (<see cref="RawPost"/>); returns the JSON-RPC answer.</summary>
    private static async Task<JsonElement> PostAsync(InProcessServer server, string path, string body, bool sse = true)
    {
        var (status, message) = await RawPost.SendAsync(server, path, body, sse);
        Assert.True((int)status is >= 200 and < 300, $"{path} answered {(int)status}: {message}");
        using var document = JsonDocument.Parse(message!);
        return document.RootElement.Clone();
    }
}
