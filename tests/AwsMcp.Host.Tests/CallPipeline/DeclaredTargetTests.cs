using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.Tests.Security;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Audit;

namespace AwsMcp.Host.Tests.CallPipeline;

/// <summary>
/// Policy, plans and audit read what a tool declares and where it really acts, never argument names: a located
/// region is authorised (a thing in a disallowed region is refused, and the record names that region), a tool that
/// reaches another region asks policy first, and every declared count is capped.
/// </summary>
public sealed class DeclaredTargetTests : IAsyncLifetime
{
    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();
    private InProcessServer _server = null!;

    public async Task InitializeAsync() => _server = await InProcessServer.StartAsync(_plugins, new Dictionary<string, string?>
    {
        ["AwsMcp:Tools:WritesEnabled"] = "true",
        ["AwsMcp:Aws:Region"] = "us-east-1",
        ["AwsMcp:Policy:AllowedRegions:0"] = "us-east-1",
        ["AwsMcp:Policy:AllowedRegions:1"] = "eu-west-1",
        ["AwsMcp:Policy:MaxResourcesPerCall"] = "3",
    });

    [Fact]
    public async Task A_thing_in_a_disallowed_region_is_refused_and_the_record_names_its_region()
    {
        var refused = await _server.CallAsync("delete_regional_thing", """{"thing":"ap-southeast-2/t-1"}""");
        var read = await _server.CallAsync("read_regional_thing", """{"thing":"ap-southeast-2/t-2"}""");

        Assert.True(refused.IsError);
        Assert.Contains("Region 'ap-southeast-2' is not allowed", refused.Text, StringComparison.Ordinal);
        Assert.True(read.IsError);
        var records = _server.Audit.Records.Where(r => r.Tool.EndsWith("regional_thing", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(("ap-southeast-2", "region", ToolCallOutcome.Refused), (r.Region, r.PolicyRule, r.Outcome)));
        Assert.DoesNotContain(_server.Audit.Records, r => r.Kind == AuditRecordKind.Intent);
    }

    [Fact]
    public async Task The_plan_names_the_located_region_and_the_change_runs_there()
    {
        var plan = await _server.CallAsync("delete_regional_thing", """{"thing":"eu-west-1/t-3"}""");
        using var document = JsonDocument.Parse(plan.Text);
        var token = document.RootElement.GetProperty("confirmation_token").GetString();
        var done = await _server.CallAsync("delete_regional_thing", $$"""{"thing":"eu-west-1/t-3","confirmation_token":"{{token}}"}""");

        Assert.Equal("eu-west-1", document.RootElement.GetProperty("region").GetString());
        Assert.Equal("eu-west-1/t-3", document.RootElement.GetProperty("targets")[0].GetString());
        Assert.Equal("deleted eu-west-1/t-3 in eu-west-1", done.Text);
        var intent = Assert.Single(_server.Audit.Records, r => r.Kind == AuditRecordKind.Intent);
        Assert.Equal(("eu-west-1", 1, "eu-west-1/t-3"), (intent.Region, intent.ResourceCount, Assert.Single(intent.Resources)));
        Assert.Equal(ToolCallOutcome.Succeeded, Assert.Single(_server.Audit.Records, r => r.Kind == AuditRecordKind.Outcome).Outcome);
    }

    [Fact]
    public async Task A_tool_reaching_another_region_asks_policy_first()
    {
        var refused = await _server.CallAsync("copy_thing", """{"thing_id":"t-1","to_region":"us-west-2"}""");
        var allowed = await _server.CallAsync("copy_thing", """{"thing_id":"t-1","to_region":"eu-west-1"}""");

        Assert.True(refused.IsError);
        Assert.Contains("Region 'us-west-2' is not allowed", refused.Text, StringComparison.Ordinal);
        Assert.Equal("copied t-1 from us-east-1 to eu-west-1", allowed.Text);
        var outcome = _server.Audit.Records.Last(r => r.Tool == "copy_thing" && r.Kind == AuditRecordKind.Outcome);
        Assert.Equal(["eu-west-1"], outcome.Targets);
    }

    [Fact]
    public async Task Every_declared_count_is_capped_and_nothing_else_is_counted()
    {
        var tooMany = await _server.CallAsync("make_things", """{"count":5}""");
        var enough = await _server.CallAsync("make_things", """{"count":3}""");
        var names = await _server.CallAsync("describe_things", """{"thing_ids":["a","b","c","d","e"]}""");

        Assert.Contains("would change 5 resources in one call; this server allows at most 3", tooMany.Text, StringComparison.Ordinal);
        Assert.Equal("made 3 thing(s)", enough.Text);
        Assert.False(names.IsError, "a read-only tool's resources are not capped");
    }

    [Fact]
    public async Task A_change_whose_answer_is_too_large_is_answered_shortened_as_the_success_it_was()
    {
        var result = await _server.CallAsync("tag_and_report", """{"thing_id":"t-1","total":5000}""");

        Assert.False(result.IsError, result.Text[..200]);
        Assert.StartsWith("The change was made.", result.Text, StringComparison.Ordinal);
        var things = result.Structured!.Value.GetProperty("things").GetArrayLength();
        Assert.InRange(things, 1, 4999);
        Assert.Equal("tagged t-1", result.Structured.Value.GetProperty("message").GetString());
        Assert.Equal(ToolCallOutcome.SucceededTruncated, _server.Audit.Records.Last(r => r.Tool == "tag_and_report").Outcome);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _plugins.Dispose();
    }
}
