using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AwsMcp.Abstractions.Schema;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.Lean;

/// <summary>
/// What every client puts into a model's context on every turn, as the product ships (the four packs, default
/// configuration, the real process): a size budget, not a time. Model-facing bytes are each tool's name, description
/// and input schema (compact JSON, UTF-8); on the wire, the <c>tools/list</c> answer. The 28 read-only tools the
/// budget was set for keep it; every tool added since is held to the same bytes per tool on average, so the list
/// grows with its tools and no faster.
/// </summary>
public sealed class ContextBudgetTests : IDisposable
{
    /// <summary>The read-only tools the budget was set for (the list as it was when it was set).</summary>
    private static readonly string[] BudgetedTools =
    [
        "list_s3_objects", "get_s3_object_info", "read_s3_object_text", "list_s3_buckets", "get_s3_bucket_security",
        "list_ec2_instances", "describe_ec2_instance", "list_ec2_regions", "query_logs_insights", "get_logs_insights_results",
        "list_log_groups", "list_log_streams", "filter_log_events", "list_lambda_functions", "get_lambda_function",
        "whoami", "list_iam_roles", "get_iam_role", "find_iam_risks", "list_iam_users", "list_iam_policies",
        "get_iam_policy_document", "simulate_iam_permissions", "list_budgets", "get_estimated_cost", "get_cost_by_service",
        "get_cost_forecast", "compare_costs",
    ];

    private const int MaxWireBytes = 25 * 1024;
    private const int MaxModelFacingBytes = 12 * 1024;
    private const int MaxTenItemPageBytes = 2 * 1024;

    private readonly PluginFolder _plugins = new PluginFolder()
        .WithProductPack("AwsMcp.Billing").WithProductPack("AwsMcp.Compute").WithProductPack("AwsMcp.Iam").WithProductPack("AwsMcp.Storage");

    [Fact(Timeout = 180_000)]
    public async Task The_default_tool_list_fits_the_budget_and_stays_copilot_safe()
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, "--sandbox");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await http.SendAsync(request);
        var wire = await response.Content.ReadAsByteArrayAsync();
        using var document = JsonDocument.Parse(wire);
        var tools = document.RootElement.GetProperty("result").GetProperty("tools").EnumerateArray().ToList();

        var names = tools.Select(tool => tool.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.All(BudgetedTools, name => Assert.Contains(name, names));
        Assert.All(tools, tool => Assert.True(tool.TryGetProperty("annotations", out var hints) && hints.TryGetProperty("readOnlyHint", out var readOnly) && readOnly.GetBoolean(), $"{tool.GetProperty("name")} is listed by default but not read-only"));

        // The budgeted tools alone: the answer without the tools added since (each with the comma before it).
        var added = tools.Where(tool => !BudgetedTools.Contains(tool.GetProperty("name").GetString())).ToList();
        var budgetedWire = wire.Length - added.Sum(tool => Encoding.UTF8.GetByteCount(tool.GetRawText()) + 1);
        var budgetedModelFacing = tools.Except(added).Sum(ModelFacingBytes);
        Assert.True(budgetedWire <= MaxWireBytes, $"the {BudgetedTools.Length} budgeted tools are {budgetedWire} bytes on the wire, over the budget of {MaxWireBytes}");
        Assert.True(budgetedModelFacing <= MaxModelFacingBytes, $"the {BudgetedTools.Length} budgeted tools put {budgetedModelFacing} bytes into a model's context, over the budget of {MaxModelFacingBytes}");

        // Every tool of the default list, on average, within the same bytes per tool.
        var wirePerTool = (double)wire.Length / tools.Count;
        var modelFacingPerTool = (double)tools.Sum(ModelFacingBytes) / tools.Count;
        Assert.True(wirePerTool <= (double)MaxWireBytes / BudgetedTools.Length, $"tools/list is {wirePerTool:F0} bytes per tool on the wire ({tools.Count} tools), over {MaxWireBytes / BudgetedTools.Length}");
        Assert.True(
            modelFacingPerTool <= (double)MaxModelFacingBytes / BudgetedTools.Length,
            $"tools/list puts {modelFacingPerTool:F0} bytes per tool into a model's context ({tools.Count} tools), over {MaxModelFacingBytes / BudgetedTools.Length}");

        // Lean is still a schema strict clients accept, and still says how to call each tool.
        foreach (var tool in tools)
        {
            var name = tool.GetProperty("name").GetString();
            Assert.Empty(CopilotSchemaRules.Check(tool.GetProperty("inputSchema")));
            Assert.Empty(CopilotSchemaRules.Check(tool.GetProperty("outputSchema")));
            Assert.Contains("Use ", tool.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.False(tool.GetProperty("inputSchema").GetProperty("properties").TryGetProperty("account", out _), $"{name} lists account without configured accounts");
            Assert.False(tool.GetProperty("inputSchema").GetProperty("properties").TryGetProperty("accounts", out _), $"{name} lists accounts without configured accounts");
        }
    }

    private static int ModelFacingBytes(JsonElement tool) =>
        Encoding.UTF8.GetByteCount(tool.GetProperty("name").GetString()!)
        + Encoding.UTF8.GetByteCount(tool.GetProperty("description").GetString()!)
        + JsonSerializer.SerializeToUtf8Bytes(tool.GetProperty("inputSchema")).Length;

    [Fact(Timeout = 180_000)]
    public async Task A_default_ten_item_page_is_compact_text()
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, "--sandbox");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await http.PostAsync(
            "/mcp/tools/call",
            new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_ec2_instances","arguments":{"limit":10}}}""", Encoding.UTF8, "application/json"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var text = document.RootElement.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!;

        using var page = JsonDocument.Parse(text);
        Assert.Equal(10, page.RootElement.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain("\\u0022", text, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetByteCount(text);
        Assert.True(bytes < MaxTenItemPageBytes, $"a 10-instance page is {bytes} bytes of text, over the budget of {MaxTenItemPageBytes}");
    }

    public void Dispose() => _plugins.Dispose();
}
